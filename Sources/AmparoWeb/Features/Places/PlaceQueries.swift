import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import Vapor

/// What the places pages show, read from the registry.
enum PlaceQueries {
    /// One agreement with its agency and county, as the pages and downloads list it.
    struct AgreementLine: Content, Equatable {
        let state: String
        let agency: String
        let agencyKind: String?
        let county: String?
        let model: String
        let list: String
        let status: String
        let signedOn: String?
        let moaLink: String?
        let listedSince: Date?
    }

    /// Agreements in force (active or pending) per state and model.
    static func countsByState(on db: any Database) async throws -> [String: [AgreementModel: Int]] {
        let rows = try await db.sql.raw("""
            SELECT a.state_code, g.model, COUNT(*) AS n FROM agreements g JOIN agencies a ON a.id = g.agency_id
            WHERE g.status = \(bind: AgreementStatus.active.rawValue) GROUP BY a.state_code, g.model
            """).all()
        var counts: [String: [AgreementModel: Int]] = [:]
        for row in rows {
            guard let model = AgreementModel(rawValue: try row.decode(column: "model", as: String.self)) else { continue }
            counts[try row.decode(column: "state_code", as: String.self), default: [:]][model] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// Agreements of a state, or of one county's agencies, ended ones included when asked. One
    /// query, read without model decoding: Florida's page lists hundreds.
    static func agreements(state: String, county: JurisdictionModel? = nil, includeEnded: Bool = false, on db: any Database) async throws -> [AgreementLine] {
        let inCounty: SQLQueryString = county.map { "AND a.county_id = \(bind: $0.id!)" } ?? ""
        let current: SQLQueryString = includeEnded ? "" : "AND g.status <> \(bind: AgreementStatus.ended.rawValue)"
        let rows = try await db.sql.raw("""
            SELECT a.name AS agency, a.kind AS agency_kind, j.name AS county, g.model, g.list, g.status, g.signed_on, g.moa_link, i.imported_at
            FROM agreements g JOIN agencies a ON a.id = g.agency_id LEFT JOIN jurisdictions j ON j.id = a.county_id
            JOIN agreement_imports i ON i.id = g.first_import_id
            WHERE a.state_code = \(bind: state) \(inCounty) \(current)
            """).all()
        return try rows.map { row in
            AgreementLine(state: state, agency: try row.decode(column: "agency", as: String.self), agencyKind: try row.decode(column: "agency_kind", as: String?.self),
                          county: try row.decode(column: "county", as: String?.self), model: try row.decode(column: "model", as: String.self),
                          list: try row.decode(column: "list", as: String.self), status: try row.decode(column: "status", as: String.self),
                          signedOn: try row.decode(column: "signed_on", as: String?.self), moaLink: try row.decode(column: "moa_link", as: String?.self),
                          listedSince: try row.decode(column: "imported_at", as: Date?.self))
        }.sorted { ($0.county ?? "~", $0.agency, $0.model) < ($1.county ?? "~", $1.agency, $1.model) }
    }

    /// A place's policies, newest effective date first within each kind.
    static func policies(of place: JurisdictionModel, on db: any Database) async throws -> [PolicyModel] {
        try await PolicyModel.query(on: db).filter(\.$jurisdictionID == place.id!).sort(\.$kind).sort(\.$effectiveOn, .descending).sort(\.$recordedAt, .descending).all()
    }
}
