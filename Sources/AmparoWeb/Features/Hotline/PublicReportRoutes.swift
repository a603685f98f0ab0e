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
        routes.get("report", "status", use: statusForm).policy(.open)
        routes.on(.POST, "report", "status", body: .collect(maxSize: 4096), use: status).policy(.open)
    }

    /// Room for every field at its limit, in the worst URL encoding; anything bigger is not a person.
    static let maxBody = 32 * 1024

    func form(req: Request) async throws -> Response {
        htmlResponse(ReportPageRenderer.form(try await ReportThanks.formPage(req, values: ReportForm()), req.chrome), status: .ok)
    }

    func statusForm(req: Request) -> Response {
        htmlResponse(ReportPageRenderer.status(ReportStatusPage(code: ""), req.chrome), status: .ok)
    }

    /// A reporter's code and its coarse state. Counted like reports, so codes cannot be guessed in bulk.
    func status(req: Request) async throws -> Response {
        let raw = req.formFields?["code"]?.first ?? ""
        var page = ReportStatusPage(code: String(raw.prefix(20)))
        guard try await req.takePublicSlot("report-status") != nil else {
            page.result = .tooMany
            return htmlResponse(ReportPageRenderer.status(page, req.chrome), status: .tooManyRequests)
        }
        var state: PublicReportState?
        if let code = ReferenceCode.normalize(raw) { state = try await HotlineStore(req.db, sealer: req.amparo.sealer).publicState(reference: code) }
        page.result = state.map { .found($0) } ?? .unknown
        return htmlResponse(ReportPageRenderer.status(page, req.chrome), status: state == nil ? .notFound : .ok)
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
        var page = try await ReportThanks.formPage(req, values: form)
        guard let slot = try await req.takePublicSlot("report") else {
            page.banner = .tooManyReports
            return htmlResponse(ReportPageRenderer.form(page, req.chrome), status: .tooManyRequests)
        }
        let now = req.amparo.clock.now()
        switch ReportSubmission.validate(form, now: now) {
        case .rejected(let problems):
            await slot.giveBack()
            page.problems = problems
            return htmlResponse(ReportPageRenderer.form(page, req.chrome), status: .unprocessableEntity)
        case .bot:
            // Look like success so the bot learns nothing; keep nothing.
            let thanks = ReportThanksPage(organization: page.organization, reference: ReferenceCode.make(random: req.amparo.random),
                                          photoToken: ReportPhotoRoutes.token(for: UUID(), key: req.amparo.linkKey), answer: page.answer)
            return htmlResponse(ReportPageRenderer.thanks(thanks, photoNotice: nil, req.chrome), status: .ok)
        case .accepted(let report):
            let model = try ReportRecords.seal(report, language: req.language, receivedAt: now, services: req.amparo)
            let reference: String
            do { reference = try await req.amparo.reportIntake.store(model) } catch {
                await slot.giveBack()
                throw error
            }
            let thanks = ReportThanksPage(organization: page.organization, reference: reference,
                                          photoToken: ReportPhotoRoutes.token(for: model.id, key: req.amparo.linkKey), answer: page.answer)
            // A report kept offline and sent by the service worker asks for the code alone.
            if req.asksForJSON {
                let response = Response(status: .ok)
                try response.content.encode(KeptReportAnswer(reference: reference, status: "/report/status"))
                return response
            }
            return htmlResponse(ReportPageRenderer.thanks(thanks, photoNotice: nil, req.chrome), status: .ok)
        }
    }
}

struct KeptReportAnswer: Content {
    let reference: String
    let status: String
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

/// The answer the public pages promise, read when they are shown (at most 30 seconds old, so a
/// flood of reports does not read the schedule once per report).
enum ReportThanks {
    static func answer(_ req: Request) async throws -> HotlineAnswer {
        let services = req.amparo
        if let fresh = services.hotlineAnswer.value(now: services.clock.now()) { return fresh }
        let calendar = ShiftCalendar(timeZone: services.timeZone)
        let now = services.clock.now()
        let onCall = try await OnCallSchedule.now(on: req.db, calendar: calendar, at: now).contains { $0.shift.duty == .dispatcher }
        let next = onCall ? nil : try await OnCallSchedule.upcoming(on: req.db, calendar: calendar, from: now, days: 7)
            .filter { $0.shift.duty == .dispatcher && $0.start > now }.map(\.start).min()
        let phone = services.delivery.channels.config.twilioFrom.flatMap(AlertChannel.sms.normalize)
        let canAlert = services.delivery.senders(.sms) != nil || services.delivery.senders(.email) != nil
        let answer = HotlineAnswer(onCall: onCall, nextShift: next, phone: phone, canAlertTeam: canAlert)
        services.hotlineAnswer.store(answer, now: now)
        return answer
    }

    static func page(_ req: Request, reference: String, photoToken: String) async throws -> ReportThanksPage {
        ReportThanksPage(organization: try await req.amparo.organizationName(on: req.db), reference: reference, photoToken: photoToken,
                         answer: try await answer(req))
    }

    static func formPage(_ req: Request, values: ReportForm) async throws -> ReportFormPage {
        ReportFormPage(organization: try await req.amparo.organizationName(on: req.db), values: values, answer: try await answer(req))
    }
}
