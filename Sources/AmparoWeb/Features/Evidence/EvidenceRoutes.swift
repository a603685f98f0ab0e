import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import MultipartKit
import NIOConcurrencyHelpers
import Vapor

/// Public pages of figures from ICE's detainer records (nation, state, county, facility, a
/// county's printable fact sheet, each as CSV and JSON); organizers and analysts import the files
/// and confirm which county each jail is in.
struct EvidenceRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let evidence = routes.grouped("evidence")
        evidence.get(use: nation).policy(.open)
        evidence.get("imports", use: imports).policy(.member(.managePlaces))
        evidence.on(.POST, "imports", body: .stream, use: upload).policy(.member(.managePlaces))
        evidence.get("imports", ":importID", use: importDetail).policy(.member(.managePlaces))
        evidence.get("facilities", use: crosswalk).policy(.member(.managePlaces))
        evidence.post("facilities", ":facilityID", use: placeFacility).policy(.member(.managePlaces))
        evidence.get("facility", ":facilityID", use: facility).policy(.open)
        evidence.get(":state", use: state).policy(.open)
        evidence.get(":state", ":county", use: county).policy(.open)
        evidence.get(":state", ":county", "fact-sheet", use: factSheet).policy(.open)
    }

    private func t(_ text: EvidenceText, _ req: Request) -> String { Text.evidence(text).in(req.language) }

    static func report(_ req: Request, name: String, scope: EvidenceScope, state: String?) async throws -> (EvidenceReport, Bool) {
        // A period that is not one shows all months, and the page says why (400).
        let period = EvidencePeriod.parse(from: req.query[String.self, at: "from"], to: req.query[String.self, at: "to"])
        return (try await EvidenceReport.load(name: name, scope: scope, period: period ?? .all, state: state, on: req.db), period == nil)
    }

    private func download(_ req: Request, _ report: EvidenceReport, name: String) throws -> Response? {
        switch Downloads.format(req) {
        case .html: return nil
        case .csv:
            return Downloads.csv(["measure", "key", "label", "count", "share"], report.lines(req.language).map {
                [$0.measure, $0.key, $0.label, EvidenceFormat.plainCount($0.count), (1...4).contains($0.count) ? "" : $0.share]
            }, name: name)
        case .json:
            let response = Response(status: .ok, body: .init(data: try EvidenceResource.encoder.encode(EvidenceResource(report))))
            response.headers.contentType = .json
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).json\"")
            return response
        }
    }

    func nation(req: Request) async throws -> Response {
        let (report, bad) = try await Self.report(req, name: t(.nation, req), scope: .nation, state: nil)
        if let file = try download(req, report, name: "detainers-us") { return file }
        let byState = try await EvidenceQueries.byState(report.period, on: req.db)
        let rows: [HTML] = USState.all.compactMap { state in
            guard let counts = byState[state.code] else { return nil }
            return """
            <tr><td data-label="\(t(.stateLabel, req))"><a href="/evidence/\(state.code.lowercased())">\(state.name)</a></td>
            <td data-label="\(t(.lodged, req))">\(EvidenceFormat.count(counts.lodged))</td>
            <td data-label="\(t(.withoutConviction, req))">\(EvidenceFormat.share(counts.lodged - counts.convicted, of: counts.lodged))</td></tr>
            """
        }
        let states: HTML = rows.isEmpty ? .empty : """
        <table class="cards" id="states"><caption>\(t(.stateLabel, req))</caption><thead><tr><th scope="col">\(t(.stateLabel, req))</th>
        <th scope="col">\(t(.lodged, req))</th><th scope="col">\(t(.withoutConviction, req))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
        return EvidenceViews.place(req, title: t(.title, req), path: "/evidence", report: report, after: states, badPeriod: bad)
    }

    func state(req: Request) async throws -> Response {
        guard let state = req.parameters.get("state").flatMap(USState.find) else { throw UserFacingError(status: .notFound, text: .evidence(.noData)) }
        let (report, bad) = try await Self.report(req, name: state.name, scope: .state(state.code), state: nil)
        if let file = try download(req, report, name: "detainers-\(state.code.lowercased())") { return file }
        let facilities = try await EvidenceQueries.facilities(state: state.code, report.period, on: req.db)
        let counties = try await JurisdictionModel.query(on: req.db).filter(\.$kind == "county").filter(\.$stateCode == state.code).all()
        let byID = Dictionary(uniqueKeysWithValues: counties.map { ($0.id!, $0) })
        let rows: [HTML] = facilities.filter { $0.lodged > 0 }.map { line in
            let county: HTML = line.jurisdiction_id.flatMap { byID[$0] }.map {
                HTML("<a href=\"/evidence/\(state.code.lowercased())/\($0.slug)\">\(HTML.escape($0.name))</a>")
            } ?? HTML(unsafeRaw: HTML.escape(t(.match(line.match_status), req)))
            return """
            <tr><td data-label="\(t(.facility, req))"><a href="/evidence/facility/\(line.id.uuidString)">\(line.name)</a></td>
            <td data-label="\(t(.city, req))">\(line.city)</td><td data-label="\(t(.county, req))">\(county)</td>
            <td data-label="\(t(.lodged, req))">\(EvidenceFormat.count(line.lodged))</td>
            <td data-label="\(t(.withoutConviction, req))">\(EvidenceFormat.share(line.lodged - line.convicted, of: line.lodged))</td></tr>
            """
        }
        let awaiting = facilities.filter { $0.match_status != DetainerFacilityModel.Match.confirmed.rawValue && $0.match_status != DetainerFacilityModel.Match.notCounty.rawValue }.count
        let after: HTML = """
        \(awaiting > 0 ? HTML("<p class=\"hint\">\(t(.awaiting(awaiting), req))</p>") : .empty)
        <table class="cards" id="facilities"><caption>\(t(.facilities, req))</caption><thead><tr><th scope="col">\(t(.facility, req))</th><th scope="col">\(t(.city, req))</th>
        <th scope="col">\(t(.county, req))</th><th scope="col">\(t(.lodged, req))</th><th scope="col">\(t(.withoutConviction, req))</th></tr></thead><tbody>\(rows)</tbody></table>
        """
        return EvidenceViews.place(req, title: state.name, path: SiteURL.evidenceState(state.code).path, report: report,
                                   before: "<p><a href=\"\(SiteURL.state(state.code).path)\">\(Text.places(.policies).in(req.language))</a></p>",
                                   after: after, badPeriod: bad)
    }

    static func countyPlace(_ req: Request) async throws -> (USState, JurisdictionModel) {
        guard let state = req.parameters.get("state").flatMap(USState.find) else { throw UserFacingError(status: .notFound, text: .evidence(.noCounty)) }
        let slug = (req.parameters.get("county") ?? "").lowercased()
        guard let county = try await JurisdictionModel.query(on: req.db).filter(\.$kind == "county").filter(\.$stateCode == state.code).all()
            .first(where: { $0.slug == slug }) else { throw UserFacingError(status: .notFound, text: .evidence(.noCounty)) }
        return (state, county)
    }

    func county(req: Request) async throws -> Response {
        let (state, county) = try await Self.countyPlace(req)
        let name = "\(county.name), \(state.name)"
        let (report, bad) = try await Self.report(req, name: name, scope: .county(county.id!), state: state.code)
        if let file = try download(req, report, name: "detainers-\(state.code.lowercased())-\(county.slug)") { return file }
        let facilities = try await DetainerFacilityModel.query(on: req.db).filter(\.$jurisdictionID == county.id!)
            .filter(\.$matchStatus == DetainerFacilityModel.Match.confirmed.rawValue).sort(\.$name).all()
        return EvidenceViews.place(req, title: name, path: "/evidence/\(state.code.lowercased())/\(county.slug)", report: report,
                                   before: "<p><a href=\"/places/\(state.code.lowercased())/\(county.slug)\">\(Text.places(.policies).in(req.language))</a></p>",
                                   facilities: facilities.map { "\($0.name) (\($0.code))" }, factSheet: true, badPeriod: bad)
    }

    func factSheet(req: Request) async throws -> Response {
        let (state, county) = try await Self.countyPlace(req)
        let (report, _) = try await Self.report(req, name: "\(county.name), \(state.name)", scope: .county(county.id!), state: state.code)
        return EvidenceViews.factSheet(req, report: report, path: "/evidence/\(state.code.lowercased())/\(county.slug)")
    }

    func facility(req: Request) async throws -> Response {
        let facility = try await req.record(DetainerFacilityModel.self, "facilityID", missing: .evidence(.noData))
        let name = "\(facility.name), \(facility.city) \(facility.stateCode)"
        let (report, bad) = try await Self.report(req, name: name, scope: .facility(facility.id!), state: facility.stateCode)
        if let file = try download(req, report, name: "detainers-facility-\(facility.id!.uuidString.prefix(8))") { return file }
        return EvidenceViews.place(req, title: name, path: "/evidence/facility/\(facility.id!.uuidString)", report: report, badPeriod: bad)
    }

    // MARK: Imports

    /// The largest upload: the biggest releases are a few hundred megabytes.
    static let uploadLimit: Int64 = 2 << 30

    func imports(req: Request) async throws -> Response {
        try await EvidenceAdminViews.imports(req, problem: nil, status: .ok)
    }

    /// Streams the upload to a file (a release is 100 MB and more), then imports it in the
    /// background; the import's page shows its progress.
    func upload(req: Request) async throws -> Response {
        guard let boundary = req.headers.contentType?.parameters["boundary"] else {
            return try await EvidenceAdminViews.imports(req, problem: t(.importFailed(t(.importFile, req)), req), status: .unprocessableEntity)
        }
        let folder = DetainerImporter.uploads(req.amparo.config)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(UUID().uuidString)
        let received: MultipartFileReceiver.Received
        do {
            received = try await MultipartFileReceiver.receive(req, boundary: boundary, field: "file", to: path, limit: Self.uploadLimit)
        } catch {
            try? FileManager.default.removeItem(at: path)
            if error is MultipartFileReceiver.TooLarge { throw UserFacingError(status: .payloadTooLarge, text: .evidence(.tooLarge)) }
            return try await EvidenceAdminViews.imports(req, problem: t(.importFailed(t(.importFile, req)), req), status: .unprocessableEntity)
        }
        guard received.bytes > 0 else {
            try? FileManager.default.removeItem(at: path)
            return try await EvidenceAdminViews.imports(req, problem: t(.importFailed(t(.importFile, req)), req), status: .unprocessableEntity)
        }
        let importer = DetainerImporter(services: req.amparo, db: req.db)
        switch try await importer.start(url: path, fileName: received.fileName ?? "upload", actor: req.visitor.user!.id!.uuidString) {
        case .alreadyImported(let earlier):
            try? FileManager.default.removeItem(at: path)
            let when = req.amparo.localTime.dateTime(earlier.finishedAt ?? earlier.startedAt)
            return try await EvidenceAdminViews.imports(req, problem: nil, notice: t(.alreadyImported(when), req), status: .ok)
        case .started(let record):
            let app = req.application, services = req.amparo
            let progress = NIOLockedValueBox<DetainerFile.Progress?>(nil)
            Task.detached {
                let db = app.db
                let writer = Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(nanoseconds: 1_000_000_000)
                        guard let now = progress.withLockedValue({ $0 }) else { continue }
                        try? await DetainerImportModel.query(on: db).filter(\.$id == record.id!).filter(\.$status == DetainerImportModel.Status.running.rawValue)
                            .set(\.$bytesRead, to: now.bytesRead).set(\.$rowsRead, to: now.rows).update()
                    }
                }
                let importer = DetainerImporter(services: services, db: db)
                do {
                    _ = try await importer.complete(record, url: path, progress: { value in progress.withLockedValue { $0 = value } }) { work in
                        try await app.threadPool.runIfActive(work)
                    }
                } catch {
                    // The transaction rolled back: say so on the import's page rather than leave it "running".
                    app.logger.error("evidence import failed: \(String(describing: type(of: error)))")
                    try? await DetainerImportModel.query(on: db).filter(\.$id == record.id!)
                        .set(\.$status, to: DetainerImportModel.Status.failed.rawValue).set(\.$message, to: EvidenceRefusal.code(.interrupted)).update()
                }
                writer.cancel()
                try? FileManager.default.removeItem(at: path)
            }
            return req.redirect(to: "/evidence/imports/\(record.id!.uuidString)")
        }
    }

    func importDetail(req: Request) async throws -> Response {
        let record = try await req.record(DetainerImportModel.self, "importID", missing: .evidence(.noImports))
        if Downloads.format(req) == .json { return try EvidenceAdminViews.progress(req, record) }
        if Downloads.format(req) == .csv {
            return Downloads.csv(["sheet", "row", "column", "value", "why"], EvidenceAdminViews.problems(record).map {
                [$0.sheet, String($0.line), $0.column, $0.value, Text.evidence(.problem($0.reason)).in(req.language)]
            }, name: "import-problems")
        }
        return EvidenceAdminViews.importDetail(req, record)
    }

    // MARK: Crosswalk

    func crosswalk(req: Request) async throws -> Response {
        try await EvidenceAdminViews.crosswalk(req, state: req.query[String.self, at: "state"].flatMap(USState.find), problem: nil)
    }

    /// Confirms a facility's county (the one proposed or another of its state), or says it is in none.
    func placeFacility(req: Request) async throws -> Response {
        let facility = try await req.record(DetainerFacilityModel.self, "facilityID", missing: .evidence(.noData))
        let choice = req.formFields?["county"]?.first ?? ""
        let state = USState.find(facility.stateCode)
        if choice == "none" {
            facility.matchStatus = DetainerFacilityModel.Match.notCounty.rawValue
            facility.jurisdictionID = nil
        } else {
            guard let id = UUID(uuidString: choice), let county = try await JurisdictionModel.find(id, on: req.db),
                  county.kind == "county", county.stateCode == facility.stateCode else {
                return try await EvidenceAdminViews.crosswalk(req, state: state, problem: t(.unknownFacility, req))
            }
            facility.matchStatus = DetainerFacilityModel.Match.confirmed.rawValue
            facility.jurisdictionID = county.id
        }
        facility.decidedBy = req.visitor.user!.id!.uuidString
        facility.decidedAt = req.amparo.clock.now()
        try await facility.save(on: req.db)
        try await req.audit("evidence.facility", recordType: "detainer_facility", recordID: facility.id!.uuidString)
        return req.redirect(to: "/evidence/facilities?state=\(facility.stateCode.lowercased())#f-\(facility.id!.uuidString)")
    }
}

/// A multipart upload's one file part, streamed to disk as it arrives.
enum MultipartFileReceiver {
    struct Received { var bytes: Int64; var fileName: String? }
    struct TooLarge: Error {}

    static func receive(_ req: Request, boundary: String, field: String, to path: URL, limit: Int64) async throws -> Received {
        FileManager.default.createFile(atPath: path.path, contents: nil)
        let handle = try FileHandle(forWritingTo: path)
        defer { try? handle.close() }
        let parser = MultipartParser(boundary: boundary)
        var headers: [String: String] = [:]
        var received = Received(bytes: 0, fileName: nil)
        var writeError: (any Error)?
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in
            guard let disposition = headers["content-disposition"], disposition.contains("name=\"\(field)\"") else { return }
            if received.fileName == nil, let range = disposition.range(of: "filename=\"") {
                received.fileName = String(disposition[range.upperBound...].prefix { $0 != "\"" })
            }
            let bytes = buffer.readableBytesView
            received.bytes += Int64(bytes.count)
            do { try handle.write(contentsOf: bytes) } catch { writeError = error }
        }
        parser.onPartComplete = { headers = [:] }
        for try await chunk in req.body {
            try parser.execute(chunk)
            if let writeError { throw writeError }
            if received.bytes > limit { throw TooLarge() }
        }
        return received
    }
}
