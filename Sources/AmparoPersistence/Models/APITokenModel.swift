import Fluent
import Foundation

/// A personal API token. It acts with its owner's role (or reads only what that role reads, when
/// `readOnly`); only its digest is stored.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "name") public var name: String
    @Field(key: "token_digest") public var tokenDigest: String
    /// The first characters of the token, so its owner can tell tokens apart.
    @Field(key: "prefix") public var prefix: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @Field(key: "read_only") public var readOnly: Bool

    public init() {}

    public init(userID: UUID, name: String, tokenDigest: String, prefix: String, now: Date, expiresAt: Date, readOnly: Bool = false) {
        self.id = UUID()
        self.$user.id = userID
        self.name = name
        self.tokenDigest = tokenDigest
        self.prefix = prefix
        self.createdAt = now
        self.expiresAt = expiresAt
        self.readOnly = readOnly
    }
}
