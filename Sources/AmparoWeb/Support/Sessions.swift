import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Starts sessions. Every sign-in step issues a brand-new session id (no fixation), and the old
/// session row is deleted.
enum Sessions {
    static let secondFactorWindow: TimeInterval = 5 * 60

    @discardableResult
    static func start(
        _ request: Request, user: UserModel, stage: SessionModel.Stage, replacing old: SessionModel?, response: Response
    ) async throws -> SessionModel {
        let services = request.amparo
        let now = services.clock.now()
        if let old { try await old.delete(on: request.db) }
        let token = services.random.token()
        let lifetime = stage == .active ? services.config.sessionAbsoluteTimeout : secondFactorWindow
        let session = SessionModel(
            tokenDigest: SecretDigest.of(token), userID: user.id!, stage: stage, now: now, expiresAt: now + lifetime)
        try await session.create(on: request.db)
        response.cookies[request.cookieNames.session] = request.cookie(token, maxAge: Int(lifetime))
        return session
    }

    static func end(_ request: Request, response: Response) async throws {
        if let session = request.visitor.session { try await session.delete(on: request.db) }
        response.cookies[request.cookieNames.session] = .expired
    }

    /// Where a member goes next after their password was accepted.
    static func stageAfterPassword(for user: UserModel) -> SessionModel.Stage {
        if user.totpEnabled { return .awaitingSecondFactor }
        if user.roles.requiresTwoFactor || user.roles.isEmpty { return .mustEnrol }
        return .active
    }

    static func path(for stage: SessionModel.Stage) -> String {
        switch stage {
        case .awaitingSecondFactor: "/login/2fa"
        case .mustEnrol: "/enrol"
        case .active: "/dashboard"
        }
    }
}

extension Request {
    /// The address at the other end of the connection: the visitor's, also when the connection
    /// came through Amparo's own public listener.
    var peerAddress: String? {
        amparo.connections.visitor(behindHopFrom: remoteAddress) ?? remoteAddress?.ipAddress
    }

    /// Keyed hash of where the request came from, for the throttles only: the address itself is
    /// never kept.
    var sourceKey: String {
        let source = amparo.config.trustedProxies.client(
            peer: peerAddress, forwardedFor: headers[.xForwardedFor]) ?? "unknown"
        let mac = HMAC<SHA256>.authenticationCode(for: Data(source.utf8), using: amparo.sourceKey)
        return "src:" + Base64URL.encode(Array(mac))
    }

    func redirect(to path: String, notice: String) -> Response {
        redirect(to: "\(path)?notice=\(notice)", redirectType: .normal)
    }
}
