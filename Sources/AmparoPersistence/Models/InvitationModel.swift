import Fluent
import Foundation

/// A one-time link: the first-run setup link (no user yet) or an invitation for a new member to set
/// their password and enrol their second factor. Only the digest of the link's token is stored.
public final class InvitationModel: Model, @unchecked Sendable {
    public static let schema = "invitations"

    public enum Purpose: String, Sendable {
        case setup
        case invite
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_digest") public var tokenDigest: String
    @Field(key: "purpose") public var purpose: String
    @OptionalParent(key: "user_id") public var user: UserModel?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    public init() {}

    public init(tokenDigest: String, purpose: Purpose, userID: UUID?, now: Date, expiresAt: Date) {
        self.id = UUID()
        self.tokenDigest = tokenDigest
        self.purpose = purpose.rawValue
        self.$user.id = userID
        self.createdAt = now
        self.expiresAt = expiresAt
    }
}
