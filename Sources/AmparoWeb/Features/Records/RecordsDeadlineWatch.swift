import AmparoDomain
import AmparoPersistence
import AmparoWebKit
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
        let store = RecordsStore(db, sealer: services.sealer)
        let today = Day(services.clock.now(), in: services.timeZone)
        var written = 0
        for (request, history) in try await store.open() {
            let missed = RecordsSchedule.missed(request, events: history, today: today)
            guard !missed.isEmpty, let member = try await UserModel.find(request.createdBy.rawValue, on: db), member.disabledAt == nil else { continue }
            let link = services.config.baseURL + SiteURL.recordsRequest(request.id).path
            let notices = try missed.flatMap { deadline in
                try CaseTeam.emails(
                    to: [member], subject: { Text.records(.reminderSubject).in($0) },
                    body: { Text.records(.reminderBody(kind: Text.records(.deadline(deadline.kind)).in($0).lowercased(), due: deadline.due!.description, link: link)).in($0) },
                    purpose: "records.deadline", recordID: request.id.rawValue, services: services, on: db)
            }
            try await store.markReminded(request.id, Set(missed.map(\.kind)), with: notices)
            written += notices.count
        }
        if written > 0 { services.delivery.wake() }
        return written
    }
}
