import AmparoWebKit
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Vapor
import XCTest

@testable import AmparoWeb

/// The public listener in front of the HTTP server: real sockets on loopback, from several loopback
/// addresses (Linux routes all of 127.0.0.0/8 to the loopback interface).
final class ConnectionGuardTests: XCTestCase {
    var harness: TestHarness!
    var listener: ConnectionGuard!

    override func setUp() async throws {
        harness = try await TestHarness.make {
            $0.connectionLimits.perSource = 2
            $0.connectionLimits.headerDeadline = .milliseconds(500)
        }
        harness.app.get("test-only-peer") { $0.peerAddress ?? "none" }.policy(.open)
        try await harness.app.server.start(address: .hostname("127.0.0.1", port: 0))
        let serverPort = try XCTUnwrap(harness.app.http.server.shared.localAddress?.port)
        listener = try await ConnectionGuard.start(host: "127.0.0.1", port: 0, forwardingTo: serverPort,
                                                   ledger: harness.app.amparo.connections, group: harness.app.eventLoopGroup)
    }

    override func tearDown() async throws {
        try await listener.stop()
        await harness.app.server.shutdown()
        try await harness.shutdown()
    }

    func testARequestThroughTheGuardIsAnsweredAndTheServerSeesTheVisitorsAddress() async throws {
        let answer = try await exchange(from: "127.0.0.2", "GET /test-only-peer HTTP/1.1\r\nHost: amparo\r\nConnection: close\r\n\r\n")
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 200 OK"), answer)
        XCTAssertTrue(answer.hasSuffix("\r\n\r\n127.0.0.2"), "the visitor, not the guard's loopback hop: \(answer)")
        let health = try await exchange(from: "127.0.0.5", "GET /healthz HTTP/1.1\r\nHost: amparo\r\nConnection: close\r\n\r\n")
        XCTAssertTrue(health.hasPrefix("HTTP/1.1 200 OK"), health)
    }

    func testOneAddressHoldsNoMoreThanItsShareTheOldestWaitingGivesWayAndOthersAreStillAnswered() async throws {
        let first = try await openSlow(from: "127.0.0.3")
        try await Task.sleep(for: .milliseconds(50))
        let second = try await openSlow(from: "127.0.0.3")
        let third = try await exchange(from: "127.0.0.3", "GET /healthz HTTP/1.1\r\nHost: amparo\r\nConnection: close\r\n\r\n")
        XCTAssertTrue(third.hasPrefix("HTTP/1.1 200 OK"), "a third connection takes the oldest waiting one's place: \(third)")
        _ = try await first.closeFuture.timeout(after: .seconds(2), on: first.eventLoop)
        XCTAssertTrue(second.isActive, "only the oldest gave way")
        let other = try await exchange(from: "127.0.0.4", "GET /healthz HTTP/1.1\r\nHost: amparo\r\nConnection: close\r\n\r\n")
        XCTAssertTrue(other.hasPrefix("HTTP/1.1 200 OK"), other)
        try await second.close()
    }

    func testAConnectionWhoseRequestIsUnderWayIsNeverGivenUpForANewcomer() async throws {
        // Both places of 127.0.0.7 hold requests that have sent their headers and wait for the body.
        let uploads = [try await openUpload(from: "127.0.0.7"), try await openUpload(from: "127.0.0.7")]
        try await Task.sleep(for: .milliseconds(100))
        let third = try await exchange(from: "127.0.0.7", "GET /healthz HTTP/1.1\r\nHost: amparo\r\nConnection: close\r\n\r\n")
        XCTAssertEqual(third, "", "no waiting connection to give way: the newcomer is closed before a byte is read")
        XCTAssertTrue(uploads.allSatisfy(\.isActive))
        for upload in uploads { try await upload.close() }
    }

    func testHeadersThatTrickleAreAnswered408AtTheDeadline() async throws {
        let started = ContinuousClock.now
        let answer = try await exchange(from: "127.0.0.6", "GET /healthz HTTP/1.1\r\nHost: amparo\r\n")
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 408 Request Timeout"), answer)
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(5))
        try await Task.sleep(for: .milliseconds(100))
        XCTAssertEqual(harness.app.amparo.connections.held, 0, "every place is given back")
    }

    func testATrustedProxyIsNotHeldToOneAddressesShare() {
        var limits = ConnectionLimits()
        limits.perSource = 1
        limits.total = 3
        let ledger = ConnectionLedger(limits: limits, trustedProxies: .loopback)
        let outsider = ledger.admit("203.0.113.9", giveUp: {})
        ledger.headersArrived(outsider!)
        XCTAssertNil(ledger.admit("203.0.113.9", giveUp: {}), "its one place holds a request under way")
        for _ in 0..<2 { ledger.headersArrived(ledger.admit("127.0.0.1", giveUp: {})!) }
        XCTAssertEqual(ledger.held, 3, "every visitor arrives through the proxy")
        XCTAssertNil(ledger.admit("127.0.0.1", giveUp: {}), "the total holds for everyone")
        ledger.release(outsider!)
        XCTAssertNotNil(ledger.admit("198.51.100.7", giveUp: {}))
    }

    func testAtTheTotalTheOldestConnectionStillWaitingForHeadersGivesWayWhateverItsAddress() {
        var limits = ConnectionLimits()
        limits.perSource = 10
        limits.total = 3
        let ledger = ConnectionLedger(limits: limits, trustedProxies: .none)
        let givenUp = NIOLockedValueBox<[String]>([])
        let busy = ledger.admit("198.51.100.1", giveUp: { givenUp.withLockedValue { $0.append("busy") } })!
        ledger.headersArrived(busy)
        _ = ledger.admit("198.51.100.2", giveUp: { givenUp.withLockedValue { $0.append("older") } })
        _ = ledger.admit("198.51.100.3", giveUp: { givenUp.withLockedValue { $0.append("newer") } })
        XCTAssertNotNil(ledger.admit("198.51.100.4", giveUp: {}))
        XCTAssertEqual(givenUp.withLockedValue { $0 }, ["older"])
        XCTAssertEqual(ledger.held, 3)
        XCTAssertNotNil(ledger.admit("198.51.100.5", giveUp: {}))
        XCTAssertEqual(givenUp.withLockedValue { $0 }, ["older", "newer"], "oldest first; the request under way stays")
    }

    // MARK: sockets

    /// Sends the bytes from the given source address and returns everything read until the other
    /// end closes (or 5 s pass).
    func exchange(from source: String, _ request: String) async throws -> String {
        let collector = Collector()
        let channel = try await bootstrap(from: source, collector).get()
        // A refused connection may be closed before the bytes go: the answer is then empty.
        try? await channel.writeAndFlush(ByteBuffer(string: request))
        _ = try? await channel.closeFuture.timeout(after: .seconds(5), on: channel.eventLoop)
        try? await channel.close()
        return collector.text
    }

    /// A connection that has sent part of its headers and waits.
    func openSlow(from source: String) async throws -> any Channel {
        let channel = try await bootstrap(from: source, Collector()).get()
        try await channel.writeAndFlush(ByteBuffer(string: "GET / HTTP/1.1\r\n"))
        return channel
    }

    /// A connection whose request has sent its headers and promised a body it has not sent.
    func openUpload(from source: String) async throws -> any Channel {
        let channel = try await bootstrap(from: source, Collector()).get()
        try await channel.writeAndFlush(ByteBuffer(string: "POST /report HTTP/1.1\r\nHost: amparo\r\nContent-Length: 100000\r\n\r\n"))
        return channel
    }

    private func bootstrap(from source: String, _ collector: Collector) -> EventLoopFuture<any Channel> {
        ClientBootstrap(group: harness.app.eventLoopGroup)
            .bind(to: try! SocketAddress(ipAddress: source, port: 0))
            .channelInitializer { $0.pipeline.addHandler(CollectingHandler(collector)) }
            .connect(host: "127.0.0.1", port: listener.localPort!)
    }
}

private final class Collector: Sendable {
    private let bytes = NIOLockedValueBox<[UInt8]>([])
    func add(_ more: ByteBuffer) { bytes.withLockedValue { $0 += more.readableBytesView } }
    var text: String { String(decoding: bytes.withLockedValue { $0 }, as: UTF8.self) }
}

private final class CollectingHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let collector: Collector
    init(_ collector: Collector) { self.collector = collector }
    func channelRead(context: ChannelHandlerContext, data: NIOAny) { collector.add(unwrapInboundIn(data)) }
}

private extension EventLoopFuture {
    /// This future's value, or an error once the time passes.
    func timeout(after time: TimeAmount, on loop: any EventLoop) async throws -> Value {
        let promise = loop.makePromise(of: Value.self)
        let timer = loop.scheduleTask(in: time) { promise.fail(ChannelError.connectTimeout(time)) }
        cascade(to: promise)
        defer { timer.cancel() }
        return try await promise.futureResult.get()
    }
}
