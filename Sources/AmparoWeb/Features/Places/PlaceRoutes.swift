import AmparoDomain
import AmparoPersistence
import Fluent
import Vapor

/// Public pages (no sign-in) for every state and county: 287(g) agreements from ICE's lists,
/// policies with their history and sources, facilities; CSV and JSON of each. Organizers and
/// analysts import ICE's lists and record policies.
struct PlaceRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let places = routes.grouped("places")
        places.get(use: states).policy(.open)
        places.get("map", use: { try await PlaceMap.page($0) }).policy(.open)
        places.get("imports", use: imports).policy(.member(.managePlaces))
        places.on(.POST, "imports", body: .collect(maxSize: "20mb"), use: upload).policy(.member(.managePlaces))
        places.get("imports", ":importID", use: importDetail).policy(.member(.managePlaces))
        places.get(":state", use: state).policy(.open)
        places.post(":state", "policies", use: recordPolicy).policy(.member(.managePlaces))
        places.get(":state", ":county", use: county).policy(.open)
        places.post(":state", ":county", "policies", use: recordPolicy).policy(.member(.managePlaces))
    }

    func states(req: Request) async throws -> Response {
        let counts = try await PlaceQueries.countsByState(on: req.db)
        switch Downloads.format(req) {
        case .csv:
            let rows = USState.all.map { state in [state.code, state.fips, state.name] + AgreementModel.allCases.map { String(counts[state.code]?[$0] ?? 0) } }
            return Downloads.csv(["state", "fips", "name"] + AgreementModel.allCases.map(\.rawValue), rows, name: "287g-by-state")
        case .json:
            struct Line: Content { let state, fips, name: String; let agreements: [String: Int] }
            return try Downloads.json(USState.all.map { state in
                Line(state: state.code, fips: state.fips, name: state.name,
                     agreements: Dictionary(uniqueKeysWithValues: AgreementModel.allCases.map { ($0.rawValue, counts[state.code]?[$0] ?? 0) }))
            }, name: "287g-by-state")
        case .html:
            return PlaceViews.states(req, counts: counts)
        }
    }

    func state(req: Request) async throws -> Response {
        let (state, place) = try await Self.state(req)
        let agreements = try await PlaceQueries.agreements(state: state.code, on: req.db)
        if let download = try Self.download(req, agreements, name: "287g-\(state.code.lowercased())") { return download }
        let counties = try await JurisdictionModel.query(on: req.db).filter(\.$kind == "county").filter(\.$stateCode == state.code).sort(\.$name).all()
        return try await PlaceViews.state(req, state: state, place: place, agreements: agreements, counties: counties)
    }

    func county(req: Request) async throws -> Response {
        let (state, statePlace) = try await Self.state(req)
        let slug = (req.parameters.get("county") ?? "").lowercased()
        let counties = try await JurisdictionModel.query(on: req.db).filter(\.$kind == "county").filter(\.$stateCode == state.code).all()
        guard let county = counties.first(where: { $0.slug == slug }) else { throw UserFacingError(status: .notFound, text: .places(.noAgreements)) }
        let agreements = try await PlaceQueries.agreements(state: state.code, county: county, includeEnded: true, on: req.db)
        if let download = try Self.download(req, agreements, name: "287g-\(state.code.lowercased())-\(county.slug)") { return download }
        return try await PlaceViews.county(req, state: state, statePlace: statePlace, county: county, agreements: agreements)
    }

    /// Records a policy for the state or county in the path. The document link is required: every
    /// policy on a public page has its source.
    func recordPolicy(req: Request) async throws -> Response {
        let (state, statePlace) = try await Self.state(req)
        var place = statePlace
        if let slug = req.parameters.get("county")?.lowercased() {
            guard let county = try await JurisdictionModel.query(on: req.db).filter(\.$kind == "county").filter(\.$stateCode == state.code).all()
                .first(where: { $0.slug == slug }) else { throw UserFacingError(status: .notFound, text: .places(.noAgreements)) }
            place = county
        }
        let fields = (req.formFields ?? [:]).compactMapValues(\.first)
        guard let policy = PolicyForm.policy(fields, place: place, req: req) else {
            return try await PlaceViews.page(req, place: place, state: state, statePlace: statePlace, problem: .places(.errorPolicy))
        }
        try await policy.create(on: req.db)
        try await req.audit("places.policy", recordType: "jurisdiction", recordID: place.id!.uuidString)
        return req.redirect(to: PlaceViews.path(place))
    }

    func imports(req: Request) async throws -> Response {
        try await PlaceViews.imports(req, outcome: nil, status: .ok)
    }

    func upload(req: Request) async throws -> Response {
        struct Upload: Content { var file: File?; var list: String? }
        guard let upload = try? req.content.decode(Upload.self), let file = upload.file, file.data.readableBytes > 0,
              let list = upload.list.flatMap(AgreementList.init(rawValue:)) else {
            return try await PlaceViews.imports(req, outcome: .unreadable, status: .unprocessableEntity)
        }
        let importer = AgreementImporter(services: req.amparo, db: req.db)
        let outcome = try await importer.run(data: Data(buffer: file.data), fileName: file.filename, list: list, actor: req.visitor.user!.id!.uuidString)
        switch outcome {
        case .imported(let snapshot, _): return try await PlaceViews.importResult(req, snapshot: snapshot, outcome: outcome)
        case .alreadyImported: return try await PlaceViews.imports(req, outcome: outcome, status: .ok)
        case .refused, .unreadable: return try await PlaceViews.imports(req, outcome: outcome, status: .unprocessableEntity)
        }
    }

    func importDetail(req: Request) async throws -> Response {
        let snapshot = try await req.record(AgreementImportModel.self, "importID", missing: .places(.noImports))
        return try await PlaceViews.importResult(req, snapshot: snapshot, outcome: nil)
    }

    static func state(_ req: Request) async throws -> (USState, JurisdictionModel) {
        guard let state = req.parameters.get("state").flatMap(USState.find),
              let place = try await JurisdictionModel.query(on: req.db).filter(\.$kind == "state").filter(\.$stateCode == state.code).first() else {
            throw UserFacingError(status: .notFound, text: .places(.noAgreements))
        }
        return (state, place)
    }

    static func download(_ req: Request, _ agreements: [PlaceQueries.AgreementLine], name: String) throws -> Response? {
        switch Downloads.format(req) {
        case .html: return nil
        case .json: return try Downloads.json(agreements, name: name)
        case .csv:
            return Downloads.csv(["state", "agency", "agency_kind", "county", "model", "list", "status", "signed_on", "moa_link"], agreements.map {
                [$0.state, $0.agency, $0.agencyKind ?? "", $0.county ?? "", $0.model, $0.list, $0.status, $0.signedOn ?? "", $0.moaLink ?? ""]
            }, name: name)
        }
    }
}

/// A policy as the forms give it: kind, a position of that kind, instrument, the day it took
/// effect, the document that says so (required: every public policy has its source), criteria.
enum PolicyForm {
    static func policy(_ fields: [String: String], place: JurisdictionModel, req: Request) -> PolicyModel? {
        guard let kind = fields["kind"].flatMap(PolicyKind.init(rawValue:)),
              let position = fields["position"].flatMap(PolicyPosition.init(rawValue:)), kind.positions.contains(position),
              let instrument = fields["instrument"].flatMap(PolicyInstrument.init(rawValue:)),
              let effective = fields["effectiveOn"].flatMap(Day.init)?.description,
              let document = fields["document"]?.trimmingCharacters(in: .whitespaces), document.hasPrefix("https://"), document.count <= 500,
              !document.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" }),
              let criteria = try? Optional(CaseFormText.field(fields, "criteria", limit: 2000)) else { return nil }
        let policy = PolicyModel(jurisdictionID: place.id!, kind: kind.rawValue, position: position.rawValue, instrument: instrument.rawValue,
                                 effectiveOn: effective, recordedBy: req.visitor.user!.id!, recordedAt: req.amparo.clock.now())
        policy.criteria = criteria
        policy.documentURL = document
        return policy
    }
}
