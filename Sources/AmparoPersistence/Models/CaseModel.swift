import Fluent
import Foundation

/// A case for the case team, for now only its link to the incident that opened it.
public final class CaseModel: Model, @unchecked Sendable {
    public static let schema = "cases"

    @ID(key: .id) public var id: UUID?
    /// The verified hotline report where the person was detained.
    @OptionalField(key: "report_id") public var reportID: UUID?
    @OptionalField(key: "team_id") public var teamID: UUID?
    @Field(key: "status") public var status: String
    @Field(key: "opened_by") public var openedBy: UUID
    @Field(key: "opened_at") public var openedAt: Date

    public init() {}

    public init(reportID: UUID?, teamID: UUID?, openedBy: UUID, openedAt: Date) {
        self.id = UUID()
        self.reportID = reportID
        self.teamID = teamID
        self.status = "open"
        self.openedBy = openedBy
        self.openedAt = openedAt
    }
}
