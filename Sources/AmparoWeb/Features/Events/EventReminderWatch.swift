import AmparoDomain
import AmparoPersistence
import Fluent
import Foundation

/// Every minute: those with a seat at an event starting within a day get one reminder.
struct EventReminderWatch: Sendable {
    let services: AmparoServices
    let database: @Sendable () -> any Database

    @discardableResult
    func check() async throws -> Int {
        let store = EventsStore(database(), sealer: services.sealer), now = services.clock.now(), mail = EventMail(services: services)
        let due = try await store.dueReminders(at: now, within: 86_400)
        for (event, registration) in due {
            let notice = try mail.notice(.reminder, event: event, registration: registration.id, language: registration.language, to: registration.email)
            try await store.markReminded(registration.id, at: now, with: notice)
        }
        if !due.isEmpty { services.delivery.wake() }
        return due.count
    }
}
