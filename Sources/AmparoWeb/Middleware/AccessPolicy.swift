import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Who may use a route. Every route declares one; a route without one is refused (fail closed).
/// Tests enumerate the router and check each route against its expected allow/deny matrix.
enum RoutePolicy: Sendable, Equatable {
    /// Anyone, signed in or not (public pages; mutating ones still need a CSRF token).
    case open
    /// A session whose password was accepted and whose second factor is still owed.
    case awaitingSecondFactor
    /// A session that must enrol a second factor (or an active one without a factor yet).
    case enrolment
    /// A fully signed-in member, optionally with a permission.
    case member(Permission?)
    /// The JSON API with no authentication (health, the OpenAPI document).
    case apiOpen
    /// The JSON API with a personal API token, optionally with a permission.
    case apiToken(Permission?)
    /// A provider's webhook (Twilio, signal-cli-rest-api): no cookies, no CSRF; the handler checks the
    /// provider's signature and refuses anything unsigned.
    case webhook
    /// Anyone holding the secret in the URL (a report's photo link, an alert's stop link): no session,
    /// and no CSRF token, since a forged request cannot know the secret. The handler checks it.
    case capabilityLink

    var checksCSRF: Bool {
        switch self {
        case .apiOpen, .apiToken, .webhook, .capabilityLink: false
        default: true
        }
    }
}

extension Route {
    private static let policyKey = "amparo.policy"

    var policy: RoutePolicy? { userInfo[AnySendableHashable(Self.policyKey)] as? RoutePolicy }

    @discardableResult
    func policy(_ policy: RoutePolicy) -> Route {
        userInfo[AnySendableHashable(Self.policyKey)] = policy
        return self
    }
}

struct AccessPolicyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = request.route else {
            let allowed = request.amparo.methodIndex.allowedMethods(for: request.url.path, in: request.application.routes)
            if !allowed.isEmpty {
                throw Abort(.methodNotAllowed, headers: ["Allow": allowed.joined(separator: ", ")])
            }
            return try await next.respond(to: request)
        }
        guard let policy = route.policy else {
            request.logger.critical("route \(request.routePattern) has no access policy; refused")
            throw Abort(.forbidden)
        }
        let mutating = ![.GET, .HEAD, .OPTIONS].contains(request.method)
        if mutating && policy.checksCSRF, try await !CSRF.verify(request) {
            throw UserFacingError(status: .forbidden, text: .csrfFailed)
        }
        let visitor = request.visitor
        let stage = visitor.session?.sessionStage
        switch policy {
        case .open, .apiOpen, .webhook, .capabilityLink:
            break
        case .awaitingSecondFactor:
            guard stage == .awaitingSecondFactor else { return request.redirect(to: "/login") }
        case .enrolment:
            guard stage == .mustEnrol || (stage == .active && visitor.user?.totpEnabled == false) else {
                return request.redirect(to: stage == .active ? "/dashboard" : "/login")
            }
        case .member(let permission):
            guard visitor.isSignedIn, let roles = visitor.roles else {
                if request.method == .GET { return request.redirect(to: "/login") }
                throw Abort(.unauthorized)
            }
            if let permission, !roles.can(permission) { throw Abort(.forbidden) }
        case .apiToken(let permission):
            let (user, token) = try await authenticateBearer(request)
            if let permission, !user.roles.can(permission) { throw Abort(.forbidden) }
            if token.readOnly, request.method != .GET, request.method != .HEAD {
                throw Abort(.forbidden, reason: "This token is read-only: create a full-access token on your account page to make changes.")
            }
            request.visitor.user = user
            request.visitor.apiToken = token
        }
        return try await next.respond(to: request)
    }

    private func authenticateBearer(_ request: Request) async throws -> (UserModel, APITokenModel) {
        let challenge: HTTPHeaders = ["WWW-Authenticate": "Bearer realm=\"amparo\""]
        guard let bearer = request.headers.bearerAuthorization?.token, !bearer.isEmpty else {
            throw Abort(.unauthorized, headers: challenge, reason: "An API token is required: Authorization: Bearer <token>.")
        }
        let now = request.amparo.clock.now()
        guard let token = try await APITokenModel.query(on: request.db)
            .filter(\.$tokenDigest == SecretDigest.of(bearer))
            .with(\.$user)
            .first(),
            token.revokedAt == nil, token.expiresAt > now, !token.user.isDisabled
        else {
            throw Abort(.unauthorized, headers: challenge, reason: "The API token is unknown, revoked or expired.")
        }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            token.lastUsedAt = now
            try await token.save(on: request.db)
        }
        return (token.user, token)
    }
}
