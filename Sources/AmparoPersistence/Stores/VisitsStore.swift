import AmparoDomain
import Fluent
import Foundation

/// What a facility's record says: its place and what a visitor must know to get in. Public facts.
public struct FacilityFacts: Sendable, Equatable, Codable {
    public var name: String
    public var kind: FacilityKind
    public var city: String?
    public var county: String?
    public var state: String
    public var visitingHours: String?
    public var idRules: String?
    public var dressCode: String?
    public var approval: String?
    public var languages: String?

    public init(name: String, kind: FacilityKind, city: String?, county: String?, state: String, visitingHours: String?, idRules: String?,
                dressCode: String?, approval: String?, languages: String?) {
        self.name = name
        self.kind = kind
        self.city = city
        self.county = county
        self.state = state
        self.visitingHours = visitingHours
        self.idRules = idRules
        self.dressCode = dressCode
        self.approval = approval
        self.languages = languages
    }
}

public struct Facility: Sendable, Equatable, Codable {
    public let id: FacilityID
    public let facts: FacilityFacts

    public init(id: FacilityID, facts: FacilityFacts) {
        self.id = id
        self.facts = facts
    }
}

/// A member with the visitor role: when they were trained (none: not yet, not sent on visits) and
/// the languages they speak.
public struct VisitorLine: Sendable, Equatable, Codable {
    public let id: UserID
    public let name: String
    /// "2025-05-16".
    public let trainedOn: String?
    public let languages: String?

    public init(id: UserID, name: String, trainedOn: String?, languages: String?) {
        self.id = id
        self.name = name
        self.trainedOn = trainedOn
        self.languages = languages
    }
}

/// One of a visitor's own visits, as their list shows it.
public struct MyVisitLine: Sendable, Equatable, Codable {
    public let id: VisitID
    public let scheduledAt: Date
    /// The person visited; nil when the case has no name recorded.
    public let person: String?
    public let facility: String?
    public let status: VisitStatus

    public init(id: VisitID, scheduledAt: Date, person: String?, facility: String?, status: VisitStatus) {
        self.id = id
        self.scheduledAt = scheduledAt
        self.person = person
        self.facility = facility
        self.status = status
    }
}

/// What a visitor needs for one visit, and nothing more about the case: the person's name and
/// language, where they are now, the facility and its rules, and the visitor's own report.
public struct VisitDetail: Sendable, Equatable, Codable {
    public let id: VisitID
    public let scheduledAt: Date
    public let status: VisitStatus
    public let person: String?
    public let personLanguage: String?
    /// Where the timeline has placed the person since the visit was planned, if it has.
    public let whereNow: String?
    public let facility: FacilityFacts
    public let report: String?
    public let sharedWithFamily: Bool

    public init(id: VisitID, scheduledAt: Date, status: VisitStatus, person: String?, personLanguage: String?, whereNow: String?,
                facility: FacilityFacts, report: String?, sharedWithFamily: Bool) {
        self.id = id
        self.scheduledAt = scheduledAt
        self.status = status
        self.person = person
        self.personLanguage = personLanguage
        self.whereNow = whereNow
        self.facility = facility
        self.report = report
        self.sharedWithFamily = sharedWithFamily
    }
}

/// The visitation program: the facilities' registry, the visitors and their training, and visits
/// from planning to the visitor's report (sealed; opened only here).
public struct VisitsStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    // MARK: Facilities

    /// By state, then name.
    public func facilities() async throws -> [Facility] {
        try await FacilityModel.query(on: db).sort(\.$state).sort(\.$name).all().map(Self.facility)
    }

    public func facility(_ id: FacilityID) async throws -> Facility? {
        try await FacilityModel.find(id.rawValue, on: db).map(Self.facility)
    }

    /// Adds a facility (`id` nil) or rewrites one; false when another facility in the state has that name.
    public func saveFacility(_ facts: FacilityFacts, id: FacilityID?, at now: Date) async throws -> FacilityID? {
        let clash = try await FacilityModel.query(on: db).filter(\.$name == facts.name).filter(\.$state == facts.state).first()
        if let clash, clash.id != id?.rawValue { return nil }
        let model: FacilityModel
        if let id {
            guard let found = try await FacilityModel.find(id.rawValue, on: db) else { return nil }
            model = found
        } else {
            model = FacilityModel(name: facts.name, kind: facts.kind.rawValue, updatedAt: now)
        }
        model.name = facts.name
        model.kind = facts.kind.rawValue
        model.city = facts.city
        model.county = facts.county
        model.state = facts.state
        model.visitingHours = facts.visitingHours
        model.idRules = facts.idRules
        model.dressCode = facts.dressCode
        model.approval = facts.approval
        model.languages = facts.languages
        model.updatedAt = now
        try await model.save(on: db)
        return FacilityID(try model.requireID())
    }

    static func facility(_ model: FacilityModel) throws -> Facility {
        Facility(id: FacilityID(try model.requireID()), facts: FacilityFacts(
            name: model.name, kind: FacilityKind(rawValue: model.kind) ?? .countyJail, city: model.city, county: model.county,
            state: model.state ?? "", visitingHours: model.visitingHours, idRules: model.idRules, dressCode: model.dressCode,
            approval: model.approval, languages: model.languages))
    }

    // MARK: Visitors

    /// Members holding the visitor role who are not disabled, by name.
    public func visitors() async throws -> [VisitorLine] {
        let users = try await UserModel.active(holdingAnyOf: [.visitor], on: db)
        let profiles = try await VisitorProfileModel.query(on: db).filter(\.$userID ~~ users.compactMap(\.id)).all()
        let byUser = Dictionary(profiles.map { ($0.userID, $0) }, uniquingKeysWith: { first, _ in first })
        return try users.map { user in
            let id = try user.requireID()
            return VisitorLine(id: UserID(id), name: user.name(openedWith: sealer), trainedOn: byUser[id]?.trainedOn, languages: byUser[id]?.languages)
        }
        .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    /// Only trained visitors are sent on a visit.
    public func trainedVisitors() async throws -> [VisitorLine] {
        try await visitors().filter { $0.trainedOn != nil }
    }

    /// The profile of an active visitor (nil when the member is not one); a visitor without a
    /// profile yet has none, not trained. Opens no name.
    private func visitorProfile(_ id: UserID) async throws -> (profile: VisitorProfileModel?, isVisitor: Bool) {
        guard let user = try await UserModel.find(id.rawValue, on: db), user.roles.contains(.visitor), user.disabledAt == nil
        else { return (nil, false) }
        return (try await VisitorProfileModel.query(on: db).filter(\.$userID == id.rawValue).first(), true)
    }

    /// False when the member is not an active visitor.
    public func saveVisitor(_ id: UserID, trainedOn: Day?, languages: String?, at now: Date) async throws -> Bool {
        let found = try await visitorProfile(id)
        guard found.isVisitor else { return false }
        let profile = found.profile ?? VisitorProfileModel(userID: id.rawValue, updatedAt: now)
        profile.trainedOn = trainedOn?.description
        profile.languages = languages
        profile.updatedAt = now
        try await profile.save(on: db)
        return true
    }

    // MARK: Visits

    /// A visitor's own visits, newest first.
    public func visits(of visitor: UserID, limit: Int) async throws -> [MyVisitLine] {
        let visits = try await VisitModel.query(on: db).filter(\.$visitorID == visitor.rawValue).sort(\.$scheduledAt, .descending).limit(limit).all()
        let cases = try await CaseModel.query(on: db).filter(\.$id ~~ Set(visits.map(\.caseID))).all()
        let people = Dictionary(uniqueKeysWithValues: try cases.map { (try $0.requireID(), personName($0)) })
        let facilities = try await FacilityModel.query(on: db).filter(\.$id ~~ Set(visits.map(\.facilityID))).all()
        let places = Dictionary(uniqueKeysWithValues: try facilities.map { (try $0.requireID(), $0.name) })
        return try visits.map { visit in
            MyVisitLine(id: VisitID(try visit.requireID()), scheduledAt: visit.scheduledAt, person: people[visit.caseID] ?? nil,
                        facility: places[visit.facilityID], status: VisitStatus(rawValue: visit.status) ?? .scheduled)
        }
    }

    /// The visit if it is this visitor's; nil otherwise, as if absent.
    public func visit(_ id: VisitID, of visitor: UserID) async throws -> VisitDetail? {
        guard let visit = try await VisitModel.find(id.rawValue, on: db), visit.visitorID == visitor.rawValue,
              let record = try await CaseModel.find(visit.caseID, on: db),
              let facility = try await FacilityModel.find(visit.facilityID, on: db) else { return nil }
        let placing = try await CaseEventModel.query(on: db).filter(\.$caseID == visit.caseID).filter(\.$replacedBy == nil)
            .filter(\.$step ~~ CustodyLocation.placing.map(\.rawValue)).sort(\.$occurredAt, .descending).first()
        return VisitDetail(
            id: id, scheduledAt: visit.scheduledAt, status: VisitStatus(rawValue: visit.status) ?? .scheduled, person: personName(record),
            personLanguage: record.language, whereNow: placing?.place, facility: try Self.facility(facility).facts,
            report: visit.reportSealed.flatMap { try? sealer.open($0, context: SealedColumn.visitReport.context(rowID: id.rawValue)) },
            sharedWithFamily: visit.sharedWithFamily)
    }

    /// After the visit: how it went and the visitor's words (sealed), and whether the family may hear them.
    public func report(_ id: VisitID, outcome: VisitStatus, text: String?, sharedWithFamily: Bool, at now: Date) async throws {
        guard let visit = try await VisitModel.find(id.rawValue, on: db) else { return }
        visit.status = outcome.rawValue
        visit.reportSealed = try text.map { try sealer.seal($0, context: SealedColumn.visitReport.context(rowID: id.rawValue)) }
        visit.sharedWithFamily = sharedWithFamily
        visit.reportedAt = now
        try await visit.save(on: db)
    }

    public enum Planned: Sendable, Equatable {
        case planned(VisitID), noSuchFacility, notATrainedVisitor
    }

    /// Plans a visit of a case by a trained visitor at a facility of the registry.
    public func schedule(case caseID: UUID, facility: FacilityID, visitor: UserID, at when: Date, by member: UserID, now: Date) async throws -> Planned {
        guard try await FacilityModel.find(facility.rawValue, on: db) != nil else { return .noSuchFacility }
        guard try await visitorProfile(visitor).profile?.trainedOn != nil else { return .notATrainedVisitor }
        let visit = VisitModel(caseID: caseID, facilityID: facility.rawValue, visitorID: visitor.rawValue, scheduledAt: when,
                               createdBy: member.rawValue, createdAt: now)
        try await visit.create(on: db)
        return .planned(VisitID(try visit.requireID()))
    }

    /// Cancels a case's visit if it is still planned; false when nothing changed.
    public func cancel(_ id: VisitID, of caseID: UUID) async throws -> Bool {
        guard let visit = try await VisitModel.find(id.rawValue, on: db), visit.caseID == caseID,
              visit.status == VisitStatus.scheduled.rawValue else { return false }
        visit.status = VisitStatus.cancelled.rawValue
        try await visit.save(on: db)
        return true
    }

    private func personName(_ record: CaseModel) -> String? {
        guard let id = record.id else { return nil }
        return record.personNameSealed.flatMap { try? sealer.open($0, context: SealedColumn.casePersonName.context(rowID: id)) }
    }
}
