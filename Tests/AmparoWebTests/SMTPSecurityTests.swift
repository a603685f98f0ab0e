import AmparoDomain
import Foundation
import NIOCore
import NIOPosix
import XCTest

@testable import AmparoWeb

/// Mail to a server that behaves like a provider's: TLS first, then a sign-in. Real servers on
/// loopback (scripts/smtp-tls-sink.py, aiosmtpd with its own certificate).
final class SMTPSecurityTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws { harness = try await TestHarness.make() }
    override func tearDown() async throws { try await harness.shutdown() }

    func message(_ n: Int) -> OutgoingMessage {
        OutgoingMessage(to: "ana\(n)@example.org", subject: "Prueba \(n)", body: "Hola \(n)", idempotencyKey: "amparo-tls-\(n)")
    }

    func server(_ sink: SMTPSink, _ security: SMTPSecurity, password: String = "s3cret pass", trust: Bool = true) -> SMTPServer {
        SMTPServer(host: "localhost", port: sink.port, security: security, username: "amparo@riovalley.example", password: password,
                   from: "alerts@riovalley.example", trustRootsFile: trust ? sink.certificateFile : nil)
    }

    func testStartTLSThenSignInThenTheMessage() async throws {
        let sink = try SMTPSink(requiring: .starttls, user: "amparo@riovalley.example", password: "s3cret pass")
        defer { sink.stop() }
        let sender = SMTPSender(server: server(sink, .starttls), group: harness.app.eventLoopGroup)
        try await sender.send(message(1))
        try await sender.send(message(2))  // on the same signed-in session
        let mails = sink.messages()
        XCTAssertEqual(mails.count, 2)
        XCTAssertTrue(mails.contains { $0.contains("Message-ID: <amparo-tls-1@amparo>") })
    }

    func testTLSFromTheFirstByte() async throws {
        let sink = try SMTPSink(requiring: .tls, user: "amparo@riovalley.example", password: "s3cret pass")
        defer { sink.stop() }
        try await SMTPSender(server: server(sink, .tls), group: harness.app.eventLoopGroup).send(message(3))
        XCTAssertEqual(sink.messages().count, 1)
    }

    func testAWrongPasswordIsTheServersOwnWordsAndNeverThePassword() async throws {
        let sink = try SMTPSink(requiring: .starttls, user: "amparo@riovalley.example", password: "s3cret pass")
        defer { sink.stop() }
        let sender = SMTPSender(server: server(sink, .starttls, password: "wrong horse"), group: harness.app.eventLoopGroup)
        do {
            try await sender.send(message(4))
            XCTFail("a wrong password must not send")
        } catch let error as DeliveryError {
            let text = error.description
            XCTAssertTrue(DeliveryError.isPermanent(error), text)
            XCTAssertTrue(text.contains("AUTH answered 535"), text)
            XCTAssertFalse(text.contains("wrong horse") || text.contains(Data("wrong horse".utf8).base64EncodedString()), text)
        }
        XCTAssertTrue(sink.messages().isEmpty)
    }

    func testAnUntrustedCertificateIsRefusedAndSaysSo() async throws {
        let sink = try SMTPSink(requiring: .starttls, user: "amparo@riovalley.example", password: "s3cret pass")
        defer { sink.stop() }
        do {
            try await SMTPSender(server: server(sink, .starttls, trust: false), group: harness.app.eventLoopGroup).send(message(5))
            XCTFail("a certificate nobody vouches for must not carry the password")
        } catch let error as DeliveryError {
            XCTAssertTrue(error.description.contains("TLS"), error.description)
        }
        XCTAssertTrue(sink.messages().isEmpty)
    }

    func testAServerThatGoesQuietFailsInsteadOfHoldingTheSender() async throws {
        // A real listener on loopback that accepts and never says a word (a relay that hangs).
        let silent = try await ServerBootstrap(group: harness.app.eventLoopGroup)
            .childChannelInitializer { channel in channel.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try XCTUnwrap(silent.localAddress?.port)
        var server = SMTPServer(host: "127.0.0.1", port: port, security: .none, from: "alerts@riovalley.example")
        server.replyTimeout = .seconds(1)
        let started = ContinuousClock.now
        do {
            _ = try await SMTPSession.open(server, group: harness.app.eventLoopGroup)
            XCTFail("a server that never greets cannot be used")
        } catch let error as DeliveryError {
            XCTAssertTrue(error.description.contains("no answer within 1 seconds"), error.description)
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(10))
        try await silent.close()
    }

    func testAServerThatDoesNotOfferStartTLSIsNotSentThePassword() async throws {
        let plain = try SMTPSink()
        defer { plain.stop() }
        do {
            try await SMTPSender(server: server(plain, .starttls, trust: false), group: harness.app.eventLoopGroup).send(message(6))
            XCTFail("no STARTTLS, no password")
        } catch let error as DeliveryError {
            XCTAssertTrue(error.description.contains("does not offer STARTTLS"), error.description)
        }
        var remote = server(plain, .none, trust: false)
        remote.host = "mail.example.org"
        do {
            _ = try await SMTPSession.open(remote, group: harness.app.eventLoopGroup)
            XCTFail("a password never crosses the network in the clear")
        } catch let error as DeliveryError {
            XCTAssertTrue(error.description.contains("only sent over TLS"), error.description)
        }
        XCTAssertEqual(SMTPSecurity.usual(forPort: 587), .starttls)
        XCTAssertEqual(SMTPSecurity.usual(forPort: 465), .tls)
        XCTAssertEqual(SMTPSecurity.usual(forPort: 25), .none)
    }
}
