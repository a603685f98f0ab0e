import AmparoDomain
import XCTest

/// The limiter counts and checks in one step, so a burst of concurrent requests cannot pass the
/// limit, and a slot given back is free again.
final class AttemptLimitTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func testABurstOfConcurrentReservationsStopsAtTheLimit() async throws {
        let limiter = MemoryAttemptLimiter()
        let key = LimitKey("report|src:a", LimitRule(limit: 20, window: 600))
        let at = start
        let taken = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<100 { group.addTask { await limiter.reserve([key], at: at) != nil } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        XCTAssertEqual(taken, 20)
    }

    func testAllKeysOrNone() async throws {
        let limiter = MemoryAttemptLimiter()
        let tight = LimitKey("pair", LimitRule(limit: 1, window: 900)), wide = LimitKey("source", LimitRule(limit: 10, window: 900))
        let first = await limiter.reserve([wide, tight], at: start)
        XCTAssertEqual(first?.before, [0, 0])
        let refused = await limiter.reserve([wide, tight], at: start)
        XCTAssertNil(refused)
        let next = await limiter.reserve([wide], at: start)
        XCTAssertEqual(next?.before, [1], "the refused reservation counted nothing under the wide key")
    }

    func testAReleasedSlotIsFreeAgain() async throws {
        let limiter = MemoryAttemptLimiter()
        let key = LimitKey("story|src:b", LimitRule(limit: 2, window: 600))
        let taken = await limiter.reserve([key], at: start)
        let one = try XCTUnwrap(taken)
        _ = await limiter.reserve([key], at: start)
        let full = await limiter.reserve([key], at: start)
        XCTAssertNil(full)
        await limiter.release(one)
        let again = await limiter.reserve([key], at: start)
        XCTAssertNotNil(again)
    }

    func testThePreviousWindowCountsForTheShareStillCovered() async throws {
        let limiter = MemoryAttemptLimiter()
        let rule = LimitRule(limit: 10, window: 600)
        let key = LimitKey("k", rule)
        let bucketStart = SlidingWindow.position(at: start, window: 600).current
        let early = Date(timeIntervalSince1970: Double(bucketStart) + 1)
        for _ in 0..<10 { _ = await limiter.reserve([key], at: early) }
        // A quarter into the next window three quarters of the old ten still count (7): three more fit.
        let quarter = Date(timeIntervalSince1970: Double(bucketStart + 600) + 150)
        var taken = 0
        for _ in 0..<10 {
            if await limiter.reserve([key], at: quarter) != nil { taken += 1 }
        }
        XCTAssertEqual(taken, 3)
        // A window on, the first ten no longer count and the three are nearly all still covered.
        let later = Date(timeIntervalSince1970: Double(bucketStart + 1200) + 1)
        let fresh = await limiter.reserve([key], at: later)
        XCTAssertEqual(fresh?.before, [2], "3 × (1 − 1/600), rounded down")
    }

    func testCountedKeysAreNeverRefused() async throws {
        let limiter = MemoryAttemptLimiter()
        let key = LimitKey("acct", .counted(window: 900))
        for _ in 0..<1000 { _ = await limiter.reserve([key], at: start) }
        let next = await limiter.reserve([key], at: start)
        XCTAssertEqual(next?.before, [1000])
    }

    /// Failures from other places slow guessing but never lock the member out of her own.
    func testSignInFailuresElsewhereDoNotRefuseASourceThatNeverFailed() async throws {
        let limiter = MemoryAttemptLimiter(), limits = SignInLimits()
        func attempt(from source: String, account: String = "coordinator") async throws -> LimitReservation? {
            try await limits.admit(account: account, source: source, on: limiter, at: start)
        }
        var evaluated = 0
        for source in ["a", "b", "c", "d"] {
            for _ in 0..<6 where try await attempt(from: source) != nil { evaluated += 1 }
        }
        XCTAssertEqual(evaluated, 20, "five tries per source and account")
        let own = try await attempt(from: "her own address")
        XCTAssertNotNil(own, "a source that never failed for the account may still try")
        let againFromA = try await attempt(from: "a", account: "someone else")
        XCTAssertNotNil(againFromA, "a source's limit for one account does not close another")
        // Past the account's alarm a source that failed once may not try again; a new one may once.
        _ = try await attempt(from: "e")
        let eAgain = try await attempt(from: "e")
        XCTAssertNil(eAgain)
        let fresh = try await attempt(from: "f")
        XCTAssertNotNil(fresh)
    }

    func testSignInGlobalAlarmOnlyAdmitsSourcesThatNeverFailed() async throws {
        var limits = SignInLimits()
        limits.globalAlarm = 10
        let limiter = MemoryAttemptLimiter()
        for index in 0..<10 { _ = await limiter.reserve(limits.keys(account: "acct\(index)", source: "noisy"), at: start) }
        let noisy = await limiter.reserve(limits.keys(account: "other", source: "noisy"), at: start)
        XCTAssertFalse(limits.allows(try XCTUnwrap(noisy)))
        let quiet = await limiter.reserve(limits.keys(account: "other", source: "quiet"), at: start)
        XCTAssertTrue(limits.allows(try XCTUnwrap(quiet)))
    }
}
