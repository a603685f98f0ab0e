import Fluent
import Foundation

/// A team or region (an area's rapid-response team, the visitation team). Later modules scope records by team.
public final class TeamModel: Model, @unchecked Sendable {
    public static let schema = "teams"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "region") public var region: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Siblings(through: TeamMembershipModel.self, from: \.$team, to: \.$user) public var members: [UserModel]

    public init() {}

    public init(id: UUID = UUID(), name: String, region: String) {
        self.id = id
        self.name = name
        self.region = region
    }
}

public final class TeamMembershipModel: Model, @unchecked Sendable {
    public static let schema = "team_memberships"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Parent(key: "team_id") public var team: TeamModel

    public init() {}

    public init(userID: UUID, teamID: UUID) {
        self.id = UUID()
        self.$user.id = userID
        self.$team.id = teamID
    }
}
