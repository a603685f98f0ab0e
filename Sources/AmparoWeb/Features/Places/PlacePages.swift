import AmparoDomain
import AmparoImport
import AmparoPersistence
import Foundation

/// Agreements in force by model, as one state's line shows them (JSON keys are the models' codes).
struct AgreementCounts: Sendable, Equatable, Codable {
    var byModel: [AgreementModel: Int]

    subscript(model: AgreementModel) -> Int { byModel[model] ?? 0 }
    var total: Int { byModel.values.reduce(0, +) }

    init(_ byModel: [AgreementModel: Int]) { self.byModel = byModel }

    init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: Int].self)
        byModel = Dictionary(uniqueKeysWithValues: raw.compactMap { key, value in AgreementModel(rawValue: key).map { ($0, value) } })
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: AgreementModel.allCases.map { ($0.rawValue, self[$0]) }))
    }
}

/// /places: every state with its agreements in force.
struct PlaceStatesPage: Sendable, Equatable, Codable {
    struct Line: Sendable, Equatable, Codable {
        let state: USState
        let agreements: AgreementCounts
    }

    let states: [Line]

    init(counts: [String: [AgreementModel: Int]]) {
        states = USState.all.map { Line(state: $0, agreements: AgreementCounts(counts[$0.code] ?? [:])) }
    }
}

/// Why a place's page is shown again instead of saved.
enum PlaceProblem: String, Sendable, Equatable, Codable, CaseIterable {
    /// The policy form did not validate (a missing source, a position of another kind…).
    case policyRefused
}

/// /places/{state}: the state's own policies, its agreements and its counties.
struct PlaceStatePage: Sendable, Equatable, Codable {
    struct County: Sendable, Equatable, Codable {
        let name: String
        let slug: String
        let fips: String?
    }

    let state: USState
    let place: PlaceRecord
    let policies: [PolicyRecord]
    let agreements: [AgreementLine]
    let counties: [County]
    /// Whether this viewer may record a policy here (the form is shown).
    let mayRecordPolicy: Bool
    var problem: PlaceProblem?
}

/// /places/{state}/{county}: what governs the county now, its policy history beside the state's
/// laws, its agreements (ended ones marked), campaigns with open letters, and facilities.
struct PlaceCountyPage: Sendable, Equatable, Codable {
    struct Governing: Sendable, Equatable, Codable {
        let kind: PolicyKind
        let position: PolicyPosition
        let source: Source
        enum Source: String, Sendable, Equatable, Codable, CaseIterable { case county, state }
    }

    let state: USState
    let county: PlaceRecord
    let governing: [Governing]
    let policies: [PolicyRecord]
    let statePolicies: [PolicyRecord]
    let agreements: [AgreementLine]
    let campaigns: [PlaceCampaign]
    let facilities: [PlaceFacility]
    let mayRecordPolicy: Bool
    var problem: PlaceProblem?

    /// What governs now, kind by kind: the county's own policy unless a state law is more
    /// protective or requires cooperation.
    static func governing(own: [PolicyRecord], state: [PolicyRecord]) -> [Governing] {
        PolicyKind.allCases.compactMap { kind in
            let local = own.first { $0.kind == kind }, fromState = state.first { $0.kind == kind }
            guard let resolved = GoverningPolicy.resolve(kind: kind, local: local?.position, state: fromState?.position) else { return nil }
            return Governing(kind: kind, position: resolved.position, source: resolved.source == .local ? .county : .state)
        }
    }
}

/// /places/imports: the latest imports of ICE's lists, and what became of the last upload.
struct PlaceImportsPage: Sendable, Equatable, Codable {
    enum Message: Sendable, Equatable, Codable {
        case refused(AgreementListParser.Problem)
        case unreadable
        case tooLarge(ImportLimits.Exceeded)
        case alreadyImported(on: Date)
    }

    let imports: [AgreementImportRecord]
    var message: Message?
}

/// /places/imports/{id}: one import's snapshot: what it added and ended.
struct PlaceImportPage: Sendable, Equatable, Codable {
    let snapshot: AgreementImportRecord
    let added: [ChangedAgreement]
    let removed: [ChangedAgreement]
    /// What was read but not understood in optional columns, shown right after the upload.
    var warnings: [AgreementListParser.Problem]
}
