import Vapor

/// One log line per request: method, route pattern, status, duration. Never the concrete path (it can
/// hold an invitation token), a query string, an address, a user agent or a body.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let tenths = elapsed.components.seconds * 10_000 + elapsed.components.attoseconds / 100_000_000_000_000
        request.logger.info(
            "\(request.method.rawValue) \(request.routePattern) \(response.status.code) \(tenths / 10).\(tenths % 10)ms")
        return response
    }
}

extension Request {
    /// `/admin/users/:id`, not `/admin/users/4f1c...`.
    var routePattern: String {
        guard let route else { return "(no route)" }
        return "/" + route.path.map(\.description).joined(separator: "/")
    }
}
