import AmparoDomain
import Fluent
import Foundation

/// A state, county or city. Public facts, plain.
public final class JurisdictionModel: Model, @unchecked Sendable {
    public static let schema = "jurisdictions"

    @ID(key: .id) public var id: UUID?
    /// state, county, city
    @Field(key: "kind") public var kind: String
    @Field(key: "name") public var name: String
    /// The name as compared: upper case, punctuation and stray spaces gone ("BAY COUNTY").
    @Field(key: "name_key") public var nameKey: String
    @Field(key: "state_code") public var stateCode: String
    /// Census FIPS: 2 digits for a state, 5 for a county (state and county), when known.
    @OptionalField(key: "fips") public var fips: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(kind: String, name: String, stateCode: String, fips: String?, createdAt: Date) {
        self.id = UUID()
        self.kind = kind
        self.name = name
        self.nameKey = Normalized.words(name)
        self.stateCode = stateCode
        self.fips = fips
        self.createdAt = createdAt
    }

    /// "bay-county": the county's part of its public address.
    public var slug: String { nameKey.lowercased().replacingOccurrences(of: " ", with: "-") }
}

/// A law enforcement agency (a sheriff's office, a police department, a state agency).
public final class AgencyModel: Model, @unchecked Sendable {
    public static let schema = "agencies"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "name_key") public var nameKey: String
    /// An `AgencyKind`.
    @OptionalField(key: "kind") public var kind: String?
    @Field(key: "state_code") public var stateCode: String
    @OptionalField(key: "county_id") public var countyID: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(name: String, kind: String?, stateCode: String, countyID: UUID?, createdAt: Date) {
        self.id = UUID()
        self.name = name
        self.nameKey = Normalized.words(name)
        self.kind = kind
        self.stateCode = stateCode
        self.countyID = countyID
        self.createdAt = createdAt
    }
}

/// One import of one of ICE's lists: a snapshot, with what it changed.
public final class AgreementImportModel: Model, @unchecked Sendable {
    public static let schema = "agreement_imports"

    @ID(key: .id) public var id: UUID?
    /// An `AgreementList`.
    @Field(key: "list") public var list: String
    @Field(key: "file_name") public var fileName: String
    /// SHA-256 of the file: the same file again changes nothing.
    @Field(key: "file_digest") public var fileDigest: String
    /// A member's id, or "cli".
    @Field(key: "imported_by") public var importedBy: String
    @Field(key: "imported_at") public var importedAt: Date
    @Field(key: "rows") public var rows: Int
    @Field(key: "added") public var added: Int
    @Field(key: "removed") public var removed: Int
    @Field(key: "unchanged") public var unchanged: Int

    public init() {}

    public init(list: String, fileName: String, fileDigest: String, importedBy: String, importedAt: Date) {
        self.id = UUID()
        self.list = list
        self.fileName = fileName
        self.fileDigest = fileDigest
        self.importedBy = importedBy
        self.importedAt = importedAt
        self.rows = 0
        self.added = 0
        self.removed = 0
        self.unchanged = 0
    }
}

/// A 287(g) agreement as ICE's lists show it, from the import that first listed it to the one
/// where it disappeared.
public final class AgreementRecordModel: Model, @unchecked Sendable {
    public static let schema = "agreements"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agency_id") public var agencyID: UUID
    /// An `AgreementModel`.
    @Field(key: "model") public var model: String
    /// The list it appears on (participating or pending).
    @Field(key: "list") public var list: String
    /// An `AgreementStatus`.
    @Field(key: "status") public var status: String
    @OptionalField(key: "signed_on") public var signedOn: String?
    @OptionalField(key: "moa_link") public var moaLink: String?
    @Field(key: "first_import_id") public var firstImportID: UUID
    @Field(key: "last_import_id") public var lastImportID: UUID
    @OptionalField(key: "ended_import_id") public var endedImportID: UUID?

    public init() {}

    public init(agencyID: UUID, model: String, list: String, status: String, importID: UUID) {
        self.id = UUID()
        self.agencyID = agencyID
        self.model = model
        self.list = list
        self.status = status
        self.firstImportID = importID
        self.lastImportID = importID
    }
}

/// An agreement an import added or removed.
public final class AgreementChangeModel: Model, @unchecked Sendable {
    public static let schema = "agreement_changes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "import_id") public var importID: UUID
    @Field(key: "agreement_id") public var agreementID: UUID
    /// added or removed
    @Field(key: "change") public var change: String

    public init() {}

    public init(importID: UUID, agreementID: UUID, change: String) {
        self.id = UUID()
        self.importID = importID
        self.agreementID = agreementID
        self.change = change
    }
}

/// A place's policy from a date, with the instrument and the document that say so. A new entry
/// supersedes the earlier ones of its kind; all stay, as the history.
public final class PolicyModel: Model, @unchecked Sendable {
    public static let schema = "policies"

    @ID(key: .id) public var id: UUID?
    @Field(key: "jurisdiction_id") public var jurisdictionID: UUID
    /// A `PolicyKind`.
    @Field(key: "kind") public var kind: String
    /// A `PolicyPosition`.
    @Field(key: "position") public var position: String
    /// For "honors with criteria" and the like: the criteria, as written.
    @OptionalField(key: "criteria") public var criteria: String?
    /// A `PolicyInstrument`.
    @Field(key: "instrument") public var instrument: String
    /// yyyy-MM-dd
    @Field(key: "effective_on") public var effectiveOn: String
    @OptionalField(key: "document_url") public var documentURL: String?
    @Field(key: "recorded_by") public var recordedBy: UUID
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    public init(jurisdictionID: UUID, kind: String, position: String, instrument: String, effectiveOn: String, recordedBy: UUID, recordedAt: Date) {
        self.id = UUID()
        self.jurisdictionID = jurisdictionID
        self.kind = kind
        self.position = position
        self.instrument = instrument
        self.effectiveOn = effectiveOn
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// A county's outline on the map: an SVG path in a 960×600 picture.
public final class CountyShapeModel: Model, @unchecked Sendable {
    public static let schema = "county_shapes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "fips") public var fips: String
    @Field(key: "name") public var name: String
    @Field(key: "path") public var path: String

    public init() {}

    public init(fips: String, name: String, path: String) {
        self.id = UUID()
        self.fips = fips
        self.name = name
        self.path = path
    }
}
