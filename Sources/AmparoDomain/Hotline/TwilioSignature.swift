import Crypto
import Foundation

/// Twilio signs each webhook: base64(HMAC-SHA1(auth token, full URL + every POST parameter as name
/// followed by value, sorted by name)), sent as X-Twilio-Signature.
public enum TwilioSignature {
    public static func compute(authToken: String, url: String, parameters: [String: String]) -> String {
        let payload = url + parameters.keys.sorted().map { $0 + (parameters[$0] ?? "") }.joined()
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(payload.utf8), using: SymmetricKey(data: Data(authToken.utf8)))
        return Data(mac).base64EncodedString()
    }

    public static func isValid(_ signature: String?, authToken: String, url: String, parameters: [String: String]) -> Bool {
        guard let signature, !signature.isEmpty else { return false }
        let expected = compute(authToken: authToken, url: url, parameters: parameters)
        return constantTimeEquals(Array(signature.utf8), Array(expected.utf8))
    }
}

/// The words a texter uses to stop, restart or ask for help, in English and Spanish (carriers and
/// Twilio use the English ones; our community uses both).
public enum SMSKeyword: Equatable, Sendable {
    case stop, start, help, message

    public static func classify(_ body: String) -> SMSKeyword {
        let word = body.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
            .folding(options: .diacriticInsensitive, locale: nil)
        switch word {
        case "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ALTO", "PARAR", "BAJA": return .stop
        case "START", "UNSTOP", "YES", "SI", "ALTA", "INICIAR": return .start
        case "HELP", "INFO", "AYUDA": return .help
        default: return .message
        }
    }
}
