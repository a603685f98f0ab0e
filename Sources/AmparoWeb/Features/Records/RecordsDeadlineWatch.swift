import AmparoDomain
import AmparoPersistence
import Fluent
import Vapor

/// Every minute: for each open request, a deadline the agency let pass is reminded once, by email,
/// to the member who sent the request (to follow up, or to appeal).
struct RecordsDeadlineWatch: Sendable {
    let services: AmparoServices
    let database: @Sendable () -> any Database

    @discardableResult
    func check() async throws -> Int {
        let db = database()
        let today = Day(services.clock.now(), in: services.config.timeZone)
        let open = try await RecordsRequestModel.query(on: db).filter(\.$status !~ RecordsStatus.allCases.filter(\.isClosed).map(\.rawValue)).all()
        guard !open.isEmpty else { return 0 }
        let events = Dictionary(grouping: try await RecordsEventModel.query(on: db).filter(\.$requestID ~~ open.compactMap(\.id)).all(), by: \.requestID)
        var written = 0
        for request in open {
            let reminded = Set(request.reminded.split(separator: ",").map(String.init))
            let history = events[request.id!] ?? []
            let missed = RecordsSchedule.deadlines(request, events: history).filter { deadline in
                deadline.kind != .mayClose && !reminded.contains(deadline.kind.rawValue) && (deadline.due.map { $0 < today } ?? false)
                    && !RecordsSchedule.met(deadline, events: history)
            }
            guard !missed.isEmpty, let member = try await UserModel.find(request.createdBy, on: db), member.disabledAt == nil else { continue }
            let link = "\(services.config.baseURL)/records/\(request.id!.uuidString)"
            let notices = try missed.flatMap { deadline in
                try CaseTeam.emails(
                    to: [member], subject: { Text.records(.reminderSubject).in($0) },
                    body: { Text.records(.reminderBody(kind: Text.records(.deadline(deadline.kind)).in($0).lowercased(), due: deadline.due!.description, link: link)).in($0) },
                    purpose: "records.deadline", recordID: request.id, services: services, on: db)
            }
            request.reminded = (reminded.union(missed.map(\.kind.rawValue))).sorted().joined(separator: ",")
            try await db.transaction { db in
                try await request.save(on: db)
                for notice in notices { try await notice.create(on: db) }
            }
            written += notices.count
        }
        if written > 0 { services.delivery.wake() }
        return written
    }
}
