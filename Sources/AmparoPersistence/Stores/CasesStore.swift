import AmparoDomain
import Fluent
import SQLKit
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
    public let hold: HoldClock?
    /// Where the person is now: the facility's name or the place as typed, or released / removed.
    public let whereabouts: Whereabouts?
    /// The soonest hearing ahead.
    public let nextHearing: Date?

    public struct Whereabouts: Sendable, Equatable, Codable {
        public let step: CustodyStep
        public let place: String?

        public init(step: CustodyStep, place: String?) {
            self.step = step
            self.place = place
        }
    }

    public var urgency: CaseUrgency { CaseUrgency(status: status, hold: hold, nextHearing: nextHearing, openedAt: openedAt) }

    public struct ReportLink: Sendable, Equatable, Codable {
        public let id: ReportID
        public let reference: String

        public init(id: ReportID, reference: String) {
            self.id = id
            self.reference = reference
        }
    }

    public init(id: UUID, name: String?, status: CaseStatus, openedAt: Date, report: ReportLink?,
                hold: HoldClock? = nil, whereabouts: Whereabouts? = nil, nextHearing: Date? = nil) {
        self.id = id
        self.name = name
        self.status = status
        self.openedAt = openedAt
        self.report = report
        self.hold = hold
        self.whereabouts = whereabouts
        self.nextHearing = nextHearing
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

    /// The cases of these teams and the ones no team has taken, the most urgent first (`CaseUrgency`,
    /// ranked by the database so only the page's rows are read), then the closed ones newest first.
    public func list(teams: [UUID], now: Date, limit: Int = 200) async throws -> [CaseLine] {
        let ranked = try await rankedOpen(teams: teams, now: now, limit: limit)
        var records = ranked.map(\.record)
        let hearings = Dictionary(uniqueKeysWithValues: ranked.compactMap { item in item.nextHearing.map { (item.record.id!, $0) } })
        if records.count < limit {
            records += try await visible(teams).filter(\.$status != CaseStatus.open.rawValue).sort(\.$openedAt, .descending).limit(limit - records.count).all()
        }
        let reportIDs = Set(records.compactMap(\.reportID))
        let reports = reportIDs.isEmpty ? [] : try await ReportModel.query(on: db).filter(\.$id ~~ reportIDs).all()
        let references = Dictionary(uniqueKeysWithValues: try reports.map { (try $0.requireID(), $0.reference) })
        let facilityIDs = Set(records.compactMap(\.whereaboutsFacilityID))
        let facilities = facilityIDs.isEmpty ? [] : try await FacilityModel.query(on: db).filter(\.$id ~~ facilityIDs).all()
        let facilityNames = Dictionary(uniqueKeysWithValues: try facilities.map { (try $0.requireID(), $0.name) })
        return try records.map { record in
            let id = try record.requireID(), progress = record.progress
            return CaseLine(
                id: id, name: personName(record, id), status: CaseStatus(rawValue: record.status) ?? .open, openedAt: record.openedAt,
                report: record.reportID.flatMap { report in references[report].map { CaseLine.ReportLink(id: ReportID(report), reference: $0) } },
                hold: progress.hold,
                whereabouts: progress.whereabouts.map { CaseLine.Whereabouts(step: $0.step, place: $0.facility.flatMap { facilityNames[$0] } ?? $0.place) },
                nextHearing: hearings[id])
        }
    }

    /// The holds running on a detainer alone in these teams' cases (the dashboard's alarm), longest first.
    public func runningHolds(teams: [UUID]) async throws -> [CaseLine] {
        let records = try await visible(teams).filter(\.$status == CaseStatus.open.rawValue).filter(\.$holdStartedAt != nil).filter(\.$holdEndedAt == nil)
            .sort(\.$holdStartedAt).all()
        return try records.filter { $0.progress.hold?.isAlarm == true }.map { record in
            let id = try record.requireID()
            return CaseLine(
                id: id, name: personName(record, id), status: .open, openedAt: record.openedAt, report: nil, hold: record.progress.hold)
        }
    }

    /// The cases of these teams and the intake queue's (no team).
    private func visible(_ teams: [UUID]) -> QueryBuilder<CaseModel> {
        CaseModel.query(on: db).group(.or) { $0.filter(\.$teamID == nil).filter(\.$teamID ~~ teams) }
    }

    private func personName(_ record: CaseModel, _ id: UUID) -> String? {
        record.personNameSealed.flatMap { try? sealer.open($0, context: SealedColumn.casePersonName.context(rowID: id)) }
    }

    /// The visible open cases in `CaseUrgency`'s order, with each one's soonest current hearing after
    /// `now`: a hold running on a detainer alone (longest first), a hearing ahead (soonest first),
    /// then newest first. The hearing's step is a literal so the planner may use the partial index.
    private func rankedOpen(teams: [UUID], now: Date, limit: Int) async throws -> [(record: CaseModel, nextHearing: Date?)] {
        let inTeams: SQLQueryString = teams.isEmpty ? "c.team_id IS NULL" : "(c.team_id IS NULL OR c.team_id IN (\(binds: teams)))"
        // SQLite looks each case's hearings up by its case index; PostgreSQL reads the hearings
        // ahead once and hashes them (per case, it scanned them all each time). Measured at 50,000
        // cases: SQLite 15 ms correlated vs 90-135 ms joined; PostgreSQL 24 ms joined vs 225 ms.
        let future: SQLQueryString = "e.step = 'hearing' AND e.occurred_at > \(bind: now) AND e.replaced_by IS NULL"
        let postgres = DatabaseKind(db) == .postgres
        let nextHearing: SQLQueryString = postgres ? "h.next_hearing"
            : "(SELECT MIN(e.occurred_at) FROM case_events e WHERE e.case_id = c.id AND \(future)) AS next_hearing"
        let hearings: SQLQueryString = postgres
            ? "LEFT JOIN (SELECT e.case_id, MIN(e.occurred_at) AS next_hearing FROM case_events e WHERE \(future) GROUP BY e.case_id) h ON h.case_id = c.id"
            : ""
        let rows = try await db.sql.raw("""
            SELECT * FROM (
              SELECT c.id, c.report_id, c.opened_at, c.person_name_sealed, c.hold_started_at, c.hold_ended_at, c.hold_warrant,
                c.whereabouts_step, c.whereabouts_facility_id, c.whereabouts_place, \(nextHearing),
                CASE WHEN c.hold_started_at IS NOT NULL AND c.hold_ended_at IS NULL AND (c.hold_warrant IS NULL OR NOT c.hold_warrant) THEN 0
                  ELSE 2 END AS held
              FROM cases c \(hearings)
              WHERE c.status = \(bind: CaseStatus.open.rawValue) AND \(inTeams)
            ) ranked
            ORDER BY CASE WHEN held = 0 THEN 0 WHEN next_hearing IS NOT NULL THEN 1 ELSE 2 END,
              CASE WHEN held = 0 THEN hold_started_at END, CASE WHEN held <> 0 THEN next_hearing END, opened_at DESC
            LIMIT \(bind: limit)
            """).all()
        return try rows.map { row in
            let record = CaseModel()
            record.id = try row.decode(column: "id", as: UUID.self)
            record.reportID = try row.decode(column: "report_id", as: UUID?.self)
            record.status = CaseStatus.open.rawValue
            record.openedAt = try row.decode(column: "opened_at", as: Date.self)
            record.personNameSealed = try row.decode(column: "person_name_sealed", as: String?.self)
            record.holdStartedAt = try row.decode(column: "hold_started_at", as: Date?.self)
            record.holdEndedAt = try row.decode(column: "hold_ended_at", as: Date?.self)
            record.holdWarrant = try row.decode(column: "hold_warrant", as: Bool?.self)
            record.whereaboutsStep = try row.decode(column: "whereabouts_step", as: String?.self)
            record.whereaboutsFacilityID = try row.decode(column: "whereabouts_facility_id", as: UUID?.self)
            record.whereaboutsPlace = try row.decode(column: "whereabouts_place", as: String?.self)
            return (record, try row.decode(column: "next_hearing", as: Date?.self))
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
