import Foundation

/// Who may try a password for an account. Guessing is slowed from everywhere, but failures from
/// other places never lock the member out of her own:
/// - one source has 5 tries per account and 50 in all per 15 minutes;
/// - once an account has had 20 failures, only sources that never failed for it may try (one try
///   each, since a failure makes them such a source);
/// - once 1,000 failures happened in all, only sources that never failed at all may try.
/// Every try is counted before the password is checked and given back when it was right.
public struct SignInLimits: Sendable, Equatable {
    public var window: TimeInterval = 15 * 60
    public var perAccountAndSource = 5
    public var perSource = 50
    public var accountAlarm = 20
    public var globalAlarm = 1000

    public init() {}

    /// The keys one try counts under; `account` and `source` are already keyed hashes.
    public func keys(account: String, source: String) -> [LimitKey] {
        [
            LimitKey("login|\(account)|\(source)", LimitRule(limit: perAccountAndSource, window: window)),
            LimitKey("login|\(source)", LimitRule(limit: perSource, window: window)),
            LimitKey("login|\(account)", .counted(window: window)),
            LimitKey("login|all", .counted(window: window)),
        ]
    }

    /// The second factor's key: a member who got past her password has 5 tries per window.
    public func secondFactorKey(member: String) -> LimitKey {
        LimitKey("2fa|\(member)", LimitRule(limit: perAccountAndSource, window: window))
    }

    /// Counts one try and answers it if it may go on to the password check, or nil (nothing counted)
    /// when a limit or an alarm refuses it.
    public func admit(account: String, source: String, on limiter: any AttemptLimiter, at now: Date) async throws -> LimitReservation? {
        guard let taken = try await limiter.reserve(keys(account: account, source: source), at: now) else { return nil }
        if allows(taken) { return taken }
        try await limiter.release(taken)
        return nil
    }

    /// Whether a try that was counted (with `keys`' order) may go on to the password check.
    public func allows(_ reservation: LimitReservation) -> Bool {
        guard reservation.before.count == 4 else { return false }
        let pair = reservation.before[0], source = reservation.before[1]
        let account = reservation.before[2], everyone = reservation.before[3]
        if account >= accountAlarm && pair > 0 { return false }
        if everyone >= globalAlarm && source > 0 { return false }
        return true
    }
}
