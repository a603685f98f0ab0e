import AmparoDomain
import Foundation
import NIOConcurrencyHelpers

/// What open inboxes and report pages hear about, and the on-call alarm acts on. Never content:
/// only that reports arrived or which one changed; a page that hears it fetches itself again.
enum LiveEvent: Sendable, Equatable {
    /// One committed batch of new reports, from any channel.
    case received(count: Int)
    case changed(ReportID)
    /// A report's urgency was raised to emergency.
    case escalated(ReportID)
    /// Keeps the connection open through proxies and finds browsers that went away.
    case ping

    /// The event between servers ("received:3", "changed:<id>"); pings stay local.
    var wire: String? {
        switch self {
        case .received(let count): "received:\(count)"
        case .changed(let id): "changed:\(id)"
        case .escalated(let id): "escalated:\(id)"
        case .ping: nil
        }
    }

    init?(wire: String) {
        let parts = wire.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "received": guard let count = Int(parts[1]), count > 0 else { return nil }; self = .received(count: count)
        case "changed": guard let id = ReportID(string: parts[1]) else { return nil }; self = .changed(id)
        case "escalated": guard let id = ReportID(string: parts[1]) else { return nil }; self = .escalated(id)
        default: return nil
        }
    }

    /// The event as a Server-Sent Events frame.
    var frame: String {
        switch self {
        case .received(let count): "event: report\ndata: {\"kind\":\"received\",\"count\":\(count)}\n\n"
        case .changed(let id): "event: report\ndata: {\"kind\":\"changed\",\"report\":\"\(id)\"}\n\n"
        case .escalated(let id): "event: report\ndata: {\"kind\":\"escalated\",\"report\":\"\(id)\"}\n\n"
        case .ping: ": ping\n\n"
        }
    }
}

/// Hands every published event to every listener in this process, and through `relay` to the other
/// app servers (whose events arrive by `receiveFromElsewhere`). A slow listener loses the oldest of
/// its unread events (a page only needs to know that something happened), never blocks others.
/// Listeners are capped: each holds a connection, and a flood of them must not hold them all.
final class LiveEvents: Sendable {
    struct Subscription: Sendable {
        let events: AsyncStream<LiveEvent>
        let end: @Sendable () -> Void
    }

    private struct Listener {
        let continuation: AsyncStream<LiveEvent>.Continuation
        /// Hears only what happened on this server (the on-call alarm: one server tells, not each).
        let hereOnly: Bool
    }

    let maxListeners: Int
    private let relay: (@Sendable (LiveEvent) -> Void)?
    private let listeners = NIOLockedValueBox<[UUID: Listener]>([:])

    init(maxListeners: Int = 500, relay: (@Sendable (LiveEvent) -> Void)? = nil) {
        self.maxListeners = maxListeners
        self.relay = relay
    }

    var listenerCount: Int { listeners.withLockedValue { $0.count } }

    /// A stream of events, or nil when `maxListeners` are listening already. With `ping`, a ping
    /// every that many seconds; with `lifetime`, the stream ends after that long (a browser
    /// reconnects, and its session is checked again).
    func listen(ping: TimeInterval? = nil, lifetime: TimeInterval? = nil, hereOnly: Bool = false) -> Subscription? {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: LiveEvent.self, bufferingPolicy: .bufferingNewest(64))
        let admitted = listeners.withLockedValue { listeners in
            guard listeners.count < maxListeners else { return false }
            listeners[id] = Listener(continuation: continuation, hereOnly: hereOnly)
            return true
        }
        guard admitted else { return nil }
        let timer: Task<Void, Never>? = ping == nil && lifetime == nil ? nil : Task {
            let started = Date()
            while !Task.isCancelled {
                let left = lifetime.map { $0 - Date().timeIntervalSince(started) } ?? .infinity
                guard left > 0 else { break }
                try? await Task.sleep(nanoseconds: UInt64(min(ping ?? left, left) * 1_000_000_000))
                if Task.isCancelled { return }
                if ping != nil { continuation.yield(.ping) }
            }
            continuation.finish()
        }
        continuation.onTermination = { [weak self] _ in
            timer?.cancel()
            _ = self?.listeners.withLockedValue { $0.removeValue(forKey: id) }
        }
        return Subscription(events: stream, end: { continuation.finish() })
    }

    /// Ends every stream: the server is stopping, and open pages must not hold it up.
    func endAll() {
        for listener in listeners.withLockedValue({ Array($0.values) }) { listener.continuation.finish() }
    }

    /// Something happened on this server.
    func publish(_ event: LiveEvent) {
        deliver(event, elsewhere: false)
        relay?(event)
    }

    /// Something happened on another server.
    func receiveFromElsewhere(_ event: LiveEvent) { deliver(event, elsewhere: true) }

    private func deliver(_ event: LiveEvent, elsewhere: Bool) {
        for listener in listeners.withLockedValue({ Array($0.values) }) where !(elsewhere && listener.hereOnly) {
            listener.continuation.yield(event)
        }
    }
}
