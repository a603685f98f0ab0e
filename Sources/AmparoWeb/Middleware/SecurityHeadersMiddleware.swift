import AmparoWebKit
import Vapor

/// Security headers on every response, error pages included (this middleware sits outside the error page).
struct SecurityHeadersMiddleware: AsyncMiddleware {
    let trustedProxies: TrustedProxies

    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "font-src 'self'", "connect-src 'self'", "manifest-src 'self'", "worker-src 'self'", "form-action 'self'", "frame-ancestors 'none'",
        "base-uri 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            // The error page answers nearly everything; this is the last resort.
            response = Response(status: .internalServerError, body: .init(string: "Internal error / Error interno"))
        }
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "no-referrer"),
            ("X-Content-Type-Options", "nosniff"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(self), interest-cohort=()"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if request.isSecure(trustedProxies: trustedProxies) {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains")
        }
        return response
    }
}

extension Request {
    /// Served over TLS, or behind a proxy that we trust and that says the client used TLS.
    func isSecure(trustedProxies: TrustedProxies) -> Bool {
        if application.http.server.configuration.tlsConfiguration != nil { return true }
        guard trustedProxies.believesHeaders(from: peerAddress) else { return false }
        // The proxy nearest us wrote the last value.
        let proto = headers[.xForwardedProto].last?.split(separator: ",").last
        return proto?.trimmingCharacters(in: .whitespaces).lowercased() == "https"
    }

    var isSecure: Bool { isSecure(trustedProxies: amparo.config.trustedProxies) }
}
