import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Everything Amparo holds about one person, opened: for the person or family who ask for it. The
/// A-number is in it only for the legal team, as on the page.
struct CaseExport: Content {
    struct Person: Content { let name, birthDate, phone, language, aNumber: String? }
    struct Consent: Content { let text: String?; let recordedAt: Date?; let recordedBy: String? }
    struct Contact: Content { let name, relationship, reach, language, channel: String? }
    struct Event: Content {
        let step: String; let occurredAt: Date; let place, source, detainerForm: String?
        let judicialWarrant: Bool; let jailResponse, detail: String?; let corrected: Bool
        let agency, county, probableCause, hearingKind, bondStage: String?; let bondCents: Int?
    }
    struct Referral: Content { let organization, attorney, status: String? }
    struct Bond: Content { let amountCents: Int; let status: String; let requestedAt: Date; let paidCents: Int?; let paidAt: Date?; let note: String? }
    struct Task: Content { let title: String?; let dueAt: Date; let doneAt: Date? }
    struct Note: Content { let createdAt: Date; let body: String? }
    struct Visit: Content { let scheduledAt: Date; let facility: String?; let status: String; let report: String?; let sharedWithFamily: Bool }

    let caseID: UUID
    let openedAt: Date
    let status: String
    let erasedAt: Date?
    let person: Person
    let consent: Consent
    let contacts: [Contact]
    let timeline: [Event]
    let referral: Referral
    let bonds: [Bond]
    let tasks: [Task]
    let notes: [Note]
    let visits: [Visit]

    static func build(_ req: Request, record: CaseModel) async throws -> CaseExport {
        let id = record.id!, sealer = req.amparo.sealer
        func open(_ value: String?, _ column: SealedColumn, _ row: UUID) -> String? { value.flatMap { try? sealer.open($0, context: column.context(rowID: row)) } }
        let legal = req.visitor.roles?.canRead(.immigrationRecord) == true
        let contacts = try await CaseContactModel.query(on: req.db).filter(\.$caseID == id).sort(\.$createdAt).all()
        let events = try await CaseEventModel.query(on: req.db).filter(\.$caseID == id).sort(\.$occurredAt).all()
        let support = try await CaseSupportViews.Data.load(record, formChoices: false, on: req.db, sealer: req.amparo.sealer)
        let facilities = Dictionary(uniqueKeysWithValues: support.facilities.map { ($0.id!, $0.name) })
        let recorder = try await record.consentBy.asyncFlatMap { try await UserModel.find($0, on: req.db) }.map { req.accounts.name(of: $0) }
        return CaseExport(
            caseID: id, openedAt: record.openedAt, status: record.status, erasedAt: record.erasedAt,
            person: Person(name: open(record.personNameSealed, .casePersonName, id), birthDate: open(record.birthDateSealed, .caseBirthDate, id),
                           phone: open(record.phoneSealed, .casePhone, id), language: record.language,
                           aNumber: legal ? open(record.aNumberSealed, .caseANumber, id) : nil),
            consent: Consent(text: open(record.consentSealed, .caseConsent, id), recordedAt: record.consentAt, recordedBy: recorder),
            contacts: contacts.map {
                Contact(name: open($0.nameSealed, .caseContactName, $0.id!), relationship: open($0.relationshipSealed, .caseContactRelationship, $0.id!),
                        reach: open($0.reachSealed, .caseContactReach, $0.id!), language: $0.language, channel: $0.channel)
            },
            timeline: events.map {
                Event(step: $0.step, occurredAt: $0.occurredAt, place: $0.place, source: $0.source, detainerForm: $0.detainerForm,
                      judicialWarrant: $0.judicialWarrant, jailResponse: $0.jailResponse,
                      detail: open($0.detailSealed, .caseEventDetail, $0.id!), corrected: $0.replacedBy != nil, agency: $0.agency, county: $0.county,
                      probableCause: $0.probableCause, hearingKind: $0.hearingKind, bondStage: $0.bondStage, bondCents: $0.bondCents)
            },
            referral: Referral(organization: record.referralOrganization, attorney: record.referralAttorney, status: record.referralStatus),
            bonds: support.bonds.map {
                Bond(amountCents: $0.amountCents, status: $0.status, requestedAt: $0.requestedAt, paidCents: $0.paidCents, paidAt: $0.paidAt,
                     note: open($0.noteSealed, .bondNote, $0.id!))
            },
            tasks: support.tasks.map { Task(title: open($0.titleSealed, .caseTaskTitle, $0.id!), dueAt: $0.dueAt, doneAt: $0.doneAt) },
            notes: support.notes.map { Note(createdAt: $0.createdAt, body: open($0.bodySealed, .caseNoteBody, $0.id!)) },
            visits: support.visits.map {
                Visit(scheduledAt: $0.scheduledAt, facility: facilities[$0.facilityID], status: $0.status, report: open($0.reportSealed, .visitReport, $0.id!),
                      sharedWithFamily: $0.sharedWithFamily)
            })
    }

    /// The same, as a page that prints cleanly.
    static func page(_ req: Request, _ export: CaseExport) -> Response {
        let l = req.language
        func t(_ text: CasesText) -> String { Text.cases(text).in(l) }
        let time = req.amparo.localTime
        func s(_ text: SupportText) -> String { Text.support(text).in(l) }
        func list(_ items: [[String?]]) -> HTML {
            items.isEmpty ? HTML("<p>—</p>") : HTML("<ul>\(items.map { HTML("<li>\($0.compactMap { $0 }.joined(separator: " · "))</li>") })</ul>")
        }
        func row(_ label: String, _ value: String?) -> HTML { "<dt>\(label)</dt><dd>\(value ?? "—")</dd>" }
        let contacts: [HTML] = export.contacts.map { "<li>\([$0.name, $0.relationship, $0.reach, $0.language, $0.channel].compactMap { $0 }.joined(separator: " · "))</li>" }
        let events: [HTML] = export.timeline.map { event in
            let step = CustodyStep(rawValue: event.step).map { t(.step($0)) } ?? event.step
            let facts = [event.place, event.county, event.agency, event.source, event.detainerForm, event.probableCause, event.jailResponse, event.hearingKind,
                         event.bondCents.map(Cents.format), event.bondStage, event.detail].compactMap { $0 }.joined(separator: " · ")
            let line = "\(time.dateTime(event.occurredAt)) · \(step)\(facts.isEmpty ? "" : " · " + facts)"
            return event.corrected ? "<li><del>\(line)</del> (\(t(.corrected)))</li>" : "<li>\(line)</li>"
        }
        let body: HTML = """
        <h1>\(t(.caseTitle)): \(export.person.name ?? t(.unnamed))</h1>
        \(export.erasedAt == nil ? HTML.empty : HTML("<p class=\"notice\">\(t(.erased))</p>"))
        <h2>\(t(.person))</h2><dl>
        \(row(t(.name), export.person.name))\(row(t(.birthDate), export.person.birthDate))\(row(t(.phone), export.person.phone))
        \(row(t(.language), export.person.language))\(export.person.aNumber.map { row(t(.aNumber), $0) })
        \(row(t(.consent), export.consent.text))\(row(t(.recordedBy), export.consent.recordedBy))
        </dl>
        <h2>\(t(.contacts))</h2>\(contacts.isEmpty ? HTML("<p>\(t(.noContacts))</p>") : HTML("<ul>\(contacts)</ul>"))
        <h2>\(t(.timeline))</h2>\(events.isEmpty ? HTML("<p>\(t(.noEvents))</p>") : HTML("<ol>\(events)</ol>"))
        <h2>\(s(.referral))</h2><p>\([export.referral.organization, export.referral.attorney, export.referral.status].compactMap { $0 }.joined(separator: " · "))</p>
        <h2>\(s(.bondFund))</h2>\(list(export.bonds.map { [Cents.format($0.amountCents), $0.status, $0.paidCents.map(Cents.format), $0.note] }))
        <h2>\(s(.tasks))</h2>\(list(export.tasks.map { [time.dateTime($0.dueAt), $0.title, $0.doneAt.map { _ in s(.done) }] }))
        <h2>\(s(.visits))</h2>\(list(export.visits.map { [time.dateTime($0.scheduledAt), $0.facility, $0.status, $0.report] }))
        <h2>\(s(.notes))</h2>\(list(export.notes.map { [time.dateTime($0.createdAt), $0.body] }))
        """
        return htmlResponse(Layout.page(req, title: t(.caseTitle), body: body), status: .ok)
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
