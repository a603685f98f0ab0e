import Foundation
import Logging

/// Wraps a log handler: never below `minimumLevel` (debug and trace dumps of requests and SQL binds
/// stay off), and scrubs anything shaped like an email address, a phone number or an IP address from
/// messages and metadata, as a second line of defence behind code that never logs personal data.
public struct RedactingLogHandler: LogHandler {
    private var inner: any LogHandler
    private let minimumLevel: Logger.Level

    public init(wrapping inner: any LogHandler, minimumLevel: Logger.Level) {
        self.inner = inner
        self.minimumLevel = max(minimumLevel, .info)
        self.inner.logLevel = self.minimumLevel
    }

    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = max(newValue, minimumLevel) }
    }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = "\(Self.redact(event.message.description))"
        event.metadata = event.metadata?.mapValues { .string(Self.redact($0.description)) }
        inner.log(event: event)
    }

    private static let patterns: [NSRegularExpression] = [
        #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#,  // email
        #"\b(?:\d{1,3}\.){3}\d{1,3}\b"#,  // IPv4
        #"(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{1,4}\b"#,  // IPv6, "::" shortened forms too
        #"(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b"#,  // phone numbers, with or without a country code
    ].map { try! NSRegularExpression(pattern: $0) }

    /// Cheap first look, so most lines ("POST /report 303 0.4ms") skip the regular expressions: an
    /// email needs an @, an IPv6 address two colons after hex digits or colons (a route's ":id" has
    /// none), an IPv4 address four digits and three dots, a phone number seven digits.
    static func mightHoldPersonalData(_ text: String) -> Bool {
        var digits = 0, dots = 0, colons = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "@"): return true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: ":"):
                if previous == UInt8(ascii: ":") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(previous)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(previous | 0x20) { colons += 1 }
            default: break
            }
            previous = byte
        }
        return digits >= 7 || (digits >= 4 && dots >= 3) || colons >= 2
    }

    /// The server's own listening addresses are not personal data; the operator needs to see them.
    private static let ownAddresses: Set<String> = ["127.0.0.1", "0.0.0.0", "::1"]

    public static func redact(_ text: String) -> String {
        guard mightHoldPersonalData(text) else { return text }
        var result = text
        for pattern in patterns {
            let matches = pattern.matches(in: result, range: NSRange(result.startIndex..., in: result))
            for match in matches.reversed() {
                guard let range = Range(match.range, in: result), !ownAddresses.contains(String(result[range])) else { continue }
                result.replaceSubrange(range, with: "[redacted]")
            }
        }
        return result
    }
}
