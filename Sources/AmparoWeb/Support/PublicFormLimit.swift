import Vapor

/// Every public form (reports, alert sign-ups, stories, letter signatures, event sign-ups) has the
/// same per-connection limit (`AMPARO_REPORT_LIMIT` per 10 minutes), each form counted on its own.
extension Request {
    func publicLimitReached(_ form: String) async -> Bool {
        let rule = amparo.config.reportLimit
        return rule.limit > 0 ? await amparo.throttle.isBlocked([(key: "\(form)|" + sourceKey, rule: rule)]) : false
    }

    func countPublicSubmission(_ form: String) async {
        let rule = amparo.config.reportLimit
        if rule.limit > 0 { await amparo.throttle.recordFailure([(key: "\(form)|" + sourceKey, rule: rule)]) }
    }
}
