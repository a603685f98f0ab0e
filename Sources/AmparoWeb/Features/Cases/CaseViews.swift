import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

enum CaseViews {
    static func name(_ req: Request, _ record: CaseModel) -> String {
        record.personNameSealed.flatMap { try? req.amparo.sealer.open($0, context: SealedColumn.casePersonName.context(rowID: record.id!)) }
            ?? Text.cases(.unnamed).in(req.language)
    }

    /// `typed`: a refused timeline entry's fields, shown again in its form.
    static func page(_ req: Request, record: CaseModel, problem: Text? = nil, typed: [String: String]? = nil,
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        let l = req.language
        func t(_ text: CasesText) -> String { Text.cases(text).in(l) }
        let id = record.id!
        let sealer = req.amparo.sealer, time = req.amparo.localTime, now = req.amparo.clock.now()
        func open(_ value: String?, _ column: SealedColumn) -> String { value.flatMap { try? sealer.open($0, context: column.context(rowID: id)) } ?? "" }
        let events = try await CaseEventModel.query(on: req.db).filter(\.$caseID == id).sort(\.$occurredAt).sort(\.$recordedAt).all()
        let current = events.filter { $0.replacedBy == nil }
        let clock = HoldClock.from(current.compactMap(\.custodyEvent))
        let teams = try await req.accounts.teams(of: req.visitor.user!)
        let legal = req.visitor.roles?.canRead(.immigrationRecord) == true
        let csrf = Layout.csrfField(req.visitor)

        // Where the case came from: its hotline report (a link for those who work the hotline), or directly.
        var origin = HTML("<p class=\"hint\">\(t(.direct))</p>")
        if let reportID = record.reportID, let report = try await ReportModel.find(reportID, on: req.db) {
            origin = req.visitor.roles?.can(.workHotline) == true
                ? HTML("<p class=\"hint\"><a href=\"/hotline/reports/\(reportID.uuidString)\">\(t(.fromReport)) \(report.reference)</a></p>")
                : HTML("<p class=\"hint\">\(t(.fromReport)) \(report.reference)</p>")
        }
        var banner: HTML = .empty
        if let clock {
            let hours = Int(clock.hours(at: now))
            let text = clock.isRunning ? t(.holdRunning(hours: hours, since: time.dateTime(clock.startedAt))) : t(.holdStopped(hours: hours))
            let unlawful = clock.isRunning && hours >= 48 && !clock.judicialWarrant
            // While the hold runs on a detainer alone the clock is an alarm, not a note.
            let alarm = clock.isRunning && !clock.judicialWarrant
            let left = max(0, 48 - hours)
            let countdown: HTML = alarm && !unlawful ? HTML("<p class=\"hold-left\"><strong>\(t(.holdLeft(hours: left, until: time.dateTime(clock.startedAt.addingTimeInterval(48 * 3600)))))</strong></p>") : .empty
            banner = """
            <div class="\(alarm ? "hold-alarm" : "notice")" role="\(alarm ? "alert" : "status")" id="hold-clock"><p>\(text)</p>\
            \(countdown)\(unlawful ? HTML("<p><strong>\(t(.holdUnlawful))</strong></p>") : .empty)\(clock.judicialWarrant ? HTML("<p>\(t(.holdWarrant))</p>") : .empty)</div>
            """
        }
        let support = try await CaseSupportViews.Data.load(record, on: req.db, sealer: req.amparo.sealer)
        let names = try await UserModel.query(on: req.db).filter(\.$id ~~ Set(events.map(\.recordedBy) + [record.consentBy].compactMap { $0 } + support.people)).all()
        let who = Dictionary(uniqueKeysWithValues: names.map { ($0.id!, req.accounts.name(of: $0)) })
        func item(_ event: CaseEventModel) -> HTML {
            let step = CustodyStep(rawValue: event.step).map { t(.step($0)) } ?? event.step
            var facts: [String] = [event.place, event.source].compactMap { $0 } + CaseSupportViews.facts(req, event)
            if let form = event.detainerForm.flatMap(DetainerForm.init(rawValue:)) { facts.append(t(.form(form))) }
            if event.judicialWarrant { facts.append(t(.judicialWarrant)) }
            if let response = event.jailResponse.flatMap(JailResponse.init(rawValue:)) { facts.append(t(.response(response))) }
            let detail = event.detailSealed.flatMap { try? sealer.open($0, context: SealedColumn.caseEventDetail.context(rowID: event.id!)) }
            if let detail { facts.append(detail) }
            let line: HTML = "<strong>\(time.dateTime(event.occurredAt))</strong> · \(step)\(facts.isEmpty ? "" : " · " + facts.joined(separator: " · ")) <span class=\"hint\">(\(who[event.recordedBy] ?? "—"))</span>"
            guard event.replacedBy == nil else { return "<li><del>\(line)</del> — \(t(.replacedBy))</li>" }
            let correction = eventForm(req, action: "/cases/\(id.uuidString)/events/\(event.id!.uuidString)/correct", prefix: "c-\(event.id!.uuidString.prefix(8))",
                                       step: CustodyStep(rawValue: event.step) ?? .arrested, values: EventValues(event, detail: detail, time: time),
                                       facilities: support.facilities)
            return "<li>\(line)<details><summary>\(t(.correct))</summary>\(correction)</details></li>"
        }
        // The timeline by part of the pipeline, in the order things happened within each.
        let phases: [HTML] = CustodyPhase.allCases.compactMap { phase in
            let entries = events.filter { (CustodyStep(rawValue: $0.step)?.phase ?? .outcome) == phase }
            guard !entries.isEmpty else { return nil }
            return "<section class=\"phase\"><h3>\(t(.phase(phase)))</h3><ol>\(entries.map(item))</ol></section>"
        }
        // One kind of entry at a time: chosen by a link (no script needed), or the one just refused.
        let chosen = (typed?["step"] ?? req.query[String.self, at: "event"]).flatMap(CustodyStep.init(rawValue:))
        let addition: HTML = chosen.map { step in
            """
            <h4>\(t(.addThisEvent(step)))</h4>
            \(eventForm(req, action: "/cases/\(id.uuidString)/events", prefix: "new", step: step, fixedStep: true,
                        values: typed.map(EventValues.init(typed:)) ?? EventValues(), facilities: support.facilities))
            <p><a href="/cases/\(id.uuidString)#add-event">\(t(.otherEvent))</a></p>
            """
        } ?? eventChooser(id: id, l)
        let teamOptions = [(value: "", label: t(.intakeQueue))] + teams.map { (value: $0.id!.uuidString, label: $0.name) }
        let contacts = try await CaseContactModel.query(on: req.db).filter(\.$caseID == id).sort(\.$createdAt).all()
        let contactItems: [HTML] = contacts.map { contact in
            let cid = contact.id!
            func open(_ value: String?, _ column: SealedColumn) -> String? { value.flatMap { try? sealer.open($0, context: column.context(rowID: cid)) } }
            let text = [open(contact.nameSealed, .caseContactName), open(contact.relationshipSealed, .caseContactRelationship),
                        open(contact.reachSealed, .caseContactReach), contact.language, contact.channel].compactMap { $0 }.joined(separator: " · ")
            return "<li>\(text) <form method=\"post\" action=\"/cases/\(id.uuidString)/contacts/\(cid.uuidString)/remove\" class=\"inline\">\(csrf)<button type=\"submit\" class=\"link\">\(t(.removeContact))</button></form></li>"
        }
        let consentNote = record.consentAt.map { at in HTML("<p class=\"hint\">\(t(.consentRecorded("\(time.dateTime(at)) · \(record.consentBy.flatMap { who[$0] } ?? "—")")))</p>") }
        let body: HTML = """
        <h1>\(t(.caseTitle)): \(name(req, record))</h1>
        \(origin)
        \(banner)
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        <h2>\(t(.timeline))</h2>
        \(phases.isEmpty ? HTML("<p>\(t(.noEvents))</p>") : HTML("<div id=\"timeline\">\(phases)</div>"))
        <section id="add-event"><h3>\(t(.addEvent))</h3>
        \(addition)</section>
        <h2>\(t(.person))</h2>
        <form method="post" action="/cases/\(id.uuidString)/person">\(csrf)
        \(Form.field("name", label: t(.name), value: open(record.personNameSealed, .casePersonName), required: false, extra: " maxlength=\"300\""))
        \(Form.field("birthDate", label: t(.birthDate), type: "date", value: open(record.birthDateSealed, .caseBirthDate), required: false))
        \(Form.field("phone", label: t(.phone), type: "tel", value: open(record.phoneSealed, .casePhone), required: false, extra: " maxlength=\"40\""))
        \(Form.field("language", label: t(.language), value: record.language ?? "", required: false, extra: " maxlength=\"40\""))
        \(legal ? Form.field("aNumber", label: t(.aNumber), value: open(record.aNumberSealed, .caseANumber), hint: t(.aNumberHint), required: false, extra: " maxlength=\"20\"") : .empty)
        \(Form.select("team", label: t(.team), options: teamOptions, selected: record.teamID?.uuidString ?? ""))
        \(Form.textarea("consent", label: t(.consent), value: open(record.consentSealed, .caseConsent), hint: t(.consentHint), error: nil, maxLength: 2000, required: false))
        \(consentNote)
        <button type="submit">\(t(.savePerson))</button></form>
        <h2>\(t(.contacts))</h2>
        \(contactItems.isEmpty ? HTML("<p>\(t(.noContacts))</p>") : HTML("<ul id=\"contacts\">\(contactItems)</ul>"))
        <details><summary>\(t(.addContact))</summary>
        <form method="post" action="/cases/\(id.uuidString)/contacts">\(csrf)
        \(Form.field("contactName", label: t(.contactName), required: false, extra: " maxlength=\"200\""))
        \(Form.field("relationship", label: t(.relationship), required: false, extra: " maxlength=\"200\""))
        \(Form.field("reach", label: t(.reach), hint: t(.reachHint), required: false, extra: " maxlength=\"200\""))
        \(Form.field("contactLanguage", label: t(.language), required: false, extra: " maxlength=\"200\""))
        \(Form.field("channel", label: t(.channel), required: false, extra: " maxlength=\"200\""))
        <button type="submit">\(t(.addContact))</button></form></details>
        \(CaseSupportViews.referral(req, record))
        \(CaseSupportViews.bondFund(req, record, support, who: who))
        \(CaseSupportViews.tasks(req, record, support, who: who))
        \(CaseSupportViews.visits(req, record, support, who: who))
        \(CaseSupportViews.notes(req, record, support, who: who))
        <h2>\(t(.dataTitle))</h2>
        <p><a href="/cases/\(id.uuidString)/export">\(t(.export))</a> · <a href="/cases/\(id.uuidString)/export?format=json">\(t(.exportJSON))</a></p>
        \(record.closedAt == nil ? HTML("<form method=\"post\" action=\"/cases/\(id.uuidString)/close\">\(csrf)<button type=\"submit\" class=\"secondary\">\(t(.close))</button></form>") : HTML("<p>\(t(.closed))</p>"))
        \(record.erasedAt == nil ? HTML("""
        <form method="post" action="/cases/\(id.uuidString)/erase"><fieldset><legend>\(t(.eraseLegend))</legend>\(csrf)
        \(Form.field("confirm", label: t(.eraseConfirm), hint: t(.eraseHint), required: false, extra: " autocomplete=\"off\""))
        <button type="submit" class="danger">\(t(.eraseButton))</button></fieldset></form>
        """) : HTML("<p class=\"notice\">\(t(.erased))</p>"))
        """
        return htmlResponse(Layout.page(req, title: t(.caseTitle), body: body), status: status)
    }

    /// The choice of what to add: a link per step, by part of the pipeline; each opens its own form.
    static func eventChooser(id: UUID, _ l: Language) -> HTML {
        func t(_ text: CasesText) -> String { Text.cases(text).in(l) }
        let groups: [HTML] = CustodyPhase.allCases.map { phase in
            let links: [HTML] = CustodyStep.allCases.filter { $0.phase == phase }.map {
                "<li><a href=\"/cases/\(id.uuidString)?event=\($0.rawValue)#add-event\">\(t(.step($0)))</a></li>"
            }
            return "<div><h4>\(t(.phase(phase)))</h4><ul class=\"choices\">\(links)</ul></div>"
        }
        return "<p>\(t(.chooseEvent))</p><div class=\"event-choices\">\(groups)</div>"
    }

    /// A timeline form's values: an entry being corrected, or what was typed into a refused form.
    struct EventValues {
        var fields: [String: String] = [:]
        var probableCause: [ProbableCause] = []
        var judicialWarrant = false

        init() {}

        init(typed: [String: String]) {
            fields = typed
            probableCause = ProbableCause.list(typed["probableCause"])
            judicialWarrant = typed["judicialWarrant"] == "yes"
        }

        init(_ event: CaseEventModel, detail: String?, time: LocalTime) {
            fields = ["when": time.inputValue(event.occurredAt), "place": event.facilityID == nil ? event.place ?? "" : "",
                      "source": event.source ?? "", "detainerForm": event.detainerForm ?? "", "jailResponse": event.jailResponse ?? "",
                      "detail": detail ?? "", "facility": event.facilityID?.uuidString ?? "", "county": event.county ?? "",
                      "agency": event.agency ?? "", "hearingKind": event.hearingKind ?? "", "bondAmount": event.bondCents.map(Cents.format) ?? "",
                      "bondStage": event.bondStage ?? ""]
            probableCause = ProbableCause.list(event.probableCause)
            judicialWarrant = event.judicialWarrant
        }

        subscript(_ name: String) -> String { fields[name] ?? "" }
    }

    /// The form for one kind of entry: when, where, the facts that step carries, the source and a
    /// note. A correction may change the kind (`fixedStep` false); a new entry's kind was chosen.
    /// Field ids carry a prefix: a page holds several of these forms.
    static func eventForm(_ req: Request, action: String, prefix: String, step: CustodyStep, fixedStep: Bool = false,
                          values: EventValues, facilities: [FacilityModel]) -> HTML {
        let l = req.language
        func t(_ text: CasesText) -> String { Text.cases(text).in(l) }
        let controls = PrefixedControls(prefix: prefix)
        let (select, field) = (controls.select, controls.id)
        let facts = step.facts
        let stepControl: HTML = fixedStep ? HTML("<input type=\"hidden\" name=\"step\" value=\"\(step.rawValue)\">")
            : select("step", t(.stepLabel), CustodyStep.allCases.map { ($0.rawValue, t(.step($0))) }, step.rawValue)
        let detainer: HTML = facts.contains(.detainer) ? """
            \(select("detainerForm", t(.detainerForm), [("", t(.noForm))] + DetainerForm.allCases.map { ($0.rawValue, t(.form($0))) }, values["detainerForm"]))
            <div class="check"><input type="checkbox" id="\(field("judicialWarrant"))" name="judicialWarrant" value="yes"\(values.judicialWarrant ? HTML(" checked") : .empty)><label for="\(field("judicialWarrant"))">\(t(.judicialWarrant))</label></div>
            """ : .empty
        let answer: HTML = facts.contains(.jailResponse)
            ? select("jailResponse", t(.jailResponse), [("", t(.noResponse))] + JailResponse.allCases.map { ($0.rawValue, t(.response($0))) }, values["jailResponse"]) : .empty
        return """
        <form method="post" action="\(action)">\(Layout.csrfField(req.visitor))
        \(stepControl)
        \(controls.input("when", t(.when), type: "datetime-local", values["when"], hint: t(.whenHint)))
        \(controls.input("place", t(.place), values["place"], hint: t(.placeHint)))
        \(CaseSupportViews.eventFields(req, facts: facts, values: values, facilities: facilities, controls: controls))
        \(detainer)
        \(answer)
        \(controls.input("source", t(.source), values["source"], hint: t(.sourceHint)))
        <div class="field"><label for="\(field("detail"))">\(t(.detail))</label><p class="hint">\(t(.detailHint))</p>\
        <textarea id="\(field("detail"))" name="detail" rows="2" maxlength="2000">\(values["detail"])</textarea></div>
        <button type="submit">\(fixedStep ? t(.saveEvent) : t(.correct))</button></form>
        """
    }
}
