import AmparoDomain
import Fluent
import Foundation
import SQLKit

/// Distinct people per county, place, month and step in a period, counted by the database (the
/// month is taken differently by SQLite, which stores seconds since 1970, and PostgreSQL). The place
/// is a facility of the registry (a jail, a detention center), never what was typed: a typed place
/// can be an address ("Main St, Eastside"). An entry with a facility carries the facility's name and
/// county as they were when it was recorded (`CaseEventForm`), so no join is needed.
public enum CaseCounts {
    /// Not a step: people held on a detainer after their local custody ended (the hold clock ran).
    public static let heldPastRelease = "held_past_release"

    public struct Row: Sendable, Equatable {
        public let county: String?
        public let place: String?
        public let month: String
        public let step: String
        public let people: Int
    }

    /// `teams`: only the cases of these teams (a team's own exact counts); nil: every case.
    public static func rows(from start: Date, to end: Date, county: String? = nil, teams: [UUID]? = nil, on db: any Database) async throws -> [Row] {
        let month: SQLQueryString = DatabaseKind(db) == .postgres
            ? "to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM')"
            : "strftime('%Y-%m', e.occurred_at, 'unixepoch')"
        let inCounty: SQLQueryString = county.map { "AND e.county = \(bind: $0)" } ?? ""
        let inTeams: SQLQueryString = teams.map { teams in
            teams.isEmpty ? "AND 1 = 0" : "AND e.case_id IN (SELECT c.id FROM cases c WHERE c.team_id IN (\(binds: teams)))"
        } ?? ""
        let place: SQLQueryString = "CASE WHEN e.facility_id IS NULL THEN NULL ELSE e.place END"
        let steps = try await db.sql.raw("""
            SELECT e.county, \(place) AS place, \(month) AS month, e.step, COUNT(DISTINCT e.case_id) AS people
            FROM case_events e
            WHERE e.replaced_by IS NULL AND e.occurred_at >= \(bind: start) AND e.occurred_at < \(bind: end) \(inCounty) \(inTeams)
            GROUP BY e.county, \(place), \(month), e.step
            """).all()
        // Local custody ended while a detainer asking for a hold stood, and the jail had not declined it.
        let held = try await db.sql.raw("""
            SELECT e.county, \(place) AS place, \(month) AS month, '\(unsafeRaw: heldPastRelease)' AS step,
              COUNT(DISTINCT e.case_id) AS people FROM case_events e
            WHERE e.replaced_by IS NULL AND e.step = \(bind: CustodyStep.localCustodyEnded.rawValue)
              AND e.occurred_at >= \(bind: start) AND e.occurred_at < \(bind: end) \(inCounty) \(inTeams)
              AND EXISTS (SELECT 1 FROM case_events d WHERE d.case_id = e.case_id AND d.replaced_by IS NULL
                          AND d.step = \(bind: CustodyStep.detainerLodged.rawValue) AND d.occurred_at <= e.occurred_at
                          AND (d.detainer_form IS NULL OR d.detainer_form <> \(bind: DetainerForm.i247N.rawValue)))
              AND NOT EXISTS (SELECT 1 FROM case_events r WHERE r.case_id = e.case_id AND r.replaced_by IS NULL
                          AND r.step = \(bind: CustodyStep.jailResponse.rawValue) AND r.jail_response <> \(bind: JailResponse.honored.rawValue))
            GROUP BY e.county, \(place), \(month)
            """).all()
        return try (steps + held).map {
            Row(county: try $0.decode(column: "county", as: String?.self), place: try $0.decode(column: "place", as: String?.self),
                month: try $0.decode(column: "month", as: String.self), step: try $0.decode(column: "step", as: String.self),
                people: try $0.decode(column: "people", as: Int.self))
        }
    }
}
