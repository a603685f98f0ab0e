import Fluent
import Foundation

/// The group that runs this Amparo. There is exactly one, created at first-run setup.
public final class OrganizationModel: Model, @unchecked Sendable {
    public static let schema = "organizations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "default_language") public var defaultLanguage: String
    /// Whose phones ring when no dispatcher is on call; nil means the coordinators.
    @OptionalField(key: "call_fallback_team_id") public var callFallbackTeamID: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID = UUID(), name: String, defaultLanguage: String) {
        self.id = id
        self.name = name
        self.defaultLanguage = defaultLanguage
    }
}
