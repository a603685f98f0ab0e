import AmparoDomain
import Fluent
import Foundation
import SQLKit

/// A state or county of the registry.
public struct PlaceRecord: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case state, county }

    public let id: PlaceID
    public let kind: Kind
    public let name: String
    public let stateCode: String
    public let fips: String?
    /// The county's address in the pages ("harris-county"); the state's code for a state.
    public let slug: String
    /// The name as words, for matching other records' free-text county names.
    public let nameKey: String

    public init(id: PlaceID, kind: Kind, name: String, stateCode: String, fips: String?, slug: String, nameKey: String) {
        self.id = id
        self.kind = kind
        self.name = name
        self.stateCode = stateCode
        self.fips = fips
        self.slug = slug
        self.nameKey = nameKey
    }

    init(_ model: JurisdictionModel) throws {
        self.init(id: PlaceID(try model.requireID()), kind: Kind(rawValue: model.kind) ?? .county, name: model.name,
                  stateCode: model.stateCode, fips: model.fips, slug: model.slug, nameKey: model.nameKey)
    }
}

/// One agreement with its agency and county, as the pages and downloads list it.
public struct AgreementLine: Sendable, Equatable, Codable {
    public let state: String
    public let agency: String
    public let agencyKind: AgencyKind?
    public let county: String?
    public let model: AgreementModel
    public let list: AgreementList
    public let status: AgreementStatus
    public let signedOn: String?
    public let moaLink: String?
    /// When the import that first listed it was made.
    public let listedSince: Date?

    public init(state: String, agency: String, agencyKind: AgencyKind?, county: String?, model: AgreementModel, list: AgreementList,
                status: AgreementStatus, signedOn: String?, moaLink: String?, listedSince: Date?) {
        self.state = state
        self.agency = agency
        self.agencyKind = agencyKind
        self.county = county
        self.model = model
        self.list = list
        self.status = status
        self.signedOn = signedOn
        self.moaLink = moaLink
        self.listedSince = listedSince
    }
}

/// A jail or detention centre in a county, by its public name.
public struct PlaceFacility: Sendable, Equatable, Codable {
    public let name: String
    public let city: String?

    public init(name: String, city: String?) {
        self.name = name
        self.city = city
    }
}

/// A campaign about a place, with the sign-on letters still open for signatures.
public struct PlaceCampaign: Sendable, Equatable, Codable {
    public struct Letter: Sendable, Equatable, Codable {
        public let id: LetterID
        public let title: String

        public init(id: LetterID, title: String) {
            self.id = id
            self.title = title
        }
    }

    public let id: CampaignID
    public let title: String
    public let goal: CampaignGoal
    public let status: CampaignStatus
    public let openLetters: [Letter]

    public init(id: CampaignID, title: String, goal: CampaignGoal, status: CampaignStatus, openLetters: [Letter]) {
        self.id = id
        self.title = title
        self.goal = goal
        self.status = status
        self.openLetters = openLetters
    }
}

/// One import of an ICE list: a snapshot of what it added and ended.
public struct AgreementImportRecord: Sendable, Equatable, Codable {
    public let id: AgreementImportID
    public let list: AgreementList
    public let fileName: String
    public let importedAt: Date
    public let rows: Int
    public let added: Int
    public let removed: Int
    public let unchanged: Int

    public init(id: AgreementImportID, list: AgreementList, fileName: String, importedAt: Date, rows: Int, added: Int, removed: Int, unchanged: Int) {
        self.id = id
        self.list = list
        self.fileName = fileName
        self.importedAt = importedAt
        self.rows = rows
        self.added = added
        self.removed = removed
        self.unchanged = unchanged
    }

    public init(_ model: AgreementImportModel) throws {
        self.init(id: AgreementImportID(try model.requireID()), list: AgreementList(rawValue: model.list) ?? .participating,
                  fileName: model.fileName, importedAt: model.importedAt, rows: model.rows, added: model.added,
                  removed: model.removed, unchanged: model.unchanged)
    }
}

/// An agreement an import added or ended.
public struct ChangedAgreement: Sendable, Equatable, Codable {
    public let agency: String
    public let state: String
    public let model: AgreementModel

    public init(agency: String, state: String, model: AgreementModel) {
        self.agency = agency
        self.state = state
        self.model = model
    }
}

/// Every query the places pages make: the registry's states, counties, agreements, policies and
/// imports, and the facilities and campaigns a county page lists.
public struct PlacesStore: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    /// Agreements in force (active or pending) per state and model.
    public func countsByState() async throws -> [String: [AgreementModel: Int]] {
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

    public func state(_ code: String) async throws -> PlaceRecord? {
        try await JurisdictionModel.query(on: db).filter(\.$kind == PlaceRecord.Kind.state.rawValue).filter(\.$stateCode == code).first()
            .map(PlaceRecord.init)
    }

    /// A state's counties by name.
    public func counties(of state: String) async throws -> [PlaceRecord] {
        try await JurisdictionModel.query(on: db).filter(\.$kind == PlaceRecord.Kind.county.rawValue).filter(\.$stateCode == state)
            .sort(\.$name).all().map(PlaceRecord.init)
    }

    public func county(state: String, slug: String) async throws -> PlaceRecord? {
        try await counties(of: state).first { $0.slug == slug }
    }

    /// Agreements of a state, or of one county's agencies, ended ones included when asked. One
    /// query, read without model decoding: Florida's page lists hundreds.
    public func agreements(state: String, county: PlaceID? = nil, includeEnded: Bool = false) async throws -> [AgreementLine] {
        let inCounty: SQLQueryString = county.map { "AND a.county_id = \(bind: $0.rawValue)" } ?? ""
        let current: SQLQueryString = includeEnded ? "" : "AND g.status <> \(bind: AgreementStatus.ended.rawValue)"
        let rows = try await db.sql.raw("""
            SELECT a.name AS agency, a.kind AS agency_kind, j.name AS county, g.model, g.list, g.status, g.signed_on, g.moa_link, i.imported_at
            FROM agreements g JOIN agencies a ON a.id = g.agency_id LEFT JOIN jurisdictions j ON j.id = a.county_id
            JOIN agreement_imports i ON i.id = g.first_import_id
            WHERE a.state_code = \(bind: state) \(inCounty) \(current)
            """).all()
        return try rows.map { row in
            func value<T: RawRepresentable>(_ column: String, as: T.Type) throws -> T where T.RawValue == String {
                let raw = try row.decode(column: column, as: String.self)
                guard let value = T(rawValue: raw) else { throw PlacesStoreError.unknownValue(column: column, value: raw) }
                return value
            }
            return AgreementLine(
                state: state, agency: try row.decode(column: "agency", as: String.self),
                agencyKind: try row.decode(column: "agency_kind", as: String?.self).flatMap(AgencyKind.init(rawValue:)),
                county: try row.decode(column: "county", as: String?.self), model: try value("model", as: AgreementModel.self),
                list: try value("list", as: AgreementList.self), status: try value("status", as: AgreementStatus.self),
                signedOn: try row.decode(column: "signed_on", as: String?.self), moaLink: try row.decode(column: "moa_link", as: String?.self),
                listedSince: try row.decode(column: "imported_at", as: Date?.self))
        }.sorted { ($0.county ?? "~", $0.agency, $0.model.rawValue) < ($1.county ?? "~", $1.agency, $1.model.rawValue) }
    }

    /// A place's policies, newest effective date first within each kind.
    public func policies(of place: PlaceID) async throws -> [PolicyRecord] {
        try await PolicyModel.query(on: db).filter(\.$jurisdictionID == place.rawValue)
            .sort(\.$kind).sort(\.$effectiveOn, .descending).sort(\.$recordedAt, .descending).all()
            .compactMap { policy in
                guard let kind = PolicyKind(rawValue: policy.kind), let position = PolicyPosition(rawValue: policy.position),
                      let instrument = PolicyInstrument(rawValue: policy.instrument) else { return nil }
                return PolicyRecord(kind: kind, position: position, instrument: instrument, effectiveOn: policy.effectiveOn,
                                    criteria: policy.criteria, documentURL: policy.documentURL)
            }
    }

    public func record(_ new: NewPolicy) async throws {
        try await PolicyModel(new).create(on: db)
    }

    /// The facilities of the visitation registry in a county, matched by the county's name
    /// ("Harris" or "Harris County").
    public func facilities(in county: PlaceRecord) async throws -> [PlaceFacility] {
        try await FacilityModel.query(on: db).filter(\.$state == county.stateCode).sort(\.$name).all()
            .filter { Normalized.words($0.county ?? "") == county.nameKey || Normalized.words(($0.county ?? "") + " County") == county.nameKey }
            .map { PlaceFacility(name: $0.name, city: $0.city) }
    }

    /// Campaigns about a place, newest first, each with its open letters.
    public func campaigns(about place: PlaceID) async throws -> [PlaceCampaign] {
        let campaigns = try await CampaignModel.query(on: db).filter(\.$jurisdictionID == place.rawValue).sort(\.$createdAt, .descending).all()
        let ids = try campaigns.map { try $0.requireID() }
        let letters = Dictionary(grouping: try await LetterModel.query(on: db).filter(\.$campaignID ~~ ids).filter(\.$open == true).all(), by: \.campaignID)
        return try campaigns.compactMap { campaign in
            guard let goal = CampaignGoal(rawValue: campaign.goal), let status = CampaignStatus(rawValue: campaign.status) else { return nil }
            let id = try campaign.requireID()
            return PlaceCampaign(id: CampaignID(id), title: campaign.title, goal: goal, status: status,
                                 openLetters: try (letters[id] ?? []).map { PlaceCampaign.Letter(id: LetterID(try $0.requireID()), title: $0.title) })
        }
    }

    /// The latest imports, newest first.
    public func imports(limit: Int = 50) async throws -> [AgreementImportRecord] {
        try await AgreementImportModel.query(on: db).sort(\.$importedAt, .descending).limit(limit).all().map(AgreementImportRecord.init)
    }

    public func agreementImport(_ id: AgreementImportID) async throws -> AgreementImportRecord? {
        try await AgreementImportModel.find(id.rawValue, on: db).map(AgreementImportRecord.init)
    }

    /// What an import added and ended, each list by agency.
    public func changes(of id: AgreementImportID) async throws -> (added: [ChangedAgreement], removed: [ChangedAgreement]) {
        let changes = try await AgreementChangeModel.query(on: db).filter(\.$importID == id.rawValue).all()
        let agreements = try await AgreementRecordModel.query(on: db).filter(\.$id ~~ changes.map(\.agreementID)).all()
        let agencies = Dictionary(uniqueKeysWithValues: try await AgencyModel.query(on: db).filter(\.$id ~~ Set(agreements.map(\.agencyID))).all()
            .map { (try $0.requireID(), $0) })
        let byID = Dictionary(uniqueKeysWithValues: try agreements.map { (try $0.requireID(), $0) })
        func list(_ change: String) -> [ChangedAgreement] {
            changes.filter { $0.change == change }.compactMap { byID[$0.agreementID] }.compactMap { agreement in
                guard let agency = agencies[agreement.agencyID], let model = AgreementModel(rawValue: agreement.model) else { return nil }
                return ChangedAgreement(agency: agency.name, state: agency.stateCode, model: model)
            }
        }
        return (list("added"), list("removed"))
    }
}

public enum PlacesStoreError: Error, CustomStringConvertible {
    case unknownValue(column: String, value: String)

    public var description: String {
        switch self {
        case .unknownValue(let column, let value): "The registry holds an unknown \(column) “\(value)”."
        }
    }
}

extension PolicyModel {
    public convenience init(_ new: NewPolicy) {
        self.init(jurisdictionID: new.place.rawValue, kind: new.policy.kind.rawValue, position: new.policy.position.rawValue,
                  instrument: new.policy.instrument.rawValue, effectiveOn: new.policy.effectiveOn,
                  recordedBy: new.recordedBy.rawValue, recordedAt: new.recordedAt)
        criteria = new.policy.criteria
        documentURL = new.policy.documentURL
    }
}
