import AmparoDomain
import Foundation
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
}

enum DeliveryError: Error, CustomStringConvertible {
    /// The provider refused this message for good (a bad number): do not retry.
    case permanent(String)
    /// Worth another try later (network, 5xx, 429).
    case temporary(String)
    case notConfigured(String)

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
}

/// Where the channels are. Each can be pointed at a local server (tests run real SMTP and HTTP
/// servers on loopback); unset channels keep their messages waiting.
public struct DeliveryConfig: Sendable {
    public var smtpHost: String?
    public var smtpPort = 25
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

    static func fromEnvironment(_ env: [String: String]) -> DeliveryConfig {
        var config = DeliveryConfig()
        if let smtp = env["AMPARO_SMTP"] {
            let parts = smtp.split(separator: ":")
            config.smtpHost = parts.first.map(String.init)
            if parts.count > 1, let port = Int(parts[1]) { config.smtpPort = port }
        }
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

/// Plain SMTP (as to a local relay such as Postfix on the same machine), one connection per message.
struct SMTPSender: ChannelSender {
    let host: String
    let port: Int
    let from: String
    let group: any EventLoopGroup

    func send(_ message: OutgoingMessage) async throws {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.seconds(10))
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
                }
        } catch {
            throw DeliveryError.temporary("SMTP connect: \(error)")
        }
        try await channel.executeThenClose { inbound, outbound in
            var replies = SMTPReplyReader(iterator: inbound.makeAsyncIterator())
            func command(_ line: String?, expect: Int) async throws {
                if let line { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
                let code = try await replies.next()
                guard code == expect else {
                    let text = "SMTP \(line?.split(separator: ":").first ?? "greeting") answered \(code)"
                    throw code >= 500 ? DeliveryError.permanent(text) : DeliveryError.temporary(text)
                }
            }
            try await command(nil, expect: 220)
            try await command("EHLO amparo", expect: 250)
            try await command("MAIL FROM:<\(from)>", expect: 250)
            try await command("RCPT TO:<\(message.to)>", expect: 250)
            try await command("DATA", expect: 354)
            try await command(MailFormat.render(message, from: from) + "\r\n.", expect: 250)
            try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }
}

/// Reads SMTP replies ("250-first line", "250 last line") and returns each reply's code.
struct SMTPReplyReader {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending = ""

    mutating func next() async throws -> Int {
        while true {
            while let range = pending.range(of: "\r\n") {
                let line = String(pending[..<range.lowerBound])
                pending.removeSubrange(..<range.upperBound)
                let chars = Array(line)
                if chars.count >= 4, chars[3] == "-" { continue }  // more lines of this reply follow
                return Int(String(chars.prefix(3))) ?? 0
            }
            guard var buffer = try await iterator.next() else { throw DeliveryError.temporary("SMTP server closed the connection") }
            pending += buffer.readString(length: buffer.readableBytes) ?? ""
        }
    }
}

enum MailFormat {
    /// A plain-text UTF-8 message; the body in base64 so no line or byte can break the SMTP dialogue.
    static func render(_ message: OutgoingMessage, from: String) -> String {
        let subject = "=?UTF-8?B?\(Data(message.subject.utf8).base64EncodedString())?="
        let body = Data(message.body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let date = DateFormatter.rfc2822.string(from: Date())
        return ([
            "From: \(from)", "To: <\(message.to)>", "Subject: \(subject)", "Date: \(date)",
            "Message-ID: <\(message.idempotencyKey)@amparo>",
        ] + (message.unsubscribeURL.map { ["List-Unsubscribe: <\($0)>"] } ?? []) + [
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", body,
        ]).joined(separator: "\r\n")
    }
}

extension DateFormatter {
    static let rfc2822: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()
}

/// Twilio's Messages REST API (POST /2010-04-01/Accounts/{sid}/Messages.json, HTTP basic auth).
struct TwilioSender: ChannelSender {
    let client: any Client
    let baseURL: String
    let accountSID: String
    let authToken: String
    let from: String

    func send(_ message: OutgoingMessage) async throws {
        var headers = HTTPHeaders()
        headers.basicAuthorization = BasicAuthorization(username: accountSID, password: authToken)
        headers.contentType = .urlEncodedForm
        // Twilio keeps no idempotency key for Messages; ours travels in the status callback URL's query
        // so a repeat can be recognised downstream.
        let body = FormEncoding.encode([("To", message.to), ("From", from), ("Body", message.body)])
        let response: ClientResponse
        do {
            response = try await client.post(URI(string: "\(baseURL)/2010-04-01/Accounts/\(accountSID)/Messages.json"), headers: headers) {
                $0.body = ByteBuffer(string: body)
                $0.headers.replaceOrAdd(name: "I-Amparo-Idempotency-Key", value: message.idempotencyKey)
            }
        } catch {
            throw DeliveryError.temporary("Twilio: \(error)")
        }
        try HTTPDelivery.check(response, provider: "Twilio")
    }
}

/// signal-cli-rest-api's send endpoint (POST /v2/send, JSON).
struct SignalSender: ChannelSender {
    let client: any Client
    let baseURL: String
    let number: String

    struct Payload: Content {
        let message: String
        let number: String
        let recipients: [String]
    }

    func send(_ message: OutgoingMessage) async throws {
        let response: ClientResponse
        do {
            response = try await client.post(URI(string: "\(baseURL)/v2/send")) {
                try $0.content.encode(Payload(message: message.body, number: number, recipients: [message.to]), as: .json)
                $0.headers.replaceOrAdd(name: "I-Amparo-Idempotency-Key", value: message.idempotencyKey)
            }
        } catch {
            throw DeliveryError.temporary("Signal: \(error)")
        }
        try HTTPDelivery.check(response, provider: "Signal")
    }
}

enum HTTPDelivery {
    static func check(_ response: ClientResponse, provider: String) throws {
        switch response.status.code {
        case 200..<300: return
        case 429, 500...: throw DeliveryError.temporary("\(provider) answered \(response.status.code)")
        default: throw DeliveryError.permanent("\(provider) answered \(response.status.code)")
        }
    }
}

enum FormEncoding {
    static func encode(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }
}
