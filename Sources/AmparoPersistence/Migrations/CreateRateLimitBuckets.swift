import Fluent
import SQLKit

/// Attempt counts shared by every app server on one PostgreSQL (see `SQLAttemptLimiter`): one row
/// per key and fixed window. The key is a keyed hash, never an address or an email.
struct CreateRateLimitBuckets: AsyncMigration {
    var name: String { "0029_rate_limit_buckets" }

    func prepare(on database: any Database) async throws {
        try await database.sql.raw("""
            CREATE TABLE rate_limit_buckets (
                limit_key TEXT NOT NULL,
                window_start BIGINT NOT NULL,
                hits INTEGER NOT NULL,
                PRIMARY KEY (limit_key, window_start)
            )
            """).run()
        try await database.sql.raw("CREATE INDEX rate_limit_buckets_window ON rate_limit_buckets (window_start)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE rate_limit_buckets").run()
    }
}
