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

    func testOneAddressHoldsNoMoreThanItsShareAndOthersAreStillAnswered() async throws {
        let first = try await openSlow(from: "127.0.0.3"), second = try await openSlow(from: "127.0.0.3")
        let third = try await exchange(from: "127.0.0.3", "GET /healthz HTTP/1.1\r\nHost: amparo\r\nConnection: close\r\n\r\n")
        XCTAssertEqual(third, "", "a third connection from the same address is closed before a byte is read")
        let other = try await exchange(from: "127.0.0.4", "GET /healthz HTTP/1.1\r\nHost: amparo\r\nConnection: close\r\n\r\n")
        XCTAssertTrue(other.hasPrefix("HTTP/1.1 200 OK"), other)
        try await first.close()
        try await second.close()
        try await Task.sleep(for: .milliseconds(100))
        let again = try await exchange(from: "127.0.0.3", "GET /healthz HTTP/1.1\r\nHost: amparo\r\nConnection: close\r\n\r\n")
        XCTAssertTrue(again.hasPrefix("HTTP/1.1 200 OK"), "a closed connection gives its place back: \(again)")
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
        XCTAssertTrue(ledger.admit("203.0.113.9"))
        XCTAssertFalse(ledger.admit("203.0.113.9"))
        XCTAssertTrue(ledger.admit("127.0.0.1"))
        XCTAssertTrue(ledger.admit("127.0.0.1"), "every visitor arrives through the proxy")
        XCTAssertFalse(ledger.admit("127.0.0.1"), "the total holds for everyone")
        ledger.release("203.0.113.9")
        XCTAssertTrue(ledger.admit("198.51.100.7"))
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
