import Foundation

/// A UUID that knows what it identifies, so a `UserID` can never be passed where a `TeamID` is expected.
public struct TypedID<Entity>: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UUID

    public init(_ rawValue: UUID) { self.rawValue = rawValue }

    public init?(string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.rawValue = uuid
    }

    public static func random() -> TypedID { TypedID(UUID()) }

    public var description: String { rawValue.uuidString.lowercased() }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(UUID.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

public enum UserEntity {}
public enum TeamEntity {}
public enum OrganizationEntity {}
public enum APITokenEntity {}
public enum PlaceEntity {}
public enum AgreementImportEntity {}
public enum CampaignEntity {}
public enum LetterEntity {}
public enum ReportEntity {}
public enum AlertEntity {}
public enum StoryEntity {}
public enum FacilityEntity {}
public enum VisitEntity {}

public typealias UserID = TypedID<UserEntity>
public typealias TeamID = TypedID<TeamEntity>
public typealias OrganizationID = TypedID<OrganizationEntity>
public typealias APITokenID = TypedID<APITokenEntity>
/// A state or county of the places registry.
public typealias PlaceID = TypedID<PlaceEntity>
public typealias AgreementImportID = TypedID<AgreementImportEntity>
public typealias CampaignID = TypedID<CampaignEntity>
public typealias LetterID = TypedID<LetterEntity>
/// A report to the hotline.
public typealias ReportID = TypedID<ReportEntity>
public typealias AlertID = TypedID<AlertEntity>
/// A story told through the public form.
public typealias StoryID = TypedID<StoryEntity>
/// A jail or detention facility of the visitation program's registry.
public typealias FacilityID = TypedID<FacilityEntity>
public typealias VisitID = TypedID<VisitEntity>
