import AmparoDomain
import AmparoPersistence
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Remembers recently read sessions for a moment, so a signed-in page costs no session query while a
/// person clicks around. Any write to a user, a session or a membership through this process empties
/// it, so on SQLite (one server) it is never stale. A change made elsewhere (another app server on
/// the same PostgreSQL, the CLI) is seen within `ttl`; set it to 0 to turn the cache off.
final class SessionCache: Sendable {
    private let sessions: ExpiringCache<String, SessionRow>
    private let teams: ExpiringCache<UUID, [TeamSummary]>

    init(ttl: TimeInterval, clock: any Clock) {
        sessions = ExpiringCache(ttl: ttl, clock: clock)
        teams = ExpiringCache(ttl: ttl, clock: clock)
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
    private let clock: any Clock
    static var capacity: Int { 20_000 }

    init(ttl: TimeInterval, clock: any Clock) {
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

    func update(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        cache.removeAll()
    }

    func delete(model: M, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        cache.removeAll()
    }
}
