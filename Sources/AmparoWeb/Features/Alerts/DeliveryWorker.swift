import AmparoDomain
import AmparoPersistence
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Delivers the outbox: leases due messages, sends them through their channel at the channel's
/// rate, marks each sent, or puts it back with exponential backoff (1 min, 2, 4 … up to 1 h; given
/// up after 10 tries). A crash leaves leased rows that come due again when the lease runs out, so
/// no message is lost; the idempotency key lets a receiver drop the rare repeat.
final class DeliveryWorker: Sendable {
    let services: AmparoServices
    let database: @Sendable () -> any Database
    let senders: @Sendable (AlertChannel) -> (any ChannelSender)?
    static let batch = 500
    static let lease: TimeInterval = 120
    static let maxAttempts = 10
    private let wakeUp = NIOLockedValueBox<CheckedContinuation<Void, Never>?>(nil)
    private let limiters: [AlertChannel: RateLimiter]

    init(services: AmparoServices, database: @escaping @Sendable () -> any Database,
         senders: @escaping @Sendable (AlertChannel) -> (any ChannelSender)?) {
        self.services = services
        self.database = database
        self.senders = senders
        self.limiters = Dictionary(uniqueKeysWithValues: AlertChannel.allCases.map {
            ($0, RateLimiter(perSecond: services.config.delivery.ratePerSecond[$0] ?? 50))
        })
    }

    /// Tells a sleeping worker that new messages are waiting.
    func wake() { wakeUp.withLockedValue { $0?.resume(); $0 = nil } }

    /// Delivers every message due now; returns how many it tried.
    @discardableResult
    func runOnce() async throws -> Int {
        var tried = 0
        while true {
            let claimed = try await Outbox.claim(limit: Self.batch, now: services.clock.now(), lease: Self.lease, on: database())
            if claimed.isEmpty { return tried }
            tried += claimed.count
            let messages = try await compose(claimed)
            await withTaskGroup(of: Void.self) { group in
                var running = 0
                for item in claimed {
                    if running >= 64 { await group.next(); running -= 1 }
                    running += 1
                    group.addTask { await self.deliver(item, message: messages[item.key]) }
                }
            }
        }
    }

    func run(logger: Logger) async {
        while !Task.isCancelled {
            do { try await runOnce() } catch { logger.error("delivery: \(String(reflecting: type(of: error)))") }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                wakeUp.withLockedValue { $0?.resume(); $0 = continuation }
                Task { try? await Task.sleep(nanoseconds: 2_000_000_000); self.wake() }
            }
        }
    }

    private func deliver(_ item: Outbox.Claimed, message: OutgoingMessage?) async {
        let db = database()
        do {
            guard let channel = AlertChannel(rawValue: item.channel), let message else {
                throw DeliveryError.permanent("the alert or the subscription is gone")
            }
            guard let sender = senders(channel) else { throw DeliveryError.notConfigured(channel.rawValue) }
            await limiters[channel]?.wait()
            try await sender.send(message)
            try await Outbox.markSent(item.key, now: services.clock.now(), on: db)
        } catch {
            let permanent: Bool = if case DeliveryError.permanent = error { true } else { false }
            let giveUp = permanent || item.attempts >= Self.maxAttempts
            let delay = min(3600, 60 * pow(2, Double(max(0, item.attempts - 1))))
            try? await Outbox.markFailed(item.key, error: "\(error)", retryAt: giveUp ? nil : services.clock.now().addingTimeInterval(delay), on: db)
        }
    }

    /// Loads the alerts and subscriptions of a batch in two queries and writes each message in the
    /// subscriber's language.
    private func compose(_ claimed: [Outbox.Claimed]) async throws -> [Outbox.Key: OutgoingMessage] {
        let db = database()
        let alerts = try await AlertModel.query(on: db).filter(\.$id ~~ Set(claimed.map(\.key.alertID))).all()
        let byAlert = Dictionary(uniqueKeysWithValues: alerts.map { ($0.id!, $0) })
        var subscriptions: [UUID: SubscriptionModel] = [:]
        for chunk in stride(from: 0, to: claimed.count, by: 200).map({ Array(claimed[$0..<min($0 + 200, claimed.count)]) }) {
            for subscription in try await SubscriptionModel.query(on: db).filter(\.$id ~~ Set(chunk.map(\.key.subscriptionID))).all() {
                subscriptions[subscription.id!] = subscription
            }
        }
        var messages: [Outbox.Key: OutgoingMessage] = [:]
        for item in claimed {
            guard let alert = byAlert[item.key.alertID], let subscription = subscriptions[item.key.subscriptionID],
                  subscription.unsubscribedAt == nil, let sealed = subscription.contactSealed,
                  let contact = try? services.sealer.open(sealed, context: SealedColumn.subscriptionContact.context(rowID: subscription.id!))
            else { continue }
            let language = Language(rawValue: subscription.language) ?? .es
            let text = language == .es ? alert.messageES : alert.messageEN
            let stop = "\(services.config.baseURL)/alerts/unsubscribe/\(UnsubscribeLinks.token(for: subscription, key: services.unsubscribeKey))"
            messages[item.key] = OutgoingMessage(
                to: contact, subject: "Amparo: \(alert.place)", body: "\(alert.place): \(text)\n\n\(Text.alerts(.stopFooter(stop)).in(language))",
                idempotencyKey: item.key.idempotencyKey, unsubscribeURL: stop)
        }
        return messages
    }
}

/// Spaces sends on one channel to at most `perSecond`.
actor RateLimiter {
    private let interval: TimeInterval
    private var next = ContinuousClock.now

    init(perSecond: Double) { interval = 1 / max(perSecond, 0.1) }

    func wait() async {
        let now = ContinuousClock.now
        let slot = max(now, next)
        next = slot + .nanoseconds(Int64(interval * 1e9))
        if slot > now { try? await Task.sleep(until: slot, clock: .continuous) }
    }
}

/// Runs the delivery worker while the server runs.
struct DeliveryLifecycle: LifecycleHandler {
    let worker: DeliveryWorker
    let logger: Logger
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(worker: DeliveryWorker, logger: Logger) {
        self.worker = worker
        self.logger = logger
    }

    func didBootAsync(_ application: Application) async throws {
        let worker = worker, logger = logger
        task.withLockedValue { $0 = Task { await worker.run(logger: logger) } }
    }

    func shutdownAsync(_ application: Application) async {
        task.withLockedValue { $0?.cancel() }
        worker.wake()
    }
}
