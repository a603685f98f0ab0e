import AmparoDomain
import AmparoPersistence
import AmparoWebKit
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
        let page = PlaceStatesPage(counts: try await PlacesStore(req.db).countsByState())
        switch Downloads.format(req) {
        case .csv:
            let rows = page.states.map { line in [line.state.code, line.state.fips, line.state.name] + AgreementModel.allCases.map { String(line.agreements[$0]) } }
            return Downloads.csv(["state", "fips", "name"] + AgreementModel.allCases.map(\.rawValue), rows, name: "287g-by-state")
        case .json:
            struct Line: Content { let state, fips, name: String; let agreements: AgreementCounts }
            return try Downloads.json(page.states.map { Line(state: $0.state.code, fips: $0.state.fips, name: $0.state.name, agreements: $0.agreements) },
                                      name: "287g-by-state")
        case .html:
            return htmlResponse(PlaceRenderer.render(page, req.chrome), status: .ok)
        }
    }

    func state(req: Request) async throws -> Response {
        let page = try await Self.statePage(req)
        if let download = try Self.download(req, page.agreements, name: "287g-\(page.state.code.lowercased())") { return download }
        return htmlResponse(PlaceRenderer.render(page, req.chrome), status: .ok)
    }

    func county(req: Request) async throws -> Response {
        let page = try await Self.countyPage(req)
        if let download = try Self.download(req, page.agreements, name: "287g-\(page.state.code.lowercased())-\(page.county.slug)") { return download }
        return htmlResponse(PlaceRenderer.render(page, req.chrome), status: .ok)
    }

    /// Records a policy for the state or county in the path. The document link is required: every
    /// policy on a public page has its source.
    func recordPolicy(req: Request) async throws -> Response {
        let isCounty = req.parameters.get("county") != nil
        let (state, statePlace) = try await Self.state(req)
        let place = isCounty ? try await Self.county(req, in: state) : statePlace
        let fields = req.formValues
        guard let policy = PolicyForm.policy(fields) else {
            let chrome = req.chrome
            if isCounty {
                var page = try await Self.countyPage(req)
                page.problem = .policyRefused
                return htmlResponse(PlaceRenderer.render(page, chrome), status: .unprocessableEntity)
            }
            var page = try await Self.statePage(req)
            page.problem = .policyRefused
            return htmlResponse(PlaceRenderer.render(page, chrome), status: .unprocessableEntity)
        }
        try await PlacesStore(req.db).record(NewPolicy(place: place.id, policy: policy, recordedBy: UserID(try req.visitor.user!.requireID()),
                                                       recordedAt: req.amparo.clock.now()))
        try await req.audit("places.policy", recordType: "jurisdiction", recordID: place.id.rawValue.uuidString)
        return req.redirect(to: (isCounty ? SiteURL.county(place.stateCode, place.slug) : SiteURL.state(place.stateCode)).path)
    }

    func imports(req: Request) async throws -> Response {
        htmlResponse(PlaceRenderer.render(try await Self.importsPage(req, message: nil), req.chrome), status: .ok)
    }

    func upload(req: Request) async throws -> Response {
        struct Upload: Content { var file: File?; var list: String? }
        guard let upload = try? req.content.decode(Upload.self), let file = upload.file, file.data.readableBytes > 0,
              let list = upload.list.flatMap(AgreementList.init(rawValue:)) else {
            return htmlResponse(PlaceRenderer.render(try await Self.importsPage(req, message: .unreadable), req.chrome), status: .unprocessableEntity)
        }
        let importer = AgreementImporter(services: req.amparo, db: req.db)
        let outcome = try await importer.run(data: Data(buffer: file.data), fileName: file.filename, list: list, actor: req.visitor.user!.requireID().uuidString)
        let message: PlaceImportsPage.Message
        switch outcome {
        case .imported(let snapshot, let warnings):
            return htmlResponse(PlaceRenderer.render(try await Self.importPage(req, AgreementImportRecord(snapshot), warnings: warnings), req.chrome), status: .ok)
        case .alreadyImported(let earlier):
            return htmlResponse(PlaceRenderer.render(try await Self.importsPage(req, message: .alreadyImported(on: earlier.importedAt)), req.chrome), status: .ok)
        case .refused(let problem): message = .refused(problem)
        case .unreadable: message = .unreadable
        case .tooLarge(let exceeded): message = .tooLarge(exceeded)
        }
        return htmlResponse(PlaceRenderer.render(try await Self.importsPage(req, message: message), req.chrome), status: .unprocessableEntity)
    }

    func importDetail(req: Request) async throws -> Response {
        htmlResponse(PlaceRenderer.render(try await Self.importPage(req, Self.snapshot(req), warnings: []), req.chrome), status: .ok)
    }

    // MARK: Pages from the store (the HTML routes and the API build them alike)

    /// The state named in the path (404 otherwise).
    static func state(_ req: Request) async throws -> (USState, PlaceRecord) {
        guard let state = req.parameters.get("state").flatMap(USState.find), let place = try await PlacesStore(req.db).state(state.code) else {
            throw UserFacingError(status: .notFound, text: .places(.noAgreements))
        }
        return (state, place)
    }

    /// The county named in the path (404 otherwise).
    static func county(_ req: Request, in state: USState) async throws -> PlaceRecord {
        guard let county = try await PlacesStore(req.db).county(state: state.code, slug: (req.parameters.get("county") ?? "").lowercased()) else {
            throw UserFacingError(status: .notFound, text: .places(.noAgreements))
        }
        return county
    }

    static func mayRecordPolicy(_ req: Request) -> Bool {
        req.visitor.isSignedIn && req.visitor.roles?.can(.managePlaces) == true
    }

    static func statePage(_ req: Request) async throws -> PlaceStatePage {
        let (state, place) = try await state(req)
        let store = PlacesStore(req.db)
        return PlaceStatePage(
            state: state, place: place, policies: try await store.policies(of: place.id), agreements: try await store.agreements(state: state.code),
            counties: try await store.counties(of: state.code).map { PlaceStatePage.County(name: $0.name, slug: $0.slug, fips: $0.fips) },
            mayRecordPolicy: mayRecordPolicy(req), problem: nil)
    }

    static func countyPage(_ req: Request) async throws -> PlaceCountyPage {
        let (state, statePlace) = try await state(req)
        let county = try await county(req, in: state), store = PlacesStore(req.db)
        let own = try await store.policies(of: county.id), stateLaws = try await store.policies(of: statePlace.id)
        return PlaceCountyPage(
            state: state, county: county, governing: PlaceCountyPage.governing(own: own, state: stateLaws), policies: own, statePolicies: stateLaws,
            agreements: try await store.agreements(state: state.code, county: county.id, includeEnded: true),
            campaigns: try await store.campaigns(about: county.id), facilities: try await store.facilities(in: county),
            mayRecordPolicy: mayRecordPolicy(req), problem: nil)
    }

    static func importsPage(_ req: Request, message: PlaceImportsPage.Message?) async throws -> PlaceImportsPage {
        PlaceImportsPage(imports: try await PlacesStore(req.db).imports(), message: message)
    }

    /// The import named in the path (404 otherwise).
    static func snapshot(_ req: Request) async throws -> AgreementImportRecord {
        guard let id = req.parameters.get("importID").flatMap(AgreementImportID.init(string:)),
              let snapshot = try await PlacesStore(req.db).agreementImport(id) else {
            throw UserFacingError(status: .notFound, text: .places(.noImports))
        }
        return snapshot
    }

    static func importPage(_ req: Request, _ snapshot: AgreementImportRecord, warnings: [AgreementListParser.Problem]) async throws -> PlaceImportPage {
        let changes = try await PlacesStore(req.db).changes(of: snapshot.id)
        return PlaceImportPage(snapshot: snapshot, added: changes.added, removed: changes.removed, warnings: warnings)
    }

    static func download(_ req: Request, _ agreements: [AgreementLine], name: String) throws -> Response? {
        switch Downloads.format(req) {
        case .html: return nil
        case .json: return try Downloads.json(agreements, name: name)
        case .csv:
            return Downloads.csv(["state", "agency", "agency_kind", "county", "model", "list", "status", "signed_on", "moa_link"], agreements.map {
                [$0.state, $0.agency, $0.agencyKind?.rawValue ?? "", $0.county ?? "", $0.model.rawValue, $0.list.rawValue, $0.status.rawValue,
                 $0.signedOn ?? "", $0.moaLink ?? ""]
            }, name: name)
        }
    }
}
