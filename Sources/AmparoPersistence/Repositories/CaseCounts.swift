import Fluent
import Foundation
import SQLKit

/// Distinct people per place, month and step in a year, counted by the database (the month is
/// taken differently by SQLite, which stores seconds since 1970, and PostgreSQL).
public enum CaseCounts {
    public struct Row: Sendable, Equatable {
        public let place: String?
        public let month: String
        public let step: String
        public let people: Int
    }

    public static func rows(from start: Date, to end: Date, on db: any Database) async throws -> [Row] {
        let month: SQLQueryString = DatabaseKind(db) == .postgres
            ? "to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM')"
            : "strftime('%Y-%m', occurred_at, 'unixepoch')"
        let rows = try await db.sql.raw("""
            SELECT place, \(month) AS month, step, COUNT(DISTINCT case_id) AS people FROM case_events
            WHERE replaced_by IS NULL AND occurred_at >= \(bind: start) AND occurred_at < \(bind: end)
            GROUP BY place, \(month), step
            """).all()
        return try rows.map {
            Row(place: try $0.decode(column: "place", as: String?.self), month: try $0.decode(column: "month", as: String.self),
                step: try $0.decode(column: "step", as: String.self), people: try $0.decode(column: "people", as: Int.self))
        }
    }
}
