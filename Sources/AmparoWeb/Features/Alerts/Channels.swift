import AmparoDomain
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOPosix
import Vapor

/// One message to one recipient on one channel.
struct OutgoingMessage: Sendable {
    let to: String
    let subject: String
    let body: String
    /// Stable for the (alert, subscriber) pair: a receiver can drop a repeat.
    let idempotencyKey: String
    /// The alert's stop link (a List-Unsubscribe header in mail); nil for messages that are not alerts.
    var unsubscribeURL: String? = nil
    /// When it was queued: a provider asked whether it already went out looks no earlier.
    var queuedAt: Date = .distantPast
}

enum DeliveryError: Error, CustomStringConvertible {
    /// The provider refused this message for good (a bad number): do not retry.
    case permanent(String)
    /// Worth another try later (network, 5xx, 429).
    case temporary(String)
    case notConfigured(String)

    /// Whether `error` says not to try again.
    static func isPermanent(_ error: any Error) -> Bool {
        if case DeliveryError.permanent = error { return true }
        return false
    }

    var description: String {
        switch self {
        case .permanent(let why): "permanent: \(why)"
        case .temporary(let why): "temporary: \(why)"
        case .notConfigured(let channel): "\(channel) is not configured"
        }
    }
}

protocol ChannelSender: Sendable {
    func send(_ message: OutgoingMessage) async throws
    /// Whether a message that may have gone out before a crash (its lease ran out unmarked) already
    /// reached the provider since `since`. Providers that honour our idempotency key answer false:
    /// a resend is dropped there. Those that keep none (Twilio) are asked, so nobody gets it twice.
    func alreadySent(_ message: OutgoingMessage, since: Date) async throws -> Bool
}

extension ChannelSender {
    func alreadySent(_ message: OutgoingMessage, since: Date) async throws -> Bool { false }
}

/// Where the channels are. Each can be pointed at a local server (tests run real SMTP and HTTP
/// servers on loopback); unset channels keep their messages waiting.
public struct DeliveryConfig: Sendable {
    public var smtpHost: String?
    public var smtpPort = 25
    /// Unset: what the port usually means (465 TLS, 587 STARTTLS, else none).
    public var smtpSecurity: SMTPSecurity?
    public var smtpUsername: String?
    public var smtpPassword: String?
    public var smtpTrustRootsFile: String?
    public var mailFrom = "alerts@amparo.invalid"
    public var twilioBaseURL = "https://api.twilio.com"
    public var twilioAccountSID: String?
    public var twilioAuthToken: String?
    public var twilioFrom: String?
    public var signalBaseURL: String?
    public var signalNumber: String?
    /// Messages per second per channel, under the providers' limits.
    public var ratePerSecond: [AlertChannel: Double] = [.email: 200, .sms: 100, .signal: 50]
    /// How long a worker holds messages it took: after a crash they come due again this much later.
    public var leaseSeconds: TimeInterval = 120

    public init() {}

    /// The mail server, when one is set.
    var smtpServer: SMTPServer? {
        smtpHost.map {
            SMTPServer(host: $0, port: smtpPort, security: smtpSecurity ?? .usual(forPort: smtpPort), username: smtpUsername,
                       password: smtpPassword, from: mailFrom, trustRootsFile: smtpTrustRootsFile)
        }
    }

    static func fromEnvironment(_ env: [String: String]) -> DeliveryConfig {
        var config = DeliveryConfig()
        if let smtp = env["AMPARO_SMTP"] {
            let parts = smtp.split(separator: ":")
            config.smtpHost = parts.first.map(String.init)
            if parts.count > 1, let port = Int(parts[1]) { config.smtpPort = port }
        }
        config.smtpSecurity = env["AMPARO_SMTP_SECURITY"].flatMap(SMTPSecurity.init(rawValue:))
        config.smtpUsername = env["AMPARO_SMTP_USER"]
        config.smtpPassword = env["AMPARO_SMTP_PASSWORD"]
        config.smtpTrustRootsFile = env["AMPARO_SMTP_CA_FILE"]
        if let from = env["AMPARO_MAIL_FROM"] { config.mailFrom = from }
        if let url = env["AMPARO_TWILIO_URL"] { config.twilioBaseURL = url }
        config.twilioAccountSID = env["AMPARO_TWILIO_SID"]
        config.twilioAuthToken = env["AMPARO_TWILIO_TOKEN"]
        config.twilioFrom = env["AMPARO_TWILIO_FROM"]
        config.signalBaseURL = env["AMPARO_SIGNAL_URL"]
        config.signalNumber = env["AMPARO_SIGNAL_NUMBER"]
        if let lease = env["AMPARO_DELIVERY_LEASE"].flatMap(Double.init), lease >= 1 { config.leaseSeconds = lease }
        for channel in AlertChannel.allCases {
            if let rate = env["AMPARO_RATE_\(channel.rawValue.uppercased())"].flatMap(Double.init), rate > 0 {
                config.ratePerSecond[channel] = rate
            }
        }
        return config
    }
}

/// Twilio's Messages REST API (POST /2010-04-01/Accounts/{sid}/Messages.json, HTTP basic auth).
/// Talks to AsyncHTTPClient directly: at alert volume Vapor's client wrapper costs more than the send.
struct TwilioSender: ChannelSender {
    let client: HTTPClient
    let baseURL: String
    let accountSID: String
    let authToken: String
    let from: String

    func send(_ message: OutgoingMessage) async throws {
        var request = HTTPClientRequest(url: "\(baseURL)/2010-04-01/Accounts/\(accountSID)/Messages.json")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Basic " + Data("\(accountSID):\(authToken)".utf8).base64EncodedString())
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        // Twilio keeps no idempotency key for Messages; ours travels in a header a relay or a test
        // server can use to drop a repeat.
        request.headers.add(name: "I-Amparo-Idempotency-Key", value: message.idempotencyKey)
        request.body = .bytes(ByteBuffer(string: FormEncoding.encode([("To", message.to), ("From", from), ("Body", message.body)])))
        try await HTTPDelivery.execute(request, client: client, provider: "Twilio")
    }

    /// Twilio's message list for the recipient, sent on or after that day (its `DateSent>=` filter
    /// takes a date), searched for the same body from our number created since `since`. Alert and
    /// dispatch texts carry a link of their own, so an equal body is the same message.
    func alreadySent(_ message: OutgoingMessage, since: Date) async throws -> Bool {
        let day = String(ISO8601DateFormatter().string(from: since).prefix(10))
        let query = FormEncoding.encode([("To", message.to), ("From", from), ("DateSent>", day)])  // DateSent%3E=day
        var request = HTTPClientRequest(url: "\(baseURL)/2010-04-01/Accounts/\(accountSID)/Messages.json?\(query)&PageSize=100")
        request.headers.add(name: "Authorization", value: "Basic " + Data("\(accountSID):\(authToken)".utf8).base64EncodedString())
        let body = try await HTTPDelivery.fetch(request, client: client, provider: "Twilio")
        let list = try JSONDecoder().decode(MessageList.self, from: body)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"  // RFC 2822, as Twilio writes dates
        return list.messages.contains { sent in
            guard sent.body == message.body, sent.to == message.to else { return false }
            guard let created = sent.dateCreated.flatMap(formatter.date(from:)) else { return true }
            return created >= since.addingTimeInterval(-60)
        }
    }

    struct MessageList: Decodable {
        struct Message: Decodable {
            let to: String
            let body: String
            let dateCreated: String?

            enum CodingKeys: String, CodingKey { case to, body, dateCreated = "date_created" }
        }

        let messages: [Message]
    }
}

/// signal-cli-rest-api's send endpoint (POST /v2/send, JSON).
struct SignalSender: ChannelSender {
    let client: HTTPClient
    let baseURL: String
    let number: String

    struct Payload: Codable {
        let message: String
        let number: String
        let recipients: [String]
    }

    func send(_ message: OutgoingMessage) async throws {
        var request = HTTPClientRequest(url: "\(baseURL)/v2/send")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "I-Amparo-Idempotency-Key", value: message.idempotencyKey)
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(Payload(message: message.body, number: number, recipients: [message.to]))))
        try await HTTPDelivery.execute(request, client: client, provider: "Signal")
    }
}

enum HTTPDelivery {
    /// AsyncHTTPClient logs at trace level per request; the sends need none of it.
    static let quiet = Logger(label: "amparo.delivery", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A provider's answer to a question (a GET), up to 1 MB.
    static func fetch(_ request: HTTPClientRequest, client: HTTPClient, provider: String) async throws -> Data {
        let response: HTTPClientResponse, body: ByteBuffer
        do {
            response = try await client.execute(request, timeout: .seconds(30), logger: quiet)
            body = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw DeliveryError.temporary("\(provider): \(error)")
        }
        guard (200..<300).contains(response.status.code) else { throw DeliveryError.temporary("\(provider) answered \(response.status.code)") }
        return Data(buffer: body)
    }

    static func execute(_ request: HTTPClientRequest, client: HTTPClient, provider: String) async throws {
        let status: UInt
        do {
            let response = try await client.execute(request, timeout: .seconds(30), logger: quiet)
            status = response.status.code
            _ = try await response.body.collect(upTo: 1 << 16)
        } catch {
            throw DeliveryError.temporary("\(provider): \(error)")
        }
        switch status {
        case 200..<300: return
        case 429, 500...: throw DeliveryError.temporary("\(provider) answered \(status)")
        default: throw DeliveryError.permanent("\(provider) answered \(status)")
        }
    }
}

/// application/x-www-form-urlencoded, written byte by byte (Foundation's percent encoding is slow).
enum FormEncoding {
    static func encode(_ pairs: [(String, String)]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        let hex = Array("0123456789ABCDEF".utf8)
        for (i, (name, value)) in pairs.enumerated() {
            if i > 0 { out.append(UInt8(ascii: "&")) }
            for (j, text) in [name, value].enumerated() {
                if j == 1 { out.append(UInt8(ascii: "=")) }
                for byte in text.utf8 {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                         UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                        out.append(byte)
                    default:
                        out.append(UInt8(ascii: "%"))
                        out.append(hex[Int(byte >> 4)])
                        out.append(hex[Int(byte & 0x0F)])
                    }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
