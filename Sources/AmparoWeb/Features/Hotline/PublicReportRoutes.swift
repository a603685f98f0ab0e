import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// The public report page: no sign-in, no JavaScript needed, light enough for a cheap phone on a bad
/// connection. Nothing about the reporter's connection is stored or logged; the per-source limit
/// lives in memory under a keyed hash that changes at every start.
struct PublicReportRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("report", use: form).policy(.open)
        routes.on(.POST, "report", body: .collect(maxSize: ByteCount(value: Self.maxBody)), use: submit).policy(.open)
    }

    /// Room for every field at its limit, in the worst URL encoding; anything bigger is not a person.
    static let maxBody = 32 * 1024

    func form(req: Request) -> Response {
        ReportViews.form(req, values: ReportForm(), problems: [:], banner: nil, status: .ok)
    }

    func submit(req: Request) async throws -> Response {
        // The CSRF check may have collected the body already, past the route's own limit.
        if (req.body.data?.readableBytes ?? 0) > Self.maxBody {
            throw Abort(.payloadTooLarge, reason: "A report can hold at most 2,000 characters of description.")
        }
        let form: ReportForm
        if let fields = req.formFields {
            form = ReportForm(fields: fields)
        } else if let decoded = try? req.content.decode(ReportForm.self) {
            form = decoded
        } else {
            throw Abort(.badRequest, reason: "Send the report form's fields as a form (application/x-www-form-urlencoded).")
        }
        if await req.publicLimitReached("report") {
            return ReportViews.form(req, values: form, problems: [:], banner: .tooManyReports, status: .tooManyRequests)
        }
        let now = req.amparo.clock.now()
        switch ReportSubmission.validate(form, now: now) {
        case .rejected(let problems):
            return ReportViews.form(req, values: form, problems: problems, banner: nil, status: .unprocessableEntity)
        case .bot:
            // Look like success so the bot learns nothing; keep nothing.
            return ReportViews.thanks(req, reference: ReferenceCode.make(random: req.amparo.random),
                                      photoToken: ReportPhotoRoutes.token(for: UUID(), key: req.amparo.linkKey), notice: nil, status: .ok)
        case .accepted(let report):
            let model = try ReportRecords.seal(report, language: req.language, receivedAt: now, services: req.amparo)
            let reference = try await req.amparo.reportIntake.store(model)
            await req.countPublicSubmission("report")
            return ReportViews.thanks(req, reference: reference, photoToken: ReportPhotoRoutes.token(for: model.id, key: req.amparo.linkKey),
                                      notice: nil, status: .ok)
        }
    }
}

/// Turning a validated report into a row with its personal fields sealed, and back.
enum ReportRecords {
    static func seal(_ report: ValidReport, language: Language, receivedAt: Date, services: AmparoServices) throws -> NewReport {
        let id = UUID()
        var model = NewReport(
            id: id, reference: ReferenceCode.make(random: services.random), language: language.rawValue,
            agency: report.agency.rawValue, officers: report.officers, vehicles: report.vehicles,
            occurredAt: report.occurredAt, receivedAt: receivedAt)
        let sealer = services.sealer
        model.whatSealed = try sealer.seal(report.what, context: SealedColumn.reportWhat.context(rowID: id))
        model.placeSealed = try sealer.seal(report.place, context: SealedColumn.reportPlace.context(rowID: id))
        model.pinSealed = try report.pin.map { try sealer.seal($0, context: SealedColumn.reportPin.context(rowID: id)) }
        model.callbackSealed = try report.callback.map {
            try sealer.seal($0, context: SealedColumn.reportCallback.context(rowID: id))
        }
        return model
    }

    /// A report that came by phone (a text or a voicemail): what was said, the caller's number as
    /// callback and as the blind index that threads their next messages, stored like any report.
    static func storeFromPhone(
        what: String, from: String?, channel: String, language: Language, services: AmparoServices
    ) async throws -> (id: UUID, reference: String) {
        let now = services.clock.now()
        let report = ValidReport(what: what, place: Text.hotline(.smsPlaceUnknown).in(language), occurredAt: now, officers: nil,
                                 vehicles: nil, agency: .unknown, pin: nil, callback: from)
        var row = try seal(report, language: language, receivedAt: now, services: services)
        row.channel = channel
        row.callbackIndex = from.map { services.sealer.blindIndex($0, kind: .phone) }
        return (row.id, try await services.reportIntake.store(row))
    }

    static func open(_ value: String?, _ column: SealedColumn, report: ReportModel, sealer: FieldSealer) -> String? {
        guard let value, let id = report.id else { return nil }
        return try? sealer.open(value, context: column.context(rowID: id))
    }
}

enum ReportViews {
    static func form(
        _ req: Request, values: ReportForm, problems: [ReportField: ReportProblem], banner: HotlineText?,
        status: HTTPResponseStatus
    ) -> Response {
        let l = req.language
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        func error(_ field: ReportField) -> String? { problems[field].map { t(.problem(field, $0)) } }
        let summary = ReportField.allCases.compactMap { field in problems[field].map { t(.problem(field, $0)) } }
        let whenOptions = ReportSubmission.whenChoices.map { (value: String($0), label: t(.whenChoice($0))) }
        let agencyOptions = Agency.allCases.map { (value: $0.rawValue, label: t(.agency($0))) }
        let body: HTML = """
        <h1>\(t(.reportTitle))</h1>
        <p>\(t(.reportIntro))</p>
        \(banner.map { HTML("<p class=\"error-summary\" role=\"alert\">\(t($0))</p>") })
        \(Form.errorSummary(summary, language: l))
        <form method="post" action="/report" class="report">
        \(Layout.csrfField(req.visitor))
        \(Form.textarea("what", label: t(.whatLabel), value: values.what ?? "", hint: t(.whatHint), error: error(.what), maxLength: ReportSubmission.whatLimit))
        \(Form.field("place", label: t(.placeLabel), value: values.place ?? "", hint: t(.placeHint), error: error(.place), extra: HTML(" maxlength=\"\(ReportSubmission.placeLimit)\"")))
        \(Form.select("when", label: t(.whenLabel), options: whenOptions, selected: values.when ?? "0"))
        \(Form.field("officers", label: t(.officersLabel), value: values.officers ?? "", hint: t(.countHint), error: error(.officers), required: false, extra: " inputmode=\"numeric\" pattern=\"[0-9]*\""))
        \(Form.field("vehicles", label: t(.vehiclesLabel), value: values.vehicles ?? "", hint: t(.countHint), error: error(.vehicles), required: false, extra: " inputmode=\"numeric\" pattern=\"[0-9]*\""))
        \(Form.select("agency", label: t(.agencyLabel), options: agencyOptions, selected: values.agency ?? Agency.unknown.rawValue))
        <fieldset><legend>\(t(.pinLegend))</legend>
        <p class="hint">\(t(.pinHint))</p>
        \(error(.pin).map { HTML("<p class=\"error\">\($0)</p>") })
        \(Form.field("latitude", label: t(.latitude), value: values.latitude ?? "", required: false, extra: " inputmode=\"decimal\""))
        \(Form.field("longitude", label: t(.longitude), value: values.longitude ?? "", required: false, extra: " inputmode=\"decimal\""))
        \(Form.select("pin", label: t(.pinPrecision), options: [("blurred", t(.pinBlurred)), ("exact", t(.pinExact))], selected: values.pin ?? "blurred"))
        </fieldset>
        \(Form.field("callback", label: t(.callbackLabel), value: values.callback ?? "", hint: t(.callbackHint), error: error(.callback), required: false, autocomplete: "tel", extra: HTML(" maxlength=\"\(ReportSubmission.callbackLimit)\"")))
        <div class="trap" aria-hidden="true"><label for="website">\(t(.honeypotLabel))</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
        <button type="submit">\(t(.sendReport))</button>
        </form>
        <p>\(t(.reportSafety))</p>
        """
        return htmlResponse(Layout.page(req, title: t(.reportTitle), body: body), status: status)
    }

    /// The reference code, and the form that adds photos to this report (a separate upload, so the
    /// words are safe before the pictures start).
    static func thanks(_ req: Request, reference: String, photoToken: String, notice: HotlineText?, status: HTTPResponseStatus) -> Response {
        let l = req.language
        func t(_ text: HotlineText) -> String { Text.hotline(text).in(l) }
        let failed = status.code >= 400
        let body: HTML = """
        <h1>\(t(.thanksTitle))</h1>
        <p role="status">\(t(.thanksBody(reference)))</p>
        <p class="reference" id="reference">\(reference)</p>
        \(notice.map { HTML("<p class=\"\(failed ? "error-summary" : "notice")\" role=\"\(failed ? "alert" : "status")\" id=\"photo-notice\">\(t($0))</p>") })
        <form method="post" action="/report/photos/\(photoToken)" enctype="multipart/form-data">
        <div class="field"><label for="photos">\(t(.photosLegend))</label>
        <p class="hint" id="photos-hint">\(t(.photosHint))</p>
        <input id="photos" name="photos[]" type="file" accept="image/jpeg,image/png" multiple aria-describedby="photos-hint"></div>
        <button type="submit" class="secondary">\(t(.addPhotos))</button>
        </form>
        <p>\(t(.thanksNext))</p>
        <p><a href="/report">\(t(.reportAnother))</a></p>
        """
        return htmlResponse(Layout.page(req, title: t(.thanksTitle), body: body), status: status)
    }
}
