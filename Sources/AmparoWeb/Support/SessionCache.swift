import AmparoDomain
import AmparoPersistence
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Remembers recently read sessions for a moment, so a signed-in page costs no session query while a
/// person clicks around. Any write to a user, a session or a membership through this process empties
/// it, so on SQLite (one server) it is never stale. A write that takes access away (a disabled or
/// changed member, an ended session, a membership) also tells the other app servers on the same
/// PostgreSQL at once (`tellOthers`, by NOTIFY); what is left (the CLI, a lost notification) is seen
/// within `ttl`. Set it to 0 to turn the cache off.
final class SessionCache: Sendable {
    private let sessions: ExpiringCache<String, SessionRow>
    private let teams: ExpiringCache<UUID, [TeamSummary]>
    private let tellOthers: (@Sendable () -> Void)?
    /// The message other servers hear.
    static let revokedWire = "sessions:revoked"

    init(ttl: TimeInterval, clock: any WallClock, tellOthers: (@Sendable () -> Void)? = nil) {
        sessions = ExpiringCache(ttl: ttl, clock: clock)
        teams = ExpiringCache(ttl: ttl, clock: clock)
        self.tellOthers = tellOthers
    }

    /// Access was taken away: forget here, and on every other server.
    func revoke() {
        removeAll()
        tellOthers?()
    }

    /// A cached row, or the database's (which is then cached).
    func session(tokenDigest: String, on database: any Database) async throws -> SessionRow? {
        try await sessions.value(for: tokenDigest) { try await HotPathQueries.session(tokenDigest: tokenDigest, on: database) }
    }

    /// A member's teams, cached the same way (memberships change through Fluent models or `removeAll`).
    func teams(ofUser userID: UUID, on database: any Database) async throws -> [TeamSummary] {
        try await teams.value(for: userID) { try await HotPathQueries.teams(ofUser: userID, on: database).map(TeamSummary.init) } ?? []
    }

    func removeAll() {
        sessions.removeAll()
        teams.removeAll()
    }
}

/// Values read at most `ttl` ago, per key; a miss (or nil) asks `load`. Bounded: full, it starts over.
private final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let entries = NIOLockedValueBox<[Key: (value: Value, readAt: Date)]>([:])
    private let ttl: TimeInterval
    private let clock: any WallClock
    static var capacity: Int { 20_000 }

    init(ttl: TimeInterval, clock: any WallClock) {
        self.ttl = ttl
        self.clock = clock
    }

    func value(for key: Key, load: () async throws -> Value?) async throws -> Value? {
        let now = clock.now()
        if ttl > 0, let entry = entries.withLockedValue({ $0[key] }), now.timeIntervalSince(entry.readAt) < ttl, entry.readAt <= now {
            return entry.value
        }
        guard let value = try await load() else { return nil }
        if ttl > 0 {
            entries.withLockedValue {
                if $0.count >= Self.capacity { $0.removeAll(keepingCapacity: true) }
                $0[key] = (value, now)
            }
        }
        return value
    }

    func removeAll() { entries.withLockedValue { $0.removeAll(keepingCapacity: true) } }
}

/// A team as pages show it: a value, safe to cache.
struct TeamSummary: Sendable, Equatable {
    let id: UUID
    let name: String
    let region: String

    init(_ team: TeamModel) {
        id = team.id!
        name = team.name
        region = team.region
    }
}

/// Empties the session cache whenever a user, a session or a membership is written through Fluent.
struct SessionCacheInvalidation<M: Model>: AsyncModelMiddleware {
    let cache: SessionCache

    func create(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        cache.removeAll()
    }

    /// A session's own writes (sign-in, a minute's last-seen) take nothing away: this server is enough.
    var takesAccess: Bool { M.self != SessionModel.self }

    func update(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        if takesAccess { cache.revoke() } else { cache.removeAll() }
    }

    func delete(model: M, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        cache.revoke()
    }
}
