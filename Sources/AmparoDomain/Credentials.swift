import Crypto
import Foundation

/// Rules a new password must meet (NIST SP 800-63B: length over composition, no known-bad passwords).
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 128

    public enum Problem: String, Equatable, Sendable, Codable, CaseIterable {
        case tooShort, tooLong, tooCommon, containsEmail
    }

    static let common: Set<String> = [
        "password1234", "123456789012", "qwertyuiopas", "passwordpassword", "iloveyou1234",
        "amparoamparo", "contraseña123", "administrator", "letmein12345", "welcome12345",
    ]

    public static func check(_ password: String, email: String) -> Problem? {
        if password.count < minimumLength { return .tooShort }
        if password.count > maximumLength { return .tooLong }
        let lowered = password.lowercased()
        if common.contains(lowered) || Set(lowered).count <= 2 { return .tooCommon }
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        if local.count >= 4 && lowered.contains(local) { return .containsEmail }
        return nil
    }
}

/// One-time recovery codes for when the phone with the authenticator is lost. Shown once; only
/// their SHA-256 is stored (each has 50 bits of entropy, so a fast hash is enough).
public enum RecoveryCodes {
    public static let count = 10

    public static func generate(random: RandomSource) -> [String] {
        (0..<count).map { _ in
            let code = Base32.encode(random.bytes(7)).prefix(10).lowercased()
            return "\(code.prefix(5))-\(code.suffix(5))"
        }
    }

    public static func digest(_ code: String) -> String {
        let normalized = code.lowercased().filter { $0.isLetter || $0.isNumber }
        return Hex.encode(SHA256.hash(data: Data(normalized.utf8)))
    }
}

/// Bearer secrets (session cookies, API tokens, invitation links) are stored only as a SHA-256 digest:
/// a stolen database holds no usable session or token.
public enum SecretDigest {
    public static func of(_ secret: String) -> String {
        Hex.encode(SHA256.hash(data: Data(secret.utf8)))
    }
}

public enum EmailAddress {
    /// A pragmatic check: one @, a dot in the domain, no spaces, sane length.
    public static func isValid(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 254, !trimmed.contains(where: \.isWhitespace) else { return false }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return false }
        return true
    }
}
