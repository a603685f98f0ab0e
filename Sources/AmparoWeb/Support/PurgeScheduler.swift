import AmparoDomain
import AmparoPersistence
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Holds the retention rules modules register, runs them on a timer inside the single binary, and
/// from `amparo purge`.
public final class PurgeScheduler: Sendable {
    private let rules = NIOLockedValueBox<[any PurgeRule]>([])
    private let clock: any WallClock

    init(clock: any WallClock) { self.clock = clock }

    public func register(_ newRules: [any PurgeRule]) {
        rules.withLockedValue { $0.append(contentsOf: newRules) }
    }

    public var registeredNames: [String] { rules.withLockedValue { $0.map(\.name) } }

    /// Runs every rule once; one failing rule does not stop the others.
    public func runAll(logger: Logger) async -> [(name: String, result: Result<Int, any Error>)] {
        var results: [(String, Result<Int, any Error>)] = []
        for rule in rules.withLockedValue({ $0 }) {
            do {
                let count = try await rule.purge(now: clock.now())
                // Nothing to remove is the usual hour: said only at debug level.
                logger.log(level: count == 0 ? .debug : .info, "purge \(rule.name): \(count) removed")
                results.append((rule.name, .success(count)))
            } catch {
                logger.error("purge \(rule.name) failed: \(String(reflecting: type(of: error)))")
                results.append((rule.name, .failure(error)))
            }
        }
        return results
    }
}

/// A rule that deletes rows of one model whose date column is before a cutoff.
struct ExpiredRowsRule<M: Model>: PurgeRule {
    let name: String
    let database: @Sendable () -> any Database
    let filter: @Sendable (QueryBuilder<M>, Date) -> QueryBuilder<M>

    func purge(now: Date) async throws -> Int {
        let db = database()
        let count = try await filter(M.query(on: db), now).count()
        try await filter(M.query(on: db), now).delete()
        return count
    }
}

/// The foundation's own retention: expired sessions and spent or expired invitation links.
func coreRetentionRules(_ app: Application) -> [any PurgeRule] {
    let database: @Sendable () -> any Database = { app.db }
    return [
        ExpiredRowsRule<SessionModel>(name: "sessions.expired", database: database) { query, now in
            query.filter(\.$expiresAt < now)
        },
        ExpiredRowsRule<InvitationModel>(name: "invitations.expired", database: database) { query, now in
            query.group(.or) { $0.filter(\.$expiresAt < now).filter(\.$usedAt != nil) }
        },
    ]
}
