import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// The case page's support sections: referral, bond fund, tasks, notes, visits. Each is given what
/// the page loaded; none queries on its own.
enum CaseSupportViews {
    struct Data {
        let bonds: [BondRequestModel]
        let tasks: [CaseTaskModel]
        let notes: [CaseNoteModel]
        let visits: [VisitModel]
        let facilities: [FacilityModel]
        let visitors: [VisitorLine]
        let workers: [UserModel]

        /// `formChoices`: the trained visitors and the case team, which only the page's forms need.
        static func load(_ record: CaseModel, formChoices: Bool = true, on db: any Database, sealer: FieldSealer) async throws -> Data {
            let id = record.id!
            return Data(
                bonds: try await BondRequestModel.query(on: db).filter(\.$caseID == id).sort(\.$requestedAt).all(),
                tasks: try await CaseTaskModel.query(on: db).filter(\.$caseID == id).sort(\.$dueAt).all(),
                notes: try await CaseNoteModel.query(on: db).filter(\.$caseID == id).sort(\.$createdAt, .descending).all(),
                visits: try await VisitModel.query(on: db).filter(\.$caseID == id).sort(\.$scheduledAt, .descending).all(),
                facilities: try await FacilityModel.query(on: db).sort(\.$name).all(),
                visitors: formChoices ? try await VisitsStore(db, sealer: sealer).trainedVisitors() : [],
                workers: formChoices ? try await CaseTeam.members(of: record, roles: [.caseWorker, .legal], on: db) : [])
        }

        /// Whose names the sections show.
        var people: [UUID] { bonds.map(\.requestedBy) + notes.map(\.authorID) + tasks.compactMap(\.assigneeID) + visits.map(\.visitorID) }
    }

    private static func t(_ text: SupportText, _ req: Request) -> String { Text.support(text).in(req.language) }

    /// The structured facts of a timeline entry, for its line.
    static func facts(_ req: Request, _ event: CaseEventModel) -> [String] {
        var facts = [event.agency, event.county].compactMap { $0 }
        let boxes = ProbableCause.list(event.probableCause)
        if !boxes.isEmpty { facts.append("\(t(.probableCause, req)): " + boxes.map { t(.cause($0), req) }.joined(separator: "; ")) }
        if let kind = event.hearingKind.flatMap(HearingKind.init(rawValue:)) { facts.append(t(.hearing(kind), req)) }
        if let cents = event.bondCents { facts.append(Cents.format(cents)) }
        if let stage = event.bondStage.flatMap(BondStage.init(rawValue:)) { facts.append(t(.bondStage(stage), req)) }
        return facts
    }

    /// The timeline form's fields for the structured facts of its step (the form's controls prefix
    /// their ids): the facility and county for every step, then what that step carries.
    static func eventFields(_ req: Request, facts: [CustodyFact], values: CaseViews.EventValues, facilities: [FacilityModel],
                            controls: PrefixedControls) -> HTML {
        let (select, field) = (controls.select, controls.id)
        let checks: [HTML] = ProbableCause.allCases.map { box in
            let id = field("pc-\(box.rawValue)")
            return "<div class=\"check\"><input type=\"checkbox\" id=\"\(id)\" name=\"probableCause\" value=\"\(box.rawValue)\"\(values.probableCause.contains(box) ? HTML(" checked") : .empty)><label for=\"\(id)\">\(t(.cause(box), req))</label></div>"
        }
        var parts: [HTML] = [
            select("facility", t(.facility, req), [("", t(.noFacility, req))] + facilities.map { ($0.id!.uuidString, "\($0.name)\($0.state.map { " (\($0))" } ?? "")") }, values["facility"]),
            controls.input("county", t(.county, req), values["county"], hint: t(.countyHint, req), limit: 120),
        ]
        if facts.contains(.agency) { parts.append(controls.input("agency", t(.agency, req), values["agency"], hint: t(.agencyHint, req))) }
        if facts.contains(.detainer) { parts.append("<fieldset><legend>\(t(.probableCause, req))</legend>\(checks)</fieldset>") }
        if facts.contains(.hearingKind) {
            parts.append(select("hearingKind", t(.hearingKind, req), [("", t(.noHearing, req))] + HearingKind.allCases.map { ($0.rawValue, t(.hearing($0), req)) }, values["hearingKind"]))
        }
        if facts.contains(.bond) {
            parts.append(controls.input("bondAmount", t(.bondAmount, req), values["bondAmount"], limit: 20))
            parts.append(select("bondStage", t(.bondStageLabel, req), [("", t(.noBondStage, req))] + BondStage.allCases.map { ($0.rawValue, t(.bondStage($0), req)) }, values["bondStage"]))
        }
        return "\(parts)"
    }

    static func referral(_ req: Request, _ record: CaseModel) -> HTML {
        let statuses = [(value: "", label: t(.noReferral, req))] + ReferralStatus.allCases.map { (value: $0.rawValue, label: t(.referralStatus($0), req)) }
        return """
        <h2>\(t(.referral, req))</h2>
        <form method="post" action="/cases/\(record.id!.uuidString)/referral">\(Layout.csrfField(req.visitor))
        \(Form.field("organization", label: t(.referralOrganization, req), value: record.referralOrganization ?? "", required: false, extra: " maxlength=\"300\""))
        \(Form.field("attorney", label: t(.referralAttorney, req), value: record.referralAttorney ?? "", required: false, extra: " maxlength=\"300\""))
        \(Form.select("referralStatus", label: t(.referralStatusLabel, req), options: statuses, selected: record.referralStatus ?? ""))
        <button type="submit">\(t(.saveReferral, req))</button></form>
        """
    }

    static func bondFund(_ req: Request, _ record: CaseModel, _ data: Data, who: [UUID: String]) -> HTML {
        let time = req.amparo.localTime, csrf = Layout.csrfField(req.visitor), base = "/cases/\(record.id!.uuidString)/bonds"
        let items: [HTML] = data.bonds.map { bond in
            let status = BondRequestStatus(rawValue: bond.status) ?? .requested
            let note = bond.noteSealed.flatMap { try? req.amparo.sealer.open($0, context: SealedColumn.bondNote.context(rowID: bond.id!)) }
            let paid = bond.paidCents.map { " · \(t(.paidAmount, req)): \(Cents.format($0))" } ?? ""
            let key = String(bond.id!.uuidString.prefix(8))
            let moves: [HTML] = status.next.map { next in
                let amount: HTML = next == .paid ? """
                <label for="paid-\(key)">\(t(.paidAmount, req))</label><input id="paid-\(key)" name="paid" type="text" maxlength="20" value="\(Cents.format(bond.amountCents))">
                """ : .empty
                return "<form method=\"post\" action=\"\(base)/\(bond.id!.uuidString)\" class=\"inline\">\(csrf)<input type=\"hidden\" name=\"status\" value=\"\(next.rawValue)\">\(amount)<button type=\"submit\" class=\"secondary\">\(t(.bondMove(next), req))</button></form>"
            }
            return """
            <li><strong>\(Cents.format(bond.amountCents))</strong> · <span class="bond-status">\(t(.bondStatus(status), req))</span>\(paid) · \
            \(time.dateTime(bond.requestedAt)) <span class="hint">(\(who[bond.requestedBy] ?? "—"))</span>\(note.map { " · \($0)" } ?? "") \(moves)</li>
            """
        }
        return """
        <h2>\(t(.bondFund, req))</h2><p>\(t(.bondFundIntro, req))</p>
        \(items.isEmpty ? HTML("<p>\(t(.noBondRequests, req))</p>") : HTML("<ul id=\"bonds\">\(items)</ul>"))
        <details><summary>\(t(.requestBond, req))</summary><form method="post" action="\(base)">\(csrf)
        \(Form.field("amount", label: t(.amount, req), hint: t(.amountHint, req), extra: " maxlength=\"20\" inputmode=\"decimal\""))
        \(Form.field("note", label: t(.bondNote, req), required: false, extra: " maxlength=\"500\""))
        <button type="submit">\(t(.requestBond, req))</button></form></details>
        """
    }

    static func tasks(_ req: Request, _ record: CaseModel, _ data: Data, who: [UUID: String]) -> HTML {
        let time = req.amparo.localTime, csrf = Layout.csrfField(req.visitor), now = req.amparo.clock.now()
        let items: [HTML] = data.tasks.map { task in
            let title = task.titleSealed.flatMap { try? req.amparo.sealer.open($0, context: SealedColumn.caseTaskTitle.context(rowID: task.id!)) } ?? "—"
            let state: HTML = task.doneAt != nil ? " · \(t(.done, req))" : task.dueAt < now ? HTML(" · <strong>\(t(.overdue, req))</strong>") : .empty
            let line: HTML = "\(time.dateTime(task.dueAt)) · \(title) · \(task.assigneeID.flatMap { who[$0] } ?? t(.nobody, req))\(state)"
            guard task.doneAt == nil else { return "<li><del>\(line)</del></li>" }
            return "<li>\(line) <form method=\"post\" action=\"/cases/\(record.id!.uuidString)/tasks/\(task.id!.uuidString)/done\" class=\"inline\">\(csrf)<button type=\"submit\" class=\"link\">\(t(.markDone, req))</button></form></li>"
        }
        let people = [(value: "", label: t(.nobody, req))] + data.workers.map { (value: $0.id!.uuidString, label: req.accounts.name(of: $0)) }
        return """
        <h2>\(t(.tasks, req))</h2>
        \(items.isEmpty ? HTML("<p>\(t(.noTasks, req))</p>") : HTML("<ul id=\"tasks\">\(items)</ul>"))
        <details><summary>\(t(.addTask, req))</summary><form method="post" action="/cases/\(record.id!.uuidString)/tasks">\(csrf)
        \(Form.field("title", label: t(.taskTitle, req), extra: " maxlength=\"300\""))
        \(Form.field("due", label: t(.due, req), type: "datetime-local"))
        \(Form.select("assignee", label: t(.assignee, req), options: people, selected: ""))
        <button type="submit">\(t(.addTask, req))</button></form></details>
        """
    }

    static func notes(_ req: Request, _ record: CaseModel, _ data: Data, who: [UUID: String]) -> HTML {
        let time = req.amparo.localTime
        let items: [HTML] = data.notes.map { note in
            let body = note.bodySealed.flatMap { try? req.amparo.sealer.open($0, context: SealedColumn.caseNoteBody.context(rowID: note.id!)) } ?? ""
            return "<li><p class=\"hint\">\(time.dateTime(note.createdAt)) · \(who[note.authorID] ?? "—")</p><p class=\"note\">\(body)</p></li>"
        }
        return """
        <h2>\(t(.notes, req))</h2>
        \(items.isEmpty ? HTML("<p>\(t(.noNotes, req))</p>") : HTML("<ul class=\"plain\" id=\"notes\">\(items)</ul>"))
        <form method="post" action="/cases/\(record.id!.uuidString)/notes">\(Layout.csrfField(req.visitor))
        \(Form.textarea("body", label: t(.noteBody, req), value: "", hint: nil, error: nil, maxLength: 4000))
        <button type="submit">\(t(.addNote, req))</button></form>
        """
    }

    static func visits(_ req: Request, _ record: CaseModel, _ data: Data, who: [UUID: String]) -> HTML {
        let time = req.amparo.localTime, csrf = Layout.csrfField(req.visitor), base = "/cases/\(record.id!.uuidString)/visits"
        let places = Dictionary(uniqueKeysWithValues: data.facilities.map { ($0.id!, $0.name) })
        let items: [HTML] = data.visits.map { visit in
            let status = VisitStatus(rawValue: visit.status) ?? .scheduled
            let report = visit.reportSealed.flatMap { try? req.amparo.sealer.open($0, context: SealedColumn.visitReport.context(rowID: visit.id!)) }
            let cancel: HTML = status == .scheduled
                ? " <form method=\"post\" action=\"\(base)/\(visit.id!.uuidString)/cancel\" class=\"inline\">\(csrf)<button type=\"submit\" class=\"link\">\(t(.cancelVisit, req))</button></form>" : .empty
            return """
            <li>\(time.dateTime(visit.scheduledAt)) · \(places[visit.facilityID] ?? "—") · \(who[visit.visitorID] ?? "—") · \
            <span class="visit-status">\(t(.visitStatus(status), req))</span>\(cancel)\
            \(report.map { HTML("<p class=\"note\">\($0)</p>") })\(visit.sharedWithFamily ? HTML("<p class=\"hint\">\(t(.sharedWithFamily, req))</p>") : .empty)</li>
            """
        }
        let visitorOptions = data.visitors.map { visitor in
            (value: visitor.id.rawValue.uuidString, label: "\(visitor.name)\(visitor.languages.map { " (\($0))" } ?? "")")
        }
        let facilityOptions = data.facilities.map { (value: $0.id!.uuidString, label: $0.name) }
        return """
        <h2>\(t(.visits, req))</h2>
        \(items.isEmpty ? HTML("<p>\(t(.noVisits, req))</p>") : HTML("<ul id=\"case-visits\">\(items)</ul>"))
        <details><summary>\(t(.scheduleVisit, req))</summary><form method="post" action="\(base)">\(csrf)
        \(Form.select("facility", label: t(.facility, req), options: facilityOptions, selected: nil))
        \(Form.select("visitor", label: t(.visitor, req), options: visitorOptions, selected: nil))
        \(Form.field("when", label: t(.visitWhen, req), type: "datetime-local"))
        <button type="submit">\(t(.scheduleVisit, req))</button></form>
        <p><a href="/facilities">\(t(.navFacilities, req))</a> · <a href="/visitors">\(t(.visitorsTitle, req))</a></p></details>
        """
    }
}
