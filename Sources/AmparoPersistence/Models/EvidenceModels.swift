import Fluent
import Foundation

/// One file of ICE records read into Amparo: its progress while it runs, then what it added and
/// which rows it left out (row, column, value, why).
public final class DetainerImportModel: Model, @unchecked Sendable {
    public static let schema = "detainer_imports"

    public enum Status: String, Sendable { case running, done, failed }

    @ID(key: .id) public var id: UUID?
    @Field(key: "file_name") public var fileName: String
    /// SHA-256 of the file: the same file is imported once.
    @Field(key: "file_digest") public var fileDigest: String
    /// Which release's header (`DetainerRelease`).
    @OptionalField(key: "release") public var release: String?
    @Field(key: "status") public var status: String
    /// Why a failed import failed, in words a person can act on.
    @OptionalField(key: "message") public var message: String?
    @Field(key: "bytes_total") public var bytesTotal: Int64
    @Field(key: "bytes_read") public var bytesRead: Int64
    @Field(key: "rows_read") public var rowsRead: Int
    @Field(key: "rows_imported") public var rowsImported: Int
    @Field(key: "rows_rejected") public var rowsRejected: Int
    /// The first rejected rows, as JSON (`DetainerRowProblem`s).
    @OptionalField(key: "problems") public var problems: String?
    /// The sheets read and skipped, as JSON.
    @OptionalField(key: "sheets") public var sheets: String?
    @OptionalField(key: "first_month") public var firstMonth: Int?
    @OptionalField(key: "last_month") public var lastMonth: Int?
    @Field(key: "imported_by") public var importedBy: String
    @Field(key: "started_at") public var startedAt: Date
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}

    public init(fileName: String, fileDigest: String, bytesTotal: Int64, importedBy: String, startedAt: Date) {
        id = UUID()
        self.fileName = fileName
        self.fileDigest = fileDigest
        status = Status.running.rawValue
        self.bytesTotal = bytesTotal
        bytesRead = 0
        rowsRead = 0
        rowsImported = 0
        rowsRejected = 0
        self.importedBy = importedBy
        self.startedAt = startedAt
    }
}

/// A jail or prison as ICE's detainer records name it, and the county it is in once a person has
/// confirmed Amparo's proposal (the records give a city and state, never a county).
public final class DetainerFacilityModel: Model, @unchecked Sendable {
    public static let schema = "detainer_facilities"

    public enum Match: String, Sendable, CaseIterable {
        /// Amparo found a county by the name; a person has not confirmed it yet.
        case proposed
        case confirmed
        /// No county found; a person has not chosen one.
        case unmatched
        /// A state or federal prison: in no county's figures.
        case notCounty
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "state_code") public var stateCode: String
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "city") public var city: String
    @Field(key: "aor") public var aor: String
    @Field(key: "match_status") public var matchStatus: String
    @OptionalField(key: "proposed_jurisdiction_id") public var proposedJurisdictionID: UUID?
    /// The confirmed county.
    @OptionalField(key: "jurisdiction_id") public var jurisdictionID: UUID?
    @OptionalField(key: "decided_by") public var decidedBy: String?
    @OptionalField(key: "decided_at") public var decidedAt: Date?

    public init() {}

    public init(stateCode: String, code: String, name: String, city: String, aor: String, proposed: UUID?) {
        id = UUID()
        self.stateCode = stateCode
        self.code = code
        self.name = name
        self.city = city
        self.aor = aor
        proposedJurisdictionID = proposed
        matchStatus = (proposed == nil ? Match.unmatched : Match.proposed).rawValue
    }
}
