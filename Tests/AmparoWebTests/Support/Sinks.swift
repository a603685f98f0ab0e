import AmparoDomain
import AmparoWeb
import Foundation
import NIOConcurrencyHelpers
import Vapor
import XCTest

/// A real SMTP server on loopback (aiosmtpd from PyPI, writing a Maildir), for delivery tests.
final class SMTPSink: @unchecked Sendable {
    let port: Int
    let maildir: URL
    private let process: Process

    /// Where a server that demands TLS keeps its certificate, for the client to trust.
    var certificateFile: String { maildir.path + "-cert/cert.pem" }

    convenience init(port: Int = Int.random(in: 20_000...40_000)) throws {
        try self.init(port: port) { ["python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", $0.path] }
    }

    /// A server as mail providers run them (scripts/smtp-tls-sink.py): TLS first (STARTTLS, or from
    /// the first byte), then a sign-in, before it takes a message.
    convenience init(port: Int = Int.random(in: 20_000...40_000), requiring security: SMTPSecurity, user: String, password: String) throws {
        try self.init(port: port) { maildir in
            let certs = maildir.path + "-cert"
            try? FileManager.default.createDirectory(atPath: certs, withIntermediateDirectories: true)
            return ["python3", "scripts/smtp-tls-sink.py", "\(port)", maildir.path, certs, security.rawValue, user, password]
        }
    }

    private init(port: Int, arguments: (URL) -> [String]) throws {
        self.port = port
        maildir = FileManager.default.temporaryDirectory.appendingPathComponent("amparo-maildir-\(UUID().uuidString)")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments(maildir)
        try process.run()
        // Wait until it accepts connections: up to 20 s, as Python starts slowly on a busy 2-core
        // machine (5 s was seen to fall short); a process that already ended will not come up.
        for _ in 0..<400 where process.isRunning {
            if Self.canConnect(port: port) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw NSError(domain: "SMTPSink", code: 1, userInfo: [NSLocalizedDescriptionKey: "aiosmtpd did not start on port \(port) (pip install aiosmtpd)"])
    }

    static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// Every message received so far, as raw RFC 5322 text.
    func messages() -> [String] {
        let folder = maildir.appendingPathComponent("new")
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    /// Forgets what arrived so far (a test's set-up mail, say).
    func clear() {
        let folder = maildir.appendingPathComponent("new")
        for file in (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [] {
            try? FileManager.default.removeItem(at: file)
        }
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)  // aiosmtpd does not stop on SIGTERM
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: maildir)
        try? FileManager.default.removeItem(atPath: maildir.path + "-cert")
    }
}

/// A local HTTP server that speaks the two providers' send endpoints (Twilio's Messages API and
/// signal-cli-rest-api's /v2/send) and records what it received.
final class ProviderSink: @unchecked Sendable {
    struct Received: Sendable {
        let path: String
        let body: String
        let authorization: String?
        let idempotencyKey: String?
        let at: Date
    }

    let app: Application
    private let received = NIOLockedValueBox<[Received]>([])
    /// Answer 503 to this many requests first, as a provider having a bad minute.
    let failuresLeft = NIOLockedValueBox(0)
    /// How many times Twilio's message list was asked for.
    let lists = NIOLockedValueBox(0)
    /// The provider's clock (a test sets the app's, so message dates and the app agree).
    let clock = NIOLockedValueBox<@Sendable () -> Date>({ Date() })
    /// Signal envelopes (JSON objects) waiting to be received.
    let inbox = NIOLockedValueBox<[String]>([])
    private(set) var port = 0

    init() async throws {
        app = try await Application.make(.testing)
        let record: @Sendable (Request) async throws -> Response = { [received, failuresLeft, clock] req in
            let fail = failuresLeft.withLockedValue { left -> Bool in
                if left > 0 { left -= 1; return true }
                return false
            }
            if fail { return Response(status: .serviceUnavailable) }
            received.withLockedValue {
                $0.append(Received(path: req.url.path, body: req.body.string ?? "", authorization: req.headers.first(name: .authorization),
                                   idempotencyKey: req.headers.first(name: "I-Amparo-Idempotency-Key"), at: clock.withLockedValue { $0 }()))
            }
            let response = Response(status: .created)
            response.headers.contentType = .json
            response.body = .init(string: req.url.path.hasSuffix("Messages.json") ? #"{"sid":"SM\#(UUID().uuidString.prefix(8))","status":"queued"}"# : #"{"timestamp":"1"}"#)
            return response
        }
        app.post("2010-04-01", "Accounts", ":sid", "Messages.json", use: record)
        // Twilio's message list, filtered by To (and From), newest first, as Twilio answers it.
        app.get("2010-04-01", "Accounts", ":sid", "Messages.json") { [received, lists] req -> Response in
            lists.withLockedValue { $0 += 1 }
            let to = req.query[String.self, at: "To"]
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
            let messages = received.withLockedValue { $0 }.filter { $0.path.hasSuffix("Messages.json") }.reversed().compactMap { item -> [String: String]? in
                let fields = FormBody.parse(Array(item.body.utf8)).compactMapValues(\.first)
                guard to == nil || fields["To"] == to else { return nil }
                return ["to": fields["To"] ?? "", "from": fields["From"] ?? "", "body": fields["Body"] ?? "", "date_created": formatter.string(from: item.at)]
            }
            let response = Response(status: .ok, body: .init(data: try JSONEncoder().encode(["messages": messages])))
            response.headers.contentType = .json
            return response
        }
        app.post("v2", "send", use: record)
        // signal-cli-rest-api's receive: what is waiting for the number, then nothing until more comes.
        app.get("v1", "receive", ":number") { [inbox] req -> Response in
            let waiting = inbox.withLockedValue { items -> [String] in defer { items.removeAll() }; return items }
            let response = Response(status: .ok, body: .init(string: "[" + waiting.joined(separator: ",") + "]"))
            response.headers.contentType = .json
            return response
        }
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        port = app.http.server.shared.localAddress?.port ?? 0
    }

    var requests: [Received] { received.withLockedValue { $0 } }

    func clear() { received.withLockedValue { $0.removeAll() } }
    /// Forgets the texts to one number, as if they never arrived (a worker that died before sending).
    func forget(to number: String) {
        received.withLockedValue { $0.removeAll { FormBody.parse(Array($0.body.utf8))["To"] == [number] } }
    }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}

extension AmparoConfig {
    /// Every channel pointed at the test sinks: mail at the SMTP sink, Twilio and Signal at the HTTP one.
    mutating func deliver(to smtp: SMTPSink, _ providers: ProviderSink) {
        delivery.smtpHost = "127.0.0.1"
        delivery.smtpPort = smtp.port
        delivery.mailFrom = "alerts@riovalley.example"
        delivery.twilioBaseURL = providers.baseURL
        delivery.twilioAccountSID = "AC00000000000000000000000000000001"
        delivery.twilioAuthToken = "test-auth-token"
        delivery.twilioFrom = "+15035550100"
        delivery.signalBaseURL = providers.baseURL
        delivery.signalNumber = "+15035550101"
        publicBaseURL = "https://amparo.example"
    }
}

/// A test case whose app delivers to a real SMTP server and to a Twilio/Signal-speaking server.
class DeliveryTestCase: XCTestCase {
    var harness: TestHarness!
    var smtp: SMTPSink!
    var providers: ProviderSink!

    override func setUp() async throws {
        smtp = try SMTPSink()
        providers = try await ProviderSink()
        let smtp = smtp!, providers = providers!
        harness = try await TestHarness.make { $0.deliver(to: smtp, providers) }
        let clock = harness.clock
        providers.clock.withLockedValue { $0 = { clock.now() } }
    }

    override func tearDown() async throws {
        try await harness.shutdown()
        smtp.stop()
        try await providers.stop()
    }
}
