import AmparoDomain
import AmparoPersistence
import Fluent
import Foundation
import SQLKit

/// Whose detainers: the nation, a state, a county (its confirmed facilities) or one facility.
enum EvidenceScope: Equatable {
    case nation
    case state(String)
    case county(UUID)
    case facility(UUID)
}

/// Months, both ends included; nil ends are open.
struct EvidencePeriod: Equatable, Sendable {
    var from: Int?
    var to: Int?

    static let all = EvidencePeriod(from: nil, to: nil)

    /// "2024-01" and "2025-06", either may be blank (open); nil when one is not a YYYY-MM month or
    /// the first comes after the second. The pages' query and `amparo stats` both read it here.
    static func parse(from: String?, to: String?) -> EvidencePeriod? {
        func month(_ text: String?) -> Int?? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return .some(nil) }
            return CalendarMonth.parse(text).map { .some($0) }
        }
        guard let first = month(from), let last = month(to) else { return nil }
        if let first, let last, first > last { return nil }
        return EvidencePeriod(from: first, to: last)
    }

    /// The tallies' months in the period, newest import's only.
    var filter: SQLQueryString {
        var filter: SQLQueryString = "t.current = \(bind: true)"
        if let from { filter = "\(filter) AND t.month >= \(bind: from)" }
        if let to { filter = "\(filter) AND t.month <= \(bind: to)" }
        return filter
    }
}

/// The sums behind every evidence page, from the tallies the imports wrote (only the newest
/// import's, for each month).
enum EvidenceQueries {
    struct Source: Sendable, Encodable {
        let importID: UUID
        let fileName: String
        let fileDigest: String
        let release: String?
        let rowsCounted: Int
        let rowsInFile: Int
        let rowsRejected: Int
        let importedAt: Date
    }

    private static func filter(_ scope: EvidenceScope, _ period: EvidencePeriod) -> SQLQueryString {
        var where_: SQLQueryString
        switch scope {
        case .nation: where_ = "t.area = \(bind: "US")"
        case .state(let code): where_ = "t.area = \(bind: code)"
        case .county(let id):
            where_ = "t.facility_id IN (SELECT f.id FROM detainer_facilities f WHERE f.jurisdiction_id = \(bind: id) AND f.match_status = \(bind: DetainerFacilityModel.Match.confirmed.rawValue))"
        case .facility(let id): where_ = "t.facility_id = \(bind: id)"
        }
        return "\(where_) AND \(period.filter)"
    }

    static func figures(_ scope: EvidenceScope, _ period: EvidencePeriod, on db: any Database) async throws -> DetainerFigures {
        struct CountRow: Decodable { let month: Int; let criminality: Int; let threat: Int; let outcome: Int; let n: Int }
        struct ChargeRow: Decodable { let charge: Int; let n: Int }
        let counts = try await db.sql.raw("""
            SELECT t.month AS month, t.criminality AS criminality, t.threat AS threat, t.outcome AS outcome, CAST(SUM(t.count) AS BIGINT) AS n
            FROM detainer_tallies t WHERE \(filter(scope, period)) GROUP BY t.month, t.criminality, t.threat, t.outcome
            """).all(decoding: CountRow.self)
        let charges = try await db.sql.raw("""
            SELECT t.charge AS charge, CAST(SUM(t.count) AS BIGINT) AS n FROM detainer_charge_tallies t WHERE \(filter(scope, period)) GROUP BY t.charge
            """).all(decoding: ChargeRow.self)
        return DetainerFigures(
            counts: counts.map {
                DetainerCount(month: $0.month, criminality: Criminality(rawValue: $0.criminality) ?? .unrecorded,
                              threat: ThreatLevel(rawValue: $0.threat) ?? .none, outcome: DetainerOutcome(rawValue: $0.outcome) ?? .other, count: $0.n)
            },
            charges: charges.map { (ChargeCategory(prefix: $0.charge), $0.n) })
    }

    /// The files the figures come from, with how many of their rows count here.
    static func sources(_ scope: EvidenceScope, _ period: EvidencePeriod, on db: any Database) async throws -> [Source] {
        struct Row: Decodable { let import_id: UUID; let n: Int }
        let rows = try await db.sql.raw("SELECT t.import_id AS import_id, CAST(SUM(t.count) AS BIGINT) AS n FROM detainer_tallies t WHERE \(filter(scope, period)) GROUP BY t.import_id")
            .all(decoding: Row.self)
        let imports = try await DetainerImportModel.query(on: db).filter(\.$id ~~ rows.map(\.import_id)).all()
        let byID = Dictionary(uniqueKeysWithValues: imports.map { ($0.id!, $0) })
        return rows.compactMap { row in
            byID[row.import_id].map {
                Source(importID: $0.id!, fileName: $0.fileName, fileDigest: $0.fileDigest, release: $0.release, rowsCounted: row.n,
                       rowsInFile: $0.rowsRead, rowsRejected: $0.rowsRejected, importedAt: $0.finishedAt ?? $0.startedAt)
            }
        }.sorted { $0.importedAt < $1.importedAt }
    }

    struct FacilityLine: Decodable, Sendable {
        let id: UUID
        let code: String
        let name: String
        let city: String
        let match_status: String
        let jurisdiction_id: UUID?
        let proposed_jurisdiction_id: UUID?
        let lodged: Int
        let convicted: Int
    }

    /// The state's facilities with their detainers in the period, most first.
    static func facilities(state: String, _ period: EvidencePeriod, on db: any Database) async throws -> [FacilityLine] {
        return try await db.sql.raw("""
            SELECT f.id AS id, f.code AS code, f.name AS name, f.city AS city, f.match_status AS match_status,
                   f.jurisdiction_id AS jurisdiction_id, f.proposed_jurisdiction_id AS proposed_jurisdiction_id,
                   CAST(COALESCE(SUM(t.count), 0) AS BIGINT) AS lodged,
                   CAST(COALESCE(SUM(CASE WHEN t.criminality = \(bind: Criminality.convicted.rawValue) THEN t.count ELSE 0 END), 0) AS BIGINT) AS convicted
            FROM detainer_facilities f LEFT JOIN detainer_tallies t ON t.facility_id = f.id AND \(period.filter)
            WHERE f.state_code = \(bind: state)
            GROUP BY f.id, f.code, f.name, f.city, f.match_status, f.jurisdiction_id, f.proposed_jurisdiction_id
            ORDER BY lodged DESC, f.name
            """).all(decoding: FacilityLine.self)
    }

    /// Detainers per state in the period (the nation's page).
    static func byState(_ period: EvidencePeriod, on db: any Database) async throws -> [String: (lodged: Int, convicted: Int)] {
        struct Row: Decodable { let area: String; let lodged: Int; let convicted: Int }
        let rows = try await db.sql.raw("""
            SELECT t.area AS area, CAST(SUM(t.count) AS BIGINT) AS lodged,
                   CAST(SUM(CASE WHEN t.criminality = \(bind: Criminality.convicted.rawValue) THEN t.count ELSE 0 END) AS BIGINT) AS convicted
            FROM detainer_tallies t WHERE t.area <> \(bind: "US") AND t.area IS NOT NULL AND \(period.filter) GROUP BY t.area
            """).all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.area, ($0.lodged, $0.convicted)) })
    }
}
