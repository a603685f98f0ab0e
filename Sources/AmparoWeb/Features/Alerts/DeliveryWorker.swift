import AmparoDomain
import AmparoPersistence
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Delivers the outbox: leases due messages, sends them through their channel at the channel's
/// rate, marks each sent, or puts it back with exponential backoff (1 min, 2, 4 … up to 1 h; given
/// up after 10 tries). A crash leaves leased rows that come due again when the lease runs out, so
/// no message is lost; before sending such a row again the worker asks a provider that keeps no
/// idempotency key (Twilio) whether it already has it, and the key lets the others drop a repeat.
final class DeliveryWorker: Sendable {
    let services: AmparoServices
    let database: @Sendable () -> any Database
    /// The channels as they are set now (environment, else the settings page).
    let channels: LiveChannels
    static let batch = 500
    static let markEvery = 128
    static let maxAttempts = 10
    private let wakeUp = NIOLockedValueBox<CheckedContinuation<Void, Never>?>(nil)
    private let limiters: [AlertChannel: RateLimiter]

    init(services: AmparoServices, database: @escaping @Sendable () -> any Database,
         channels: LiveChannels) {
        self.services = services
        self.database = database
        self.channels = channels
        self.limiters = Dictionary(uniqueKeysWithValues: AlertChannel.allCases.map {
            ($0, RateLimiter(perSecond: services.config.delivery.ratePerSecond[$0] ?? 50))
        })
    }

    func senders(_ channel: AlertChannel) -> (any ChannelSender)? { channels.sender(channel) }

    /// Tells a sleeping worker that new messages are waiting.
    func wake() { wakeUp.withLockedValue { $0?.resume(); $0 = nil } }

    /// Delivers every message due now; returns how many it tried. One pipeline: up to 64 sends in
    /// flight, the next batch claimed while the last of the current one is still sending, delivered
    /// messages marked in groups of `markEvery` as they complete (each group is one commit: on
    /// SQLite, fewer commits is most of the speed). A crash repeats at most those sent but not yet
    /// marked (their idempotency key lets the receiver drop them; Twilio, which keeps none, is asked
    /// first), never loses one.
    @discardableResult
    func runOnce() async throws -> Int {
        var tried = try await deliverNotices()
        let db = database()
        let channels = AlertChannel.allCases.filter { senders($0) != nil }.map(\.rawValue)
        try await withThrowingTaskGroup(of: (Outbox.Key, String?, Bool).self) { group in
            var queue: [Outbox.Claimed] = [], next = 0
            var messages: [Outbox.Key: OutgoingMessage] = [:], attempts: [Outbox.Key: Int] = [:]
            var running = 0, exhausted = false
            var sent: [Outbox.Key] = []
            while true {
                while running < 64 {
                    if next == queue.count, !exhausted {
                        let claimed = try await Outbox.claim(
                            limit: Self.batch, now: services.clock.now(), lease: services.config.delivery.leaseSeconds, channels: channels, on: db)
                        exhausted = claimed.isEmpty
                        tried += claimed.count
                        if !exhausted { messages = try await compose(claimed) }
                        for item in claimed { attempts[item.key] = item.attempts }
                        (queue, next) = (claimed, 0)
                    }
                    guard next < queue.count else { break }
                    let item = queue[next], message = messages[item.key]
                    next += 1
                    running += 1
                    group.addTask { await self.send(item, message: message) }
                }
                guard let (key, failure, permanent) = try await group.next() else { break }
                running -= 1
                let tries = attempts.removeValue(forKey: key) ?? Self.maxAttempts
                if let failure {
                    let giveUp = permanent || tries >= Self.maxAttempts
                    let delay = min(3600, 60 * pow(2, Double(max(0, tries - 1))))
                    try await Outbox.markFailed(key, error: failure, retryAt: giveUp ? nil : services.clock.now().addingTimeInterval(delay), on: db)
                } else {
                    sent.append(key)
                    if sent.count >= Self.markEvery {
                        try await Outbox.markSent(sent, now: services.clock.now(), on: db)
                        sent.removeAll()
                    }
                }
            }
            try await Outbox.markSent(sent, now: services.clock.now(), on: db)
        }
        return tried
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

    /// Sends one message; answers its key, and what went wrong if anything (and whether for good).
    private func send(_ item: Outbox.Claimed, message: OutgoingMessage?) async -> (Outbox.Key, String?, Bool) {
        do {
            guard let channel = AlertChannel(rawValue: item.channel), let message else {
                throw DeliveryError.permanent("the alert expired, or the subscription is gone")
            }
            guard let sender = senders(channel) else { throw DeliveryError.notConfigured(channel.rawValue) }
            // After a crash: ask the provider before sending again (a no-op for those that keep keys).
            if item.uncertain, try await sender.alreadySent(message, since: message.queuedAt) { return (item.key, nil, false) }
            await limiters[channel]?.wait()
            try await sender.send(message)
            return (item.key, nil, false)
        } catch {
            let permanent = DeliveryError.isPermanent(error)
            return (item.key, "\(error)", permanent)
        }
    }

    /// Loads the alerts and subscriptions of a batch in two queries and writes each message in the
    /// subscriber's language.
    private func compose(_ claimed: [Outbox.Claimed]) async throws -> [Outbox.Key: OutgoingMessage] {
        let db = database()
        let alerts = try await AlertModel.query(on: db).filter(\.$id ~~ Set(claimed.map(\.key.alertID))).all()
        let byAlert = Dictionary(uniqueKeysWithValues: alerts.map { ($0.id!, $0) })
        let recipients = try await Outbox.recipients(claimed.map(\.key.subscriptionID), on: db)
        var messages: [Outbox.Key: OutgoingMessage] = [:]
        let now = services.clock.now()
        let organization = try await services.organizationName(on: db) ?? "Amparo"
        for item in claimed {
            // An alert past its expiry is not sent late: its messages fail for good.
            guard let alert = byAlert[item.key.alertID], alert.expiresAt > now, let subscription = recipients[item.key.subscriptionID],
                  let contact = try? services.sealer.open(subscription.contactSealed, context: SealedColumn.subscriptionContact.context(rowID: subscription.id))
            else { continue }
            let language = Language(rawValue: subscription.language) ?? .es
            let stop = "\(services.config.baseURL)/alerts/unsubscribe/\(UnsubscribeLinks.token(forID: subscription.id, key: services.unsubscribeKey))"
            guard let message = AlertMessage.compose(organization: organization, place: alert.place,
                                                     text: AlertText(english: alert.messageEN, spanish: alert.messageES),
                                                     language: language, stopLink: stop) else { continue }
            messages[item.key] = OutgoingMessage(to: contact, subject: message.subject, body: message.body,
                                                 idempotencyKey: item.key.idempotencyKey, unsubscribeURL: stop, queuedAt: alert.publishedAt)
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
