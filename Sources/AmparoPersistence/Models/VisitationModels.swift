import AmparoDomain
import Fluent
import Foundation

/// A jail or detention facility and what a visitor must know to get in. Public facts, plain.
public final class FacilityModel: Model, @unchecked Sendable {
    public static let schema = "facilities"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    /// A `FacilityKind`.
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "city") public var city: String?
    @OptionalField(key: "state") public var state: String?
    @OptionalField(key: "county") public var county: String?
    @OptionalField(key: "visiting_hours") public var visitingHours: String?
    @OptionalField(key: "id_rules") public var idRules: String?
    @OptionalField(key: "dress_code") public var dressCode: String?
    /// How a visitor gets approved (a form, days ahead, a background check).
    @OptionalField(key: "approval") public var approval: String?
    /// Languages the facility's staff or interpreters offer.
    @OptionalField(key: "languages") public var languages: String?
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(name: String, kind: String, updatedAt: Date) {
        self.id = UUID()
        self.name = name
        self.kind = kind
        self.updatedAt = updatedAt
    }
}

/// A member who visits: when they were trained and which languages they speak.
public final class VisitorProfileModel: Model, @unchecked Sendable {
    public static let schema = "visitor_profiles"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    /// yyyy-MM-dd; none: not trained yet (cannot be sent on a visit).
    @OptionalField(key: "trained_on") public var trainedOn: String?
    @OptionalField(key: "languages") public var languages: String?
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(userID: UUID, updatedAt: Date) {
        self.id = UUID()
        self.userID = userID
        self.updatedAt = updatedAt
    }
}

/// A visit to a detained person and, after it, the visitor's report.
public final class VisitModel: Model, @unchecked Sendable {
    public static let schema = "visits"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "facility_id") public var facilityID: UUID
    @Field(key: "visitor_id") public var visitorID: UUID
    @Field(key: "scheduled_at") public var scheduledAt: Date
    /// A `VisitStatus`.
    @Field(key: "status") public var status: String
    /// How the person is and what they need, in the visitor's words: sealed.
    @OptionalField(key: "report_sealed") public var reportSealed: String?
    /// The person agreed that the report be passed on to their family.
    @Field(key: "shared_with_family") public var sharedWithFamily: Bool
    @OptionalField(key: "reported_at") public var reportedAt: Date?
    @Field(key: "created_by") public var createdBy: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(caseID: UUID, facilityID: UUID, visitorID: UUID, scheduledAt: Date, createdBy: UUID, createdAt: Date) {
        self.id = UUID()
        self.caseID = caseID
        self.facilityID = facilityID
        self.visitorID = visitorID
        self.scheduledAt = scheduledAt
        self.status = VisitStatus.scheduled.rawValue
        self.sharedWithFamily = false
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
