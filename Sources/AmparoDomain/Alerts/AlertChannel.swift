import Foundation

/// How a member of the public receives verified alerts.
public enum AlertChannel: String, CaseIterable, Codable, Sendable {
    case email, sms, signal

    public var indexKind: BlindIndexKind { self == .email ? .email : .phone }

    /// The contact as it will be used: a trimmed email address, or a phone number in E.164 form
    /// (+ and 8 to 15 digits; a 10-digit number is taken as North American).
    public func normalize(_ raw: String) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch self {
        case .email:
            return EmailAddress.isValid(trimmed) ? trimmed : nil
        case .sms, .signal:
            guard trimmed.allSatisfy({ $0.isNumber || " +-().".contains($0) }) else { return nil }
            let digits = trimmed.filter(\.isNumber)
            if digits.count == 10 && !trimmed.hasPrefix("+") { return "+1" + digits }
            guard (8...15).contains(digits.count) else { return nil }
            return "+" + digits
        }
    }
}
