import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Every minute: each open task due within a day is reminded once, by email, to whoever it is
/// assigned to, or to the case workers and legal team of the case when no one is.
struct TaskReminderWatch: Sendable {
    static let lead: TimeInterval = 86_400
    let services: AmparoServices
    let database: @Sendable () -> any Database

    @discardableResult
    func check() async throws -> Int {
        let db = database()
        let now = services.clock.now()
        let due = try await CaseTaskModel.query(on: db).filter(\.$doneAt == nil).filter(\.$remindedAt == nil)
            .filter(\.$dueAt <= now.addingTimeInterval(Self.lead)).limit(500).all()
        guard !due.isEmpty else { return 0 }
        let cases = Dictionary(uniqueKeysWithValues: try await CaseModel.query(on: db).filter(\.$id ~~ Set(due.map(\.caseID))).all().map { ($0.id!, $0) })
        var written = 0
        for task in due {
            guard let record = cases[task.caseID], record.closedAt == nil, record.erasedAt == nil else {
                task.remindedAt = now
                try await task.save(on: db)
                continue
            }
            let recipients: [UserModel]
            if let assignee = task.assigneeID, let user = try await UserModel.find(assignee, on: db), user.disabledAt == nil {
                recipients = [user]
            } else {
                recipients = try await CaseTeam.members(of: record, roles: [.caseWorker, .legal], on: db)
            }
            let link = "\(services.config.baseURL)/cases/\(record.id!.uuidString)"
            let when = services.localTime.dateTime(task.dueAt)
            let notices = try CaseTeam.emails(
                to: recipients, subject: { Text.support(.taskReminderSubject).in($0) }, body: { Text.support(.taskReminderBody(due: when, link: link)).in($0) },
                purpose: "case.task", recordID: record.id, services: services, on: db)
            task.remindedAt = now
            try await db.transaction { db in
                try await task.save(on: db)
                for notice in notices { try await notice.create(on: db) }
            }
            written += notices.count
        }
        if written > 0 { services.delivery.wake() }
        return written
    }
}
