import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import XCTest

@testable import AmparoWeb

/// App servers that share PostgreSQL share their limits: the count is one row per key and window,
/// taken in the same transaction as the check.
final class SharedLimiterTests: XCTestCase {
    var harness: TestHarness!

    override func setUp() async throws {
        harness = try await TestHarness.make { $0.reportLimit = .init(limit: 20, window: 600) }
        guard case .postgres = harness.config.database else {
            try await harness.shutdown()
            harness = nil
            throw XCTSkip("the shared limiter is PostgreSQL's; SQLite's single server counts in memory")
        }
    }
    override func tearDown() async throws { try await harness?.shutdown() }

    func testTheServerOnPostgreSQLCountsInTheDatabase() {
        XCTAssertTrue(harness.services.limiter is SQLAttemptLimiter)
    }

    func testABurstSplitOverTwoServersStopsAtTheLimit() async throws {
        let app = harness.app
        let servers = [SQLAttemptLimiter(database: { app.db }), SQLAttemptLimiter(database: { app.db })]
        let key = LimitKey("report|src:one", LimitRule(limit: 20, window: 600))
        let at = TestHarness.start
        let taken = try await withThrowingTaskGroup(of: Bool.self) { group in
            for attempt in 0..<100 { group.addTask { try await servers[attempt % 2].reserve([key], at: at) != nil } }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        XCTAssertEqual(taken, 20)
        let rows = try await app.db.sql.raw("SELECT limit_key, hits FROM rate_limit_buckets").all()
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(try rows.first?.decode(column: "hits", as: Int.self), 20, "refused reservations are rolled back")
    }

    func testAllKeysOrNoneAndAReleaseFreesTheSlot() async throws {
        let app = harness.app
        let here = SQLAttemptLimiter(database: { app.db }), there = SQLAttemptLimiter(database: { app.db })
        let tight = LimitKey("pair", LimitRule(limit: 1, window: 900)), wide = LimitKey("source", LimitRule(limit: 10, window: 900))
        let at = TestHarness.start
        let first = try await here.reserve([wide, tight], at: at)
        XCTAssertEqual(first?.before, [0, 0])
        XCTAssertEqual(first?.buckets.map(\.key), ["source", "pair"], "in the order the keys were given")
        let refused = try await there.reserve([wide, tight], at: at)
        XCTAssertNil(refused)
        let next = try await there.reserve([wide], at: at)
        XCTAssertEqual(next?.before, [1], "the refused reservation counted nothing under the wide key")

        try await here.release(try XCTUnwrap(first))
        let again = try await there.reserve([tight], at: at)
        XCTAssertEqual(again?.before, [0], "given back on one server, free on the other")
    }

    func testOldBucketsAreDeleted() async throws {
        let app = harness.app
        let limiter = SQLAttemptLimiter(database: { app.db })
        let key = LimitKey("story|src:old", LimitRule(limit: 5, window: 600))
        _ = try await limiter.reserve([key], at: TestHarness.start)
        // Two windows and a minute later the first bucket is no longer read, and goes.
        _ = try await limiter.reserve([key], at: TestHarness.start.addingTimeInterval(1260))
        _ = try await limiter.reserve([key], at: TestHarness.start.addingTimeInterval(1400))
        let starts = try await app.db.sql.raw("SELECT window_start FROM rate_limit_buckets ORDER BY window_start").all()
            .map { try $0.decode(column: "window_start", as: Int64.self) }
        XCTAssertEqual(starts, [SlidingWindow.position(at: TestHarness.start.addingTimeInterval(1260), window: 600).current])
    }
}
