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
    private struct Entry {
        let row: SessionRow
        let readAt: Date
    }

    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    private let teams = NIOLockedValueBox<[UUID: (teams: [TeamSummary], readAt: Date)]>([:])
    private let ttl: TimeInterval
    private let clock: any Clock
    static let capacity = 20_000

    init(ttl: TimeInterval, clock: any Clock) {
        self.ttl = ttl
        self.clock = clock
    }

    /// A cached row, or the database's (which is then cached).
    func session(tokenDigest: String, on database: any Database) async throws -> SessionRow? {
        let now = clock.now()
        if ttl > 0, let entry = entries.withLockedValue({ $0[tokenDigest] }),
           now.timeIntervalSince(entry.readAt) < ttl, entry.readAt <= now {
            return entry.row
        }
        guard let row = try await HotPathQueries.session(tokenDigest: tokenDigest, on: database) else { return nil }
        if ttl > 0 {
            entries.withLockedValue {
                if $0.count >= Self.capacity { $0.removeAll(keepingCapacity: true) }
                $0[tokenDigest] = Entry(row: row, readAt: now)
            }
        }
        return row
    }

    /// A member's teams, cached the same way (memberships change through Fluent models or `removeAll`).
    func teams(ofUser userID: UUID, on database: any Database) async throws -> [TeamSummary] {
        let now = clock.now()
        if ttl > 0, let entry = teams.withLockedValue({ $0[userID] }), now.timeIntervalSince(entry.readAt) < ttl, entry.readAt <= now {
            return entry.teams
        }
        let fresh = try await HotPathQueries.teams(ofUser: userID, on: database).map(TeamSummary.init)
        if ttl > 0 {
            teams.withLockedValue {
                if $0.count >= Self.capacity { $0.removeAll(keepingCapacity: true) }
                $0[userID] = (fresh, now)
            }
        }
        return fresh
    }

    func removeAll() {
        entries.withLockedValue { $0.removeAll(keepingCapacity: true) }
        teams.withLockedValue { $0.removeAll(keepingCapacity: true) }
    }
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
