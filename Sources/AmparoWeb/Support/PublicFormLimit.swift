import AmparoDomain
import Vapor

/// Every public form (reports, alert sign-ups, stories, letter signatures, event sign-ups) has the
/// same per-source limit (`AMPARO_REPORT_LIMIT` per 10 minutes), each form counted on its own. The slot
/// is taken before the work and given back when the form is refused, so a burst of concurrent
/// requests cannot all pass a check made before any of them was counted.
struct PublicSlot: Sendable {
    fileprivate let reservation: LimitReservation?
    fileprivate let limiter: any AttemptLimiter

    /// The submission was refused (a problem to fix): it does not count against the source.
    func giveBack() async {
        if let reservation { try? await limiter.release(reservation) }
    }
}

extension Request {
    /// A slot under the form's limit, or nil when this source has used them all.
    func takePublicSlot(_ form: String) async throws -> PublicSlot? {
        let rule = amparo.config.reportLimit, limiter = amparo.limiter
        guard rule.limit > 0 else { return PublicSlot(reservation: nil, limiter: limiter) }
        guard let reservation = try await limiter.reserve([LimitKey("\(form)|" + sourceKey, rule)], at: amparo.clock.now()) else { return nil }
        return PublicSlot(reservation: reservation, limiter: limiter)
    }
}
