import AmparoDomain
import AmparoPersistence
import Fluent
import Foundation
import Vapor

/// Tells the dispatchers on call now (else the fallback group) that the hotline needs them: by text
/// when they have a phone and SMS is set up, else by email. Never what was reported, only that
/// something was, with the link. New reports raise it at most once per `quietPeriod` (in a flood
/// the first text is the one that matters; the open inbox shows the rest); an escalation to
/// emergency raises it every time. One per server: a report is committed by the server that took it.
actor OnCallAlarm {
    let services: AmparoServices
    let database: @Sendable () -> any Database
    static let quietPeriod: TimeInterval = 120
    private var lastNewReports: Date?

    init(services: AmparoServices, database: @escaping @Sendable () -> any Database) {
        self.services = services
        self.database = database
    }

    /// Listens until the server stops.
    func run(logger: Logger) async {
        guard let subscription = services.liveEvents.listen(hereOnly: true) else { return }
        for await event in subscription.events {
            do { try await handle(event) } catch { logger.error("on-call alarm: \(String(reflecting: type(of: error)))") }
        }
    }

    /// The notices one event raises; returns how many were written.
    @discardableResult
    func handle(_ event: LiveEvent) async throws -> Int {
        let now = services.clock.now()
        let base = services.config.baseURL
        switch event {
        case .received:
            if let last = lastNewReports, now.timeIntervalSince(last) < Self.quietPeriod { return 0 }
            lastNewReports = now
            return try await notify(subject: .alarmSubject, body: .alarmBody(base + "/hotline"), recordID: nil)
        case .escalated(let id):
            return try await notify(subject: .escalatedSubject, body: .escalatedBody(base + "/hotline/reports/\(id.rawValue.uuidString)"),
                                    recordID: id.rawValue)
        case .changed, .ping:
            return 0
        }
    }

    private func notify(subject: HotlineText, body: HotlineText, recordID: UUID?) async throws -> Int {
        let db = database()
        let people = try await Self.whoToTell(on: db, services: services)
        guard !people.isEmpty else { return 0 }
        let accounts = Accounts(db: db, services: services)
        let notices = try people.map { member in
            let reach = MemberReach.urgent(member, accounts: accounts, services: services)
            let language = Language(rawValue: member.language ?? "") ?? .es
            return try Notice.make(channel: reach.channel, to: reach.to,
                                   subject: Text.hotline(subject).in(language), body: Text.hotline(body).in(language),
                                   purpose: "hotline.alarm", recordID: recordID, services: services)
        }
        try await db.transaction { db in for notice in notices { try await notice.create(on: db) } }
        services.delivery.wake()
        return notices.count
    }

    /// Dispatchers on call now; with none, the fallback group (a chosen team, or the coordinators).
    static func whoToTell(on db: any Database, services: AmparoServices) async throws -> [UserModel] {
        let calendar = ShiftCalendar(timeZone: services.timeZone)
        let ids = Set(try await OnCallSchedule.now(on: db, calendar: calendar, at: services.clock.now())
            .filter { $0.shift.duty == .dispatcher }.map(\.memberID))
        if !ids.isEmpty {
            let onCall = try await UserModel.query(on: db).filter(\.$id ~~ ids).filter(\.$disabledAt == nil).all()
            if !onCall.isEmpty { return onCall }
        }
        return try await CallFallback.members(on: db)
    }
}
