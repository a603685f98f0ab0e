import AmparoDomain
import Fluent
import Foundation

/// A case as the case list shows it, unsealed.
public struct CaseLine: Sendable, Equatable, Codable {
    public let id: UUID
    /// Nil when not recorded (or erased).
    public let name: String?
    public let status: CaseStatus
    public let openedAt: Date
    /// The hotline report it came from, when it came from one.
    public let report: ReportLink?

    public struct ReportLink: Sendable, Equatable, Codable {
        public let id: ReportID
        public let reference: String

        public init(id: ReportID, reference: String) {
            self.id = id
            self.reference = reference
        }
    }

    public init(id: UUID, name: String?, status: CaseStatus, openedAt: Date, report: ReportLink?) {
        self.id = id
        self.name = name
        self.status = status
        self.openedAt = openedAt
        self.report = report
    }
}

/// A case opened by hand: who it is about and what they agreed to.
public struct NewCase: Sendable, Equatable {
    public let name: String
    public let phone: String?
    public let language: String?
    public let consent: String
    public let team: UUID?

    public init(name: String, phone: String?, language: String?, consent: String, team: UUID?) {
        self.name = name
        self.phone = phone
        self.language = language
        self.consent = consent
        self.team = team
    }
}

/// The case list's queries, and opening a case directly.
public struct CasesStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    /// The cases of these teams and the ones no team has taken, newest first.
    public func list(teams: [UUID], limit: Int = 200) async throws -> [CaseLine] {
        let cases = try await CaseModel.query(on: db)
            .group(.or) { $0.filter(\.$teamID == nil).filter(\.$teamID ~~ teams) }
            .sort(\.$openedAt, .descending).limit(limit).all()
        let reportIDs = Set(cases.compactMap(\.reportID))
        let reports = reportIDs.isEmpty ? [] : try await ReportModel.query(on: db).filter(\.$id ~~ reportIDs).all()
        let references = Dictionary(uniqueKeysWithValues: try reports.map { (try $0.requireID(), $0.reference) })
        return try cases.map { record in
            let id = try record.requireID()
            return CaseLine(
                id: id, name: record.personNameSealed.flatMap { try? sealer.open($0, context: SealedColumn.casePersonName.context(rowID: id)) },
                status: CaseStatus(rawValue: record.status) ?? .open, openedAt: record.openedAt,
                report: record.reportID.flatMap { report in references[report].map { CaseLine.ReportLink(id: ReportID(report), reference: $0) } })
        }
    }

    /// Opens a case with its person and consent sealed; returns its id.
    public func open(_ new: NewCase, by member: UUID, at now: Date) async throws -> UUID {
        let record = CaseModel(reportID: nil, teamID: new.team, openedBy: member, openedAt: now)
        let id = try record.requireID()
        func seal(_ value: String?, _ column: SealedColumn) throws -> String? { try value.map { try sealer.seal($0, context: column.context(rowID: id)) } }
        record.personNameSealed = try seal(new.name, .casePersonName)
        record.phoneSealed = try seal(new.phone, .casePhone)
        record.language = new.language
        record.consentSealed = try seal(new.consent, .caseConsent)
        record.consentBy = member
        record.consentAt = now
        try await record.create(on: db)
        return id
    }
}
