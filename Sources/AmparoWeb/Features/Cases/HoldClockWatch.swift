import AmparoDomain
import AmparoPersistence
import Fluent
import Vapor

/// Every minute: for each open case whose person is held on a detainer alone, tell the legal team
/// (the case team's legal members, else every legal member, else the coordinators: never nobody)
/// each time the hold crosses one of the configured thresholds, once, by email and by the phone
/// channel each one chose where they have a phone and it is set up (`MemberReach`). The message names no one: it links to the case.
struct HoldClockWatch: Sendable {
    let services: AmparoServices
    let database: @Sendable () -> any Database

    /// Returns how many notices it wrote.
    @discardableResult
    func check() async throws -> Int {
        let db = database()
        let now = services.clock.now()
        let thresholds = services.config.holdAlertHours
        // The holds running on a detainer alone, as the case keeps them (`CaseProgressWrites`): no
        // timeline is read, however many cases the group has.
        let cases = try await CaseModel.query(on: db).filter(\.$closedAt == nil)
            .filter(\.$holdStartedAt != nil).filter(\.$holdEndedAt == nil).all()
        var written = 0
        for record in cases {
            guard let clock = record.progress.hold, clock.isAlarm else { continue }
            let crossed = clock.crossed(thresholds, at: now)
            guard let highest = crossed.last else { continue }
            let told = try await HoldAlertModel.query(on: db).filter(\.$caseID == record.id!).filter(\.$holdStartedAt == clock.startedAt).all()
                .map(\.thresholdHours)
            let fresh = crossed.filter { !told.contains($0) }
            guard !fresh.isEmpty else { continue }
            // One message for what was crossed since the last look (after a quiet night: 24 and 36 at once).
            let recipients = try await CaseTeam.holdRecipients(of: record, on: db)
            let link = "\(services.config.baseURL)/cases/\(record.id!.uuidString)"
            let body = { (language: Language) in Text.cases(.holdAlertBody(hours: highest, link: link)).in(language) }
            let notices = try CaseTeam.emails(
                to: recipients, subject: { Text.cases(.holdAlertSubject(highest)).in($0) }, body: body, purpose: "case.hold", recordID: record.id,
                services: services, on: db)
                + CaseTeam.texts(to: recipients, body: body, purpose: "case.hold", recordID: record.id, services: services, on: db)
            let marks = fresh.map { HoldAlertModel(caseID: record.id!, holdStartedAt: clock.startedAt, thresholdHours: $0, sentAt: now) }
            try await db.transaction { db in
                for mark in marks { try await mark.create(on: db) }
                for notice in notices { try await notice.create(on: db) }
            }
            try await services.audit.append(on: db, actor: "system", action: "case.hold_alert.\(highest)", recordType: "case", recordID: record.id!.uuidString)
            // The log names who was told, so nobody can think someone else had it.
            for member in recipients {
                try await services.audit.append(on: db, actor: "system", action: "case.hold_alert.told", recordType: "user", recordID: try member.requireID().uuidString)
            }
            written += notices.count
        }
        if written > 0 { services.delivery.wake() }
        return written
    }
}
