import AmparoWebKit
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// How many connections Amparo holds open, and how long a new one may take to say what it wants.
///
/// Vapor's server has no header timeout and no per-client cap, so a stranger trickling one header
/// line every few seconds held a connection each until every file descriptor was used and /healthz
/// failed. `amparo serve` therefore listens through `ConnectionGuard`, which enforces these before a
/// byte reaches the HTTP server.
public struct ConnectionLimits: Sendable, Equatable {
    /// Connections one address may hold at once (`AMPARO_MAX_CONNECTIONS_PER_SOURCE`). A trusted proxy
    /// is not held to it: every visitor arrives through it.
    public var perSource = 256
    /// Connections held at once in all (`AMPARO_MAX_CONNECTIONS`): by default what the process's file
    /// descriptors allow, three per connection (the visitor's and both ends of the hop to the server).
    public var total = ConnectionLimits.fittingDescriptors()
    /// How long a new connection has to send its first request's headers.
    public var headerDeadline: TimeAmount = .seconds(10)
    /// Header bytes a first request may send before they must end.
    public var headerBytes = 64 * 1024

    public init() {}

    private static let descriptors = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)

    static func fittingDescriptors() -> Int {
        var limit = rlimit()
        guard getrlimit(descriptors, &limit) == 0 else { return 1024 }
        // Keep room for the database, the log, the key file and outgoing mail and texts.
        return max(64, min(16_384, (Int(clamping: limit.rlim_cur) - 256) / 3))
    }

    /// Lets the process open as many files as its hard limit allows (the soft limit is often 1,024).
    static func raiseDescriptorLimit() {
        var limit = rlimit()
        guard getrlimit(descriptors, &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(descriptors, &limit)
    }
}

/// A connection's place in the ledger, from admission to close.
struct ConnectionTicket: Hashable, Sendable {
    let number: Int
}

/// Who holds which connection: counts per address and in all, and, for each hop to the HTTP server,
/// the visitor's address (the server sees only the guard's loopback port). In memory only.
///
/// At a cap, a new connection takes the place of the oldest one (of that address, or of anyone at
/// the total) still waiting for its first request's headers: a trickling connection then holds its
/// place only until someone else needs it, so /healthz and real visitors, whose headers come at
/// once, get in even while a flood fills every place. A connection whose request is under way is
/// never given up for a newcomer; when every place is such a one, the newcomer is refused.
public final class ConnectionLedger: Sendable {
    private struct Waiting {
        let source: String
        let giveUp: @Sendable () -> Void
    }

    private struct State {
        var nextTicket = 0
        var sourceByTicket: [ConnectionTicket: String] = [:]
        var bySource: [String: Int] = [:]
        var visitorByHopPort: [Int: String] = [:]
        /// Connections still waiting for their first headers; `waitingOrder` holds their tickets
        /// oldest first (and, until compacted, tickets that have since stopped waiting).
        var waiting: [ConnectionTicket: Waiting] = [:]
        var waitingOrder: [ConnectionTicket] = []
        var waitingHead = 0
        /// The same per capped address, oldest first.
        var waitingBySource: [String: [ConnectionTicket]] = [:]

        mutating func oldestWaiting() -> ConnectionTicket? {
            while waitingHead < waitingOrder.count {
                let ticket = waitingOrder[waitingHead]
                waitingHead += 1
                if waiting[ticket] != nil { return ticket }
            }
            return nil
        }

        mutating func stopWaiting(_ ticket: ConnectionTicket) -> Waiting? {
            guard let entry = waiting.removeValue(forKey: ticket) else { return nil }
            if var queue = waitingBySource[entry.source], let index = queue.firstIndex(of: ticket) {
                queue.remove(at: index)
                waitingBySource[entry.source] = queue.isEmpty ? nil : queue
            }
            if waitingOrder.count - waitingHead > 2 * waiting.count + 1024 {
                waitingOrder = waitingOrder[waitingHead...].filter { waiting[$0] != nil }
                waitingHead = 0
            }
            return entry
        }

        mutating func remove(_ ticket: ConnectionTicket) -> Waiting? {
            guard let source = sourceByTicket.removeValue(forKey: ticket) else { return nil }
            let left = bySource[source, default: 1] - 1
            bySource[source] = left > 0 ? left : nil
            return stopWaiting(ticket)
        }
    }

    private let state = NIOLockedValueBox(State())
    let limits: ConnectionLimits
    let trustedProxies: TrustedProxies

    init(limits: ConnectionLimits, trustedProxies: TrustedProxies) {
        self.limits = limits
        self.trustedProxies = trustedProxies
    }

    /// Takes a place for a new connection, giving up the oldest waiting one at a cap (`giveUp` is
    /// how this one is closed if its turn comes), or refuses it: nil.
    func admit(_ source: String, giveUp: @escaping @Sendable () -> Void) -> ConnectionTicket? {
        let capped = !trustedProxies.trusts(source)
        let (ticket, givenUp): (ConnectionTicket?, Waiting?) = state.withLockedValue { state in
            var givenUp: Waiting?
            if capped, state.bySource[source, default: 0] >= limits.perSource {
                guard let oldest = state.waitingBySource[source]?.first else { return (nil, nil) }
                givenUp = state.remove(oldest)
            }
            if state.sourceByTicket.count >= limits.total {
                guard let oldest = state.oldestWaiting() else { return (nil, nil) }
                givenUp = state.remove(oldest)
            }
            let ticket = ConnectionTicket(number: state.nextTicket)
            state.nextTicket += 1
            state.sourceByTicket[ticket] = source
            state.bySource[source, default: 0] += 1
            state.waiting[ticket] = Waiting(source: source, giveUp: giveUp)
            state.waitingOrder.append(ticket)
            if capped { state.waitingBySource[source, default: []].append(ticket) }
            return (ticket, givenUp)
        }
        givenUp?.giveUp()
        return ticket
    }

    /// The connection's first request has its headers: it keeps its place until it closes.
    func headersArrived(_ ticket: ConnectionTicket) {
        _ = state.withLockedValue { $0.stopWaiting(ticket) }
    }

    func release(_ ticket: ConnectionTicket) {
        _ = state.withLockedValue { $0.remove(ticket) }
    }

    func hopOpened(port: Int, visitor: String) { state.withLockedValue { $0.visitorByHopPort[port] = visitor } }
    func hopClosed(port: Int) { _ = state.withLockedValue { $0.visitorByHopPort.removeValue(forKey: port) } }

    /// The visitor behind a connection the HTTP server received from the guard, if it is one.
    public func visitor(behindHopFrom address: SocketAddress?) -> String? {
        guard let address, let port = address.port, let ip = address.ipAddress, ip == "127.0.0.1" || ip == "::1" else { return nil }
        return state.withLockedValue { $0.visitorByHopPort[port] }
    }

    var held: Int { state.withLockedValue { $0.sourceByTicket.count } }
}

/// Amparo's public listener: takes each connection, holds it to `ConnectionLimits`, and passes its
/// bytes unchanged to the HTTP server on loopback (backpressure both ways, half-close kept).
public final class ConnectionGuard: Sendable {
    private let channel: any Channel

    private init(channel: any Channel) { self.channel = channel }

    public static func start(host: String, port: Int, forwardingTo serverPort: Int, ledger: ConnectionLedger,
                             group: any EventLoopGroup) async throws -> ConnectionGuard {
        ConnectionLimits.raiseDescriptorLimit()
        let limits = ledger.limits
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { visitor in
                let source = visitor.remoteAddress?.ipAddress ?? "unknown"
                guard let ticket = ledger.admit(source, giveUp: { visitor.close(promise: nil) }) else {
                    // Refused at once: a held-open refusal would cost what the cap saves.
                    return visitor.close()
                }
                visitor.closeFuture.whenComplete { _ in ledger.release(ticket) }
                return visitor.eventLoop.makeCompletedFuture {
                    let front = Relay(headerDeadline: limits.headerDeadline, headerBytes: limits.headerBytes,
                                      onHeaders: { ledger.headersArrived(ticket) }) { front in
                        // Once the visitor is active; the pair reads nothing until both ends are.
                        let boundFront = NIOLoopBound(front, eventLoop: visitor.eventLoop)
                        ClientBootstrap(group: visitor.eventLoop)
                            .channelOption(.allowRemoteHalfClosure, value: true)
                            .channelOption(.socketOption(.tcp_nodelay), value: 1)
                            .channelInitializer { hop in
                                hop.eventLoop.makeCompletedFuture {
                                    try hop.pipeline.syncOperations.addHandler(Relay(headerDeadline: nil, headerBytes: 0))
                                }
                            }
                            .connect(host: "127.0.0.1", port: serverPort)
                            .whenComplete { result in
                                guard case .success(let hop) = result, visitor.isActive,
                                      let back = try? hop.pipeline.syncOperations.handler(type: Relay.self) else {
                                    if case .success(let hop) = result { hop.close(promise: nil) }
                                    return visitor.close(promise: nil)
                                }
                                if let hopPort = hop.localAddress?.port {
                                    ledger.hopOpened(port: hopPort, visitor: source)
                                    hop.closeFuture.whenComplete { _ in ledger.hopClosed(port: hopPort) }
                                }
                                boundFront.value.pair(with: back)
                            }
                    }
                    try visitor.pipeline.syncOperations.addHandler(front)
                }
            }
            .bind(host: host, port: port).get()
        return ConnectionGuard(channel: channel)
    }

    public var localPort: Int? { channel.localAddress?.port }

    public func stop() async throws { try await channel.close() }
}

/// One side of a relayed connection: what it reads is written to its partner; it lets a read
/// through only while it has a partner that can take more (until then the bytes wait in the
/// socket); it closes or half-closes when its partner does. The visitor's
/// side also closes a connection whose first request's headers do not arrive in time.
final class Relay: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var context: ChannelHandlerContext?
    private var partner: Relay?
    private var readWanted = false
    private let headerDeadline: TimeAmount?
    private let headerBytes: Int
    private var deadline: Scheduled<Void>?
    /// The visitor's side tells the ledger once the first headers are in, and opens its hop when
    /// it becomes active.
    private let onHeaders: (() -> Void)?
    private let onActive: ((Relay) -> Void)?
    /// Bytes of the first request's headers seen, and how much of "\r\n\r\n" was last matched.
    private var headerSeen = 0
    private var endMatched = 0
    private var headersDone = false

    init(headerDeadline: TimeAmount?, headerBytes: Int, onHeaders: (() -> Void)? = nil,
         onActive: ((Relay) -> Void)? = nil) {
        self.headerDeadline = headerDeadline
        self.headerBytes = headerBytes
        self.onHeaders = onHeaders
        self.onActive = onActive
        headersDone = headerDeadline == nil
    }

    /// Both ends are connected: the bytes each held in its socket until now may flow.
    func pair(with other: Relay) {
        partner = other
        other.partner = self
        partnerCanTakeMore()
        other.partnerCanTakeMore()
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func channelActive(context: ChannelHandlerContext) {
        if let headerDeadline, !headersDone {
            deadline = context.eventLoop.assumeIsolated().scheduleTask(in: headerDeadline) { [weak self] in self?.tooSlow() }
        }
        context.fireChannelActive()
        onActive?(self)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        self.context = nil
        partner = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        if !headersDone, !scanHeaders(bytes) {
            context.close(promise: nil)
            return
        }
        partner?.write(bytes)
    }

    func channelReadComplete(context: ChannelHandlerContext) { partner?.flush() }

    func channelInactive(context: ChannelHandlerContext) {
        partner?.closeAll()
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, case .inputClosed = event {
            partner?.closeOutput()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { partner?.partnerCanTakeMore() }
        context.fireChannelWritabilityChanged()
    }

    func read(context: ChannelHandlerContext) {
        if partner?.canTakeMore ?? false { context.read() } else { readWanted = true }
    }

    // MARK: what the partner asks

    private var canTakeMore: Bool { context?.channel.isWritable ?? false }

    private func write(_ bytes: ByteBuffer) {
        // The server answered: whatever the visitor's headers looked like, they were enough.
        if !headersDone { headersArrived() }
        context?.write(wrapOutboundOut(bytes), promise: nil)
    }

    private func flush() { context?.flush() }

    private func partnerCanTakeMore() {
        guard readWanted, let context else { return }
        readWanted = false
        context.read()
    }

    private func closeOutput() { context?.close(mode: .output, promise: nil) }

    private func closeAll() { context?.close(promise: nil) }

    // MARK: the first request's headers

    /// Follows the bytes to the blank line that ends the headers; false when they run past the cap.
    private func scanHeaders(_ bytes: ByteBuffer) -> Bool {
        let end: [UInt8] = [13, 10, 13, 10]
        for byte in bytes.readableBytesView {
            headerSeen += 1
            endMatched = byte == end[endMatched] ? endMatched + 1 : (byte == 13 ? 1 : 0)
            if endMatched == 4 {
                headersArrived()
                return true
            }
            if headerSeen >= headerBytes { return false }
        }
        return true
    }

    private func headersArrived() {
        headersDone = true
        deadline?.cancel()
        onHeaders?()
    }

    private func tooSlow() {
        guard !headersDone, let context else { return }
        headersDone = true
        let answer = "HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        // Flushed at once (a few bytes on an idle socket), then the connection goes.
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: answer)), promise: nil)
        context.close(promise: nil)
    }
}
