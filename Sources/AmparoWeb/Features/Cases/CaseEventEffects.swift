import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// What a new timeline entry sets going, in the transaction that records it: a hearing ahead gets a
/// preparation task three days before; a move to another facility marks the visits planned
/// elsewhere to plan again and tells the visitation team.
enum CaseEventEffects {
    static let hearingLeadTime: TimeInterval = 3 * 86_400

    /// Returns the notices written (the caller wakes delivery once the transaction is in).
    static func apply(_ event: CaseEventModel, record: CaseModel, language: Language, services: AmparoServices, on db: any Database) async throws -> Int {
        let now = services.clock.now()
        if event.step == CustodyStep.hearing.rawValue, event.occurredAt > now {
            let task = CaseTaskModel(caseID: record.id!, dueAt: max(now, event.occurredAt.addingTimeInterval(-hearingLeadTime)),
                                     createdBy: event.recordedBy, createdAt: now)
            let when = services.localTime.dateTime(event.occurredAt)
            task.titleSealed = try services.sealer.seal(Text.support(.hearingTask(when)).in(language), context: SealedColumn.caseTaskTitle.context(rowID: task.id!))
            task.eventID = event.id
            try await task.create(on: db)
        }
        guard let entry = location(event) else { return 0 }
        let earlier = try await CaseEventModel.query(on: db).filter(\.$caseID == record.id!).filter(\.$replacedBy == nil)
            .filter(\.$id != event.id!).all().compactMap(location)
        guard CustodyLocation.isMove(entry, after: earlier) else { return 0 }
        // Visits planned at another facility cannot happen there any more.
        let planned = try await VisitModel.query(on: db).filter(\.$caseID == record.id!).filter(\.$status == VisitStatus.scheduled.rawValue).all()
        for visit in planned where visit.facilityID != event.facilityID {
            visit.status = VisitStatus.moved.rawValue
            try await visit.save(on: db)
        }
        let recipients = try await visitationTeam(of: record, on: db)
        let link = "\(services.config.baseURL)/cases/\(record.id!.uuidString)"
        let facility = event.place ?? "—"
        let notices = try CaseTeam.emails(
            to: recipients, subject: { Text.support(.transferSubject).in($0) }, body: { Text.support(.transferBody(facility: facility, link: link)).in($0) },
            purpose: "case.transfer", recordID: record.id, services: services, on: db)
        for notice in notices { try await notice.create(on: db) }
        return notices.count
    }

    /// The step and place of an entry that puts the person somewhere known.
    static func location(_ event: CaseEventModel) -> CustodyLocation.Entry? {
        guard let step = CustodyStep(rawValue: event.step), let place = event.facilityID?.uuidString ?? event.place?.lowercased() else { return nil }
        return CustodyLocation.Entry(step: step, at: event.occurredAt, place: place)
    }

    /// The visitors who have visited or will visit the person, and the visitors of the case's team.
    static func visitationTeam(of record: CaseModel, on db: any Database) async throws -> [UserModel] {
        let assigned = Set(try await VisitModel.query(on: db).filter(\.$caseID == record.id!).all().map(\.visitorID))
        let team = record.teamID == nil ? [] : try await CaseTeam.members(of: record, roles: [.visitor], on: db)
        let ids = assigned.union(team.compactMap(\.id))
        guard !ids.isEmpty else { return [] }
        return try await UserModel.query(on: db).filter(\.$id ~~ ids).filter(\.$disabledAt == nil).all()
    }
}
