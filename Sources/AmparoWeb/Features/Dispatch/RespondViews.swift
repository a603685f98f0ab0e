import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// The responder's pages: small, readable on a phone in the street, usable without JavaScript.
enum RespondViews {
    static func request(_ req: Request, _ context: RespondRoutes.Context) async throws -> Response {
        let l = req.language
        func t(_ text: DispatchText) -> String { Text.dispatch(text).in(l) }
        func h(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        let report = context.report, sealer = req.amparo.sealer
        let note = context.dispatch.noteSealed.flatMap {
            try? sealer.open($0, context: SealedColumn.dispatchNote.context(rowID: context.dispatch.id!))
        }
        let csrf = Layout.csrfField(req.visitor)
        let body: HTML = """
        <h1>\(t(.requestTitle)) \(report.reference)</h1>
        <p>\(t(.requestIntro))</p>
        <dl>
        <dt>\(h(.place))</dt><dd id="place">\(ReportRecords.open(report.placeSealed, .reportPlace, report: report, sealer: sealer) ?? "—")</dd>
        <dt>\(h(.pin))</dt><dd>\(ReportRecords.open(report.pinSealed, .reportPin, report: report, sealer: sealer) ?? "—")</dd>
        <dt>\(h(.occurred))</dt><dd>\(req.amparo.localTime.dateTime(report.occurredAt))</dd>
        <dt>\(h(.description))</dt><dd>\(ReportRecords.open(report.whatSealed, .reportWhat, report: report, sealer: sealer) ?? "—")</dd>
        \(note.map { HTML("<dt>\(t(.noteLabel))</dt><dd>\($0)</dd>") })
        </dl>
        <form method="post" action="\(context.path)/accept">\(csrf)<button type="submit" id="accept">\(t(.accept))</button></form>
        <form method="post" action="\(context.path)/decline">\(csrf)<button type="submit" class="secondary">\(t(.decline))</button></form>
        """
        return htmlResponse(Layout.page(req, title: t(.requestTitle), body: body), status: .ok)
    }

    static func message(_ req: Request, _ text: DispatchText, status: HTTPResponseStatus) -> Response {
        let l = req.language
        let body: HTML = "<h1>\(Text.dispatch(.requestTitle).in(l))</h1><p role=\"status\">\(Text.dispatch(text).in(l))</p>"
        return htmlResponse(Layout.page(req, title: Text.dispatch(.requestTitle).in(l), body: body), status: status)
    }

    /// The SALUTE form. `values` refills it after a refused submission, keeping its submission key.
    static func form(
        _ req: Request, _ context: RespondRoutes.Context, values: [String: String], problems: [FieldReport.Field: FieldReport.Problem],
        notice: DispatchText?, status: HTTPResponseStatus
    ) async throws -> Response {
        let l = req.language
        func t(_ text: DispatchText) -> String { Text.dispatch(text).in(l) }
        func error(_ field: FieldReport.Field) -> String? { problems[field].map { t(.problem(field, $0)) } }
        func hint(_ field: FieldReport.Field) -> String? { let text = t(.hint(field)); return text.isEmpty ? nil : text }
        func line(_ field: FieldReport.Field) -> HTML {
            Form.field(field.rawValue, label: t(.label(field)), value: values[field.rawValue] ?? "", hint: hint(field), error: error(field),
                       required: false, extra: HTML(" maxlength=\"\(FieldReport.limit(field))\""))
        }
        func area(_ field: FieldReport.Field) -> HTML {
            Form.textarea(field.rawValue, label: t(.label(field)), value: values[field.rawValue] ?? "", hint: hint(field), error: error(field),
                          maxLength: FieldReport.limit(field), required: false)
        }
        func radios<T: RawRepresentable & CaseIterable>(_ field: FieldReport.Field, _ label: (T) -> String, selected: String) -> HTML
        where T.RawValue == String {
            let items: [HTML] = T.allCases.map { choice in
                let id = "\(field.rawValue)-\(choice.rawValue)"
                return "<div class=\"check\"><input type=\"radio\" id=\"\(id)\" name=\"\(field.rawValue)\" value=\"\(choice.rawValue)\"\(choice.rawValue == selected ? HTML(" checked") : .empty)><label for=\"\(id)\">\(label(choice))</label></div>"
            }
            return """
            <fieldset\(error(field) == nil ? HTML.empty : HTML(" class=\"has-error\""))><legend>\(t(.label(field)))</legend>
            \(hint(field).map { HTML("<p class=\"hint\">\($0)</p>") })\(error(field).map { HTML("<p class=\"error\">\($0)</p>") })
            \(items)</fieldset>
            """
        }
        let summary = FieldReport.Field.allCases.compactMap(error)
        let submission = values["submission"] ?? Base64URL.encode(req.amparo.random.bytes(18))
        let body: HTML = """
        <h1>\(t(.formTitle)) \(context.report.reference)</h1>
        \(notice.map { HTML("<p class=\"notice\" role=\"status\" id=\"sent\">\(t($0))</p>") })
        <p>\(t(.formIntro))</p>
        <p class="notice" role="status" id="offline-status" hidden data-waiting="\(t(.savedOnPhone))" data-sent-plain="\(t(.sentFromPhone))" \
        data-refused="\(Text.hotline(.keptRefused).in(l))"></p>
        \(Form.errorSummary(summary, language: l))
        <form method="post" action="\(context.path)/report" id="field-report">
        \(Layout.csrfField(req.visitor))
        <input type="hidden" name="submission" value="\(submission)">
        \(radios(.finding, { t(.finding($0)) }, selected: values["finding"] ?? "") as HTML)
        \(line(.size))
        \(area(.activity))
        \(line(.location))
        \(line(.unit))
        \(Form.field("time", label: t(.label(.time)), type: "time", value: values["time"] ?? "", hint: hint(.time), error: error(.time), required: false))
        \(line(.equipment))
        \(radios(.warrant, { t(.warrant($0)) }, selected: values["warrant"] ?? FieldReport.Warrant.unknown.rawValue) as HTML)
        \(radios(.consent, { t(.consent($0)) }, selected: values["consent"] ?? FieldReport.Consent.unknown.rawValue) as HTML)
        \(Form.field("detained", label: t(.label(.detained)), type: "number", value: values["detained"] ?? "0", error: error(.detained), required: false, extra: " min=\"0\" max=\"200\" inputmode=\"numeric\""))
        \(line(.takenTo))
        \(area(.witnesses))
        \(area(.media))
        <button type="submit">\(notice == nil ? t(.sendReport) : t(.anotherReport))</button>
        </form>
        """
        return htmlResponse(Layout.page(req, title: t(.formTitle), body: body, script: "/static/field-report.js", offline: true), status: status)
    }
}
