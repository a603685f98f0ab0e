import Fluent
import Foundation

/// A server-side login session. The cookie holds a random token; only its digest is stored here.
public final class SessionModel: Model, @unchecked Sendable {
    public static let schema = "sessions"

    public enum Stage: String, Sendable {
        /// Password checked, second factor still owed.
        case awaitingSecondFactor = "mfa"
        /// Password checked, but a role that sees personal data must enrol a second factor first.
        case mustEnrol = "enrol"
        /// Fully signed in.
        case active
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_digest") public var tokenDigest: String
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "stage") public var stage: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_seen_at") public var lastSeenAt: Date
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}

    public init(tokenDigest: String, userID: UUID, stage: Stage, now: Date, expiresAt: Date) {
        self.id = UUID()
        self.tokenDigest = tokenDigest
        self.$user.id = userID
        self.stage = stage.rawValue
        self.createdAt = now
        self.lastSeenAt = now
        self.expiresAt = expiresAt
    }

    public var sessionStage: Stage? { Stage(rawValue: stage) }
}
