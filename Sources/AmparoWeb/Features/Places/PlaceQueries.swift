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

    /// Agreements of a state, or of one county's agencies, ended ones included when asked.
    static func agreements(state: String, county: JurisdictionModel? = nil, includeEnded: Bool = false, on db: any Database) async throws -> [AgreementLine] {
        var agenciesQuery = AgencyModel.query(on: db).filter(\.$stateCode == state)
        if let county { agenciesQuery = agenciesQuery.filter(\.$countyID == county.id) }
        let agencies = try await agenciesQuery.all()
        guard !agencies.isEmpty else { return [] }
        var query = AgreementRecordModel.query(on: db).filter(\.$agencyID ~~ agencies.compactMap(\.id))
        if !includeEnded { query = query.filter(\.$status != AgreementStatus.ended.rawValue) }
        let agreements = try await query.all()
        let counties = Dictionary(uniqueKeysWithValues: try await JurisdictionModel.query(on: db)
            .filter(\.$id ~~ Set(agencies.compactMap(\.countyID))).all().map { ($0.id!, $0.name) })
        let imports = Dictionary(uniqueKeysWithValues: try await AgreementImportModel.query(on: db)
            .filter(\.$id ~~ Set(agreements.map(\.firstImportID))).all().map { ($0.id!, $0.importedAt) })
        let byID = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0) })
        return agreements.compactMap { agreement in
            guard let agency = byID[agreement.agencyID] else { return nil }
            return AgreementLine(state: state, agency: agency.name, agencyKind: agency.kind, county: agency.countyID.flatMap { counties[$0] },
                                 model: agreement.model, list: agreement.list, status: agreement.status, signedOn: agreement.signedOn,
                                 moaLink: agreement.moaLink, listedSince: imports[agreement.firstImportID])
        }.sorted { ($0.county ?? "~", $0.agency, $0.model) < ($1.county ?? "~", $1.agency, $1.model) }
    }

    /// A place's policies, newest effective date first within each kind.
    static func policies(of place: JurisdictionModel, on db: any Database) async throws -> [PolicyModel] {
        try await PolicyModel.query(on: db).filter(\.$jurisdictionID == place.id!).sort(\.$kind).sort(\.$effectiveOn, .descending).sort(\.$recordedAt, .descending).all()
    }
}
