import AmparoDomain
import AmparoImport
import AmparoPersistence
import AmparoWebKit
import Fluent
import Foundation
import Vapor

/// The members' pages: importing files (with a progress view that needs no script) and placing
/// each jail in its county.
enum EvidenceAdminViews {
    private static func t(_ text: EvidenceText, _ req: Request) -> String { Text.evidence(text).in(req.language) }

    static func problems(_ record: DetainerImportModel) -> [DetainerRowProblem] {
        record.problems.flatMap { try? JSONDecoder().decode([DetainerRowProblem].self, from: Data($0.utf8)) } ?? []
    }

    static func refusalText(_ refusal: DetainerFile.Refusal, _ language: Language) -> String {
        let en: String, es: String
        switch refusal {
        case .notReadable: (en, es) = ("the file is neither an xlsx workbook nor CSV text.", "el archivo no es un libro xlsx ni texto CSV.")
        case .noHeader: (en, es) = ("no sheet has a detainer header in its first 20 rows (columns such as Detainer Prepare Date, Facility State, Detainer Criminality, Detainer Lift Reason).",
                                    "ninguna hoja tiene un encabezado de órdenes en sus primeras 20 filas (columnas como Detainer Prepare Date, Facility State, Detainer Criminality, Detainer Lift Reason).")
        case .noRows: (en, es) = ("no row could be read; see the rows left out.", "no se pudo leer ninguna fila; vea las filas omitidas.")
        case .interrupted: (en, es) = ("the import stopped before it finished (the server stopped, or the database refused it); nothing of it landed. Upload it again.",
                                       "la importación se detuvo antes de terminar (se detuvo el servidor o la base de datos la rechazó); no entró nada. Súbala de nuevo.")
        case .malformed(let sheet, let row): (en, es) = ("the sheet \(sheet) is cut or damaged near row \(row).", "la hoja \(sheet) está cortada o dañada cerca de la fila \(row).")
        case .tooLarge(let exceeded): (en, es) = ("it is refused: \(exceeded.description). Nothing of it was imported.",
                                                  "se rechaza: \(exceeded.spanish). No se importó nada de él.")
        }
        return language == .es ? es : en
    }

    static func imports(_ req: Request, problem: String?, notice: String? = nil, status: HTTPResponseStatus) async throws -> Response {
        let time = req.amparo.localTime
        let records = try await DetainerImportModel.query(on: req.db).sort(\.$startedAt, .descending).limit(50).all()
        let rows: [HTML] = records.map { record in
            """
            <tr><td data-label="\(t(.importedOn, req))"><a href="/evidence/imports/\(record.id!.uuidString)">\(time.dateTime(record.startedAt))</a></td>
            <td data-label="\(t(.file, req))">\(record.fileName)</td><td data-label="\(Text.cases(.status).in(req.language))">\(record.status)</td>
            <td data-label="\(t(.rowsInFile, req))">\(record.rowsImported)</td><td data-label="\(t(.rejected, req))">\(record.rowsRejected)</td></tr>
            """
        }
        // The token rides in the address: the file part is streamed to disk, never held to read a field.
        let body: HTML = """
        <h1>\(t(.importsTitle, req))</h1><p>\(t(.importsIntro, req))</p>
        \(problem.map { Form.errorSummary([$0], language: req.language) } ?? .empty)
        \(notice.map { HTML("<p class=\"notice\" role=\"status\">\(HTML.escape($0))</p>") } ?? .empty)
        <form method="post" action="/evidence/imports?\(CSRF.fieldName)=\(req.visitor.csrfToken)" enctype="multipart/form-data">
        <div class="field"><label for="file">\(t(.importFile, req))</label><input id="file" name="file" type="file" required accept=".xlsx,.csv,text/csv"></div>
        <button type="submit">\(t(.importButton, req))</button></form>
        <p><a href="/evidence/facilities">\(t(.crosswalkTitle, req))</a> · <a href="/evidence">\(t(.title, req))</a></p>
        \(records.isEmpty ? HTML("<p>\(t(.noImports, req))</p>") : HTML("<table class=\"cards\" id=\"imports\"><thead><tr><th scope=\"col\">\(t(.importedOn, req))</th><th scope=\"col\">\(t(.file, req))</th><th scope=\"col\">\(Text.cases(.status).in(req.language))</th><th scope=\"col\">\(t(.rowsInFile, req))</th><th scope=\"col\">\(t(.rejected, req))</th></tr></thead><tbody>\(rows)</tbody></table>"))
        """
        return htmlResponse(Layout.page(req, title: t(.importsTitle, req), body: body), status: status)
    }

    static func importDetail(_ req: Request, _ record: DetainerImportModel) -> Response {
        let status = DetainerImportModel.Status(rawValue: record.status) ?? .failed
        var state: HTML
        switch status {
        case .running:
            let percent = percentRead(record)
            // Without script, a link looks again; with it, the bar follows the import (no timed refresh).
            state = """
            <p role="status" id="import-status">\(t(.importRunning(percent, String(record.rowsRead)), req))</p>
            <progress id="import-progress" max="100" value="\(percent)">\(percent)%</progress>
            <p><a href="/evidence/imports/\(record.id!.uuidString)">\(t(.checkAgain, req))</a></p>
            """
        case .done:
            let sheets = (record.sheets.flatMap { try? JSONDecoder().decode([String: [String]].self, from: Data($0.utf8)) }) ?? [:]
            state = """
            <p class="notice" role="status" id="import-status">\(t(.importDone(imported: record.rowsImported, rejected: record.rowsRejected), req))</p>
            <p>\(t(.sheets(read: (sheets["read"] ?? []).joined(separator: ", "), skipped: (sheets["skipped"] ?? []).joined(separator: ", ")), req))</p>
            <p>\(t(.period, req)): \(record.firstMonth.map(CalendarMonth.label) ?? "—") – \(record.lastMonth.map(CalendarMonth.label) ?? "—") · <a href="/evidence">\(t(.title, req))</a> · <a href="/evidence/facilities">\(t(.crosswalkTitle, req))</a></p>
            """
        case .failed:
            let why = EvidenceRefusal.refusal(record.message).map { refusalText($0, req.language) } ?? ""
            state = Form.errorSummary([t(.importFailed(why), req)], language: req.language)
        }
        let problems = problems(record)
        let problemRows: [HTML] = problems.prefix(200).map { problem in
            """
            <tr><td data-label="\(t(.row, req))">\(problem.sheet) · \(problem.line)</td><td data-label="\(t(.column, req))">\(problem.column)</td>
            <td data-label="\(t(.value, req))">\(problem.value)</td><td data-label="\(t(.reason, req))">\(t(.problem(problem.reason), req))</td></tr>
            """
        }
        let problemTable: HTML = problems.isEmpty ? .empty : """
        <h2>\(t(.problemsTitle, req)) (\(record.rowsRejected))</h2>
        <p><a href="/evidence/imports/\(record.id!.uuidString)?format=csv">CSV</a></p>
        <table class="cards" id="problems"><thead><tr><th scope="col">\(t(.row, req))</th><th scope="col">\(t(.column, req))</th><th scope="col">\(t(.value, req))</th>
        <th scope="col">\(t(.reason, req))</th></tr></thead><tbody>\(problemRows)</tbody></table>
        """
        let body: HTML = """
        <h1>\(t(.importsTitle, req))</h1><p>\(record.fileName)</p>
        \(state)
        \(problemTable)
        <p><a href="/evidence/imports">\(t(.importsTitle, req))</a></p>
        """
        return htmlResponse(Layout.page(req, title: t(.importsTitle, req), body: body, script: status == .running ? "/static/import-progress.js" : nil),
                            status: status == .failed ? .unprocessableEntity : .ok)
    }

    /// How much of the file a running import has read; 99 at most until its counts have landed.
    private static func percentRead(_ record: DetainerImportModel) -> Int {
        record.bytesTotal > 0 ? Int(min(99, record.bytesRead * 100 / record.bytesTotal)) : 0
    }

    /// The import's progress for the page's script.
    static func progress(_ req: Request, _ record: DetainerImportModel) throws -> Response {
        struct Progress: Encodable { let status: String; let percent: Int; let rows: Int; let message: String }
        let percent = percentRead(record)
        let response = Response(status: .ok)
        try response.content.encode(Progress(status: record.status, percent: percent, rows: record.rowsRead,
                                             message: t(.importRunning(percent, String(record.rowsRead)), req)), as: .json)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func crosswalk(_ req: Request, state: USState?, problem: String?) async throws -> Response {
        var query = DetainerFacilityModel.query(on: req.db).sort(\.$stateCode).sort(\.$name)
        if let state { query = query.filter(\.$stateCode == state.code) }
        let facilities = try await query.limit(500).all()
        let counties = try await JurisdictionModel.query(on: req.db).filter(\.$kind == "county").filter(\.$stateCode ~~ Set(facilities.map(\.stateCode))).sort(\.$name).all()
        let byState = Dictionary(grouping: counties, by: \.stateCode)
        let forms: [HTML] = facilities.map { facility in
            let selected = facility.jurisdictionID ?? facility.proposedJurisdictionID
            let options = (byState[facility.stateCode] ?? []).map { (value: $0.id!.uuidString, label: $0.name) }
                + [(value: "none", label: t(.notCountyChoice, req))]
            let id = facility.id!.uuidString
            return """
            <li id="f-\(id)"><strong>\(facility.name)</strong> (\(facility.code)) · \(facility.city), \(facility.stateCode) · \(t(.match(facility.matchStatus), req))
            <form method="post" action="/evidence/facilities/\(id)">\(Layout.csrfField(req.visitor))
            \(Form.select("county", label: t(.chooseCounty, req), options: options,
                          selected: facility.matchStatus == DetainerFacilityModel.Match.notCounty.rawValue ? "none" : selected?.uuidString, id: "county-\(id)"))
            <button type="submit" class="secondary">\(t(.confirm, req))</button></form></li>
            """
        }
        let states: [HTML] = Set(try await DetainerFacilityModel.query(on: req.db).field(\.$stateCode).unique().all().map(\.stateCode)).sorted().map {
            "<a href=\"/evidence/facilities?state=\($0.lowercased())\">\($0)</a>"
        }
        let body: HTML = """
        <h1>\(t(.crosswalkTitle, req))</h1><p>\(t(.crosswalkIntro, req))</p>
        \(problem.map { Form.errorSummary([$0], language: req.language) } ?? .empty)
        <p>\(states.isEmpty ? HTML("—") : HTML(unsafeRaw: states.map(\.rendered).joined(separator: " · ")))</p>
        <ul class="crosswalk">\(forms)</ul>
        """
        return htmlResponse(Layout.page(req, title: t(.crosswalkTitle, req), body: body), status: problem == nil ? .ok : .unprocessableEntity)
    }
}
