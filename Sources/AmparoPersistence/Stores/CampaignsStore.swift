import AmparoDomain
import Fluent
import Foundation

/// A campaign: its target place, goal, where it stands and what came of it.
public struct CampaignRecord: Sendable, Equatable, Codable {
    public let id: CampaignID
    public let title: String
    /// Nil if the place is gone from the registry.
    public let place: PlaceRecord?
    public let goal: CampaignGoal
    public let status: CampaignStatus
    public let outcome: String?

    public init(id: CampaignID, title: String, place: PlaceRecord?, goal: CampaignGoal, status: CampaignStatus, outcome: String?) {
        self.id = id
        self.title = title
        self.place = place
        self.goal = goal
        self.status = status
        self.outcome = outcome
    }
}

/// A step on a campaign's timeline.
public struct CampaignStep: Sendable, Equatable, Codable {
    public let kind: CampaignActionKind
    public let onDay: Day
    public let note: String?

    public init(kind: CampaignActionKind, onDay: Day, note: String?) {
        self.kind = kind
        self.onDay = onDay
        self.note = note
    }
}

/// A decision maker a campaign addresses, with their public contact.
public struct DecisionMaker: Sendable, Equatable, Codable {
    public let name: String
    public let office: String
    public let publicContact: String?

    public init(name: String, office: String, publicContact: String?) {
        self.name = name
        self.office = office
        self.publicContact = publicContact
    }
}

/// A sign-on letter.
public struct LetterRecord: Sendable, Equatable, Codable {
    public let id: LetterID
    public let campaign: CampaignID
    public let title: String
    public let body: String
    public let open: Bool
    /// Confirmed signatures.
    public let signatures: Int

    public init(id: LetterID, campaign: CampaignID, title: String, body: String, open: Bool, signatures: Int) {
        self.id = id
        self.campaign = campaign
        self.title = title
        self.body = body
        self.open = open
        self.signatures = signatures
    }
}

/// An organization that signed a letter (never its contact).
public struct LetterSigner: Sendable, Equatable, Codable {
    public let organization: String
    public let type: SignerType
    public let city: String
    public let confirmedAt: Date?

    public init(organization: String, type: SignerType, city: String, confirmedAt: Date?) {
        self.organization = organization
        self.type = type
        self.city = city
        self.confirmedAt = confirmedAt
    }
}

/// A signature as its confirmation link finds it.
public struct PendingSignature: Sendable, Equatable {
    public let id: UUID
    public let letter: LetterID
    public let organization: String
    public let confirmed: Bool
}

/// The campaigns' and letters' queries. Signers' contacts are sealed and never leave it.
public struct CampaignsStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    /// Every campaign, newest first.
    public func campaigns() async throws -> [CampaignRecord] {
        let models = try await CampaignModel.query(on: db).sort(\.$createdAt, .descending).all()
        let places = try await self.places(Set(models.map(\.jurisdictionID)))
        return try models.map { try Self.campaign($0, place: places[$0.jurisdictionID]) }
    }

    public func campaign(_ id: CampaignID) async throws -> CampaignRecord? {
        guard let model = try await CampaignModel.find(id.rawValue, on: db) else { return nil }
        return try Self.campaign(model, place: try await places([model.jurisdictionID])[model.jurisdictionID])
    }

    public func steps(of id: CampaignID) async throws -> [CampaignStep] {
        try await CampaignActionModel.query(on: db).filter(\.$campaignID == id.rawValue).sort(\.$onDay).all().compactMap { action in
            guard let kind = CampaignActionKind(rawValue: action.kind), let day = Day(action.onDay) else { return nil }
            return CampaignStep(kind: kind, onDay: day, note: action.note)
        }
    }

    public func decisionMakers(of id: CampaignID) async throws -> [DecisionMaker] {
        try await DecisionMakerModel.query(on: db).filter(\.$campaignID == id.rawValue).sort(\.$name).all()
            .map { DecisionMaker(name: $0.name, office: $0.office, publicContact: $0.publicContact) }
    }

    /// A campaign's letters, oldest first, with their confirmed signatures counted.
    public func letters(of id: CampaignID) async throws -> [LetterRecord] {
        try await counted(try await LetterModel.query(on: db).filter(\.$campaignID == id.rawValue).sort(\.$createdAt).all())
    }

    /// Letters open for signing, newest first: what the public home page offers.
    public func openLetters(limit: Int) async throws -> [LetterRecord] {
        try await counted(try await LetterModel.query(on: db).filter(\.$open == true).sort(\.$createdAt, .descending).limit(limit).all())
    }

    private func counted(_ letters: [LetterModel]) async throws -> [LetterRecord] {
        let ids = try letters.map { try $0.requireID() }
        let confirmed = ids.isEmpty ? [] : try await LetterSignatureModel.query(on: db).filter(\.$letterID ~~ ids).filter(\.$confirmedAt != nil).all()
        let counts = Dictionary(grouping: confirmed, by: \.letterID).mapValues(\.count)
        return try letters.map { try Self.letter($0, signatures: counts[try $0.requireID()] ?? 0) }
    }

    public func letter(_ id: LetterID) async throws -> LetterRecord? {
        guard let model = try await LetterModel.find(id.rawValue, on: db) else { return nil }
        let count = try await LetterSignatureModel.query(on: db).filter(\.$letterID == id.rawValue).filter(\.$confirmedAt != nil).count()
        return try Self.letter(model, signatures: count)
    }

    /// Confirmed signers, by organization.
    public func signers(of letter: LetterID) async throws -> [LetterSigner] {
        try await LetterSignatureModel.query(on: db).filter(\.$letterID == letter.rawValue).filter(\.$confirmedAt != nil).sort(\.$organization).all()
            .map { LetterSigner(organization: $0.organization, type: SignerType(rawValue: $0.signerType) ?? .other, city: $0.city, confirmedAt: $0.confirmedAt) }
    }

    /// A place typed as on the places pages: "OR" or "OR / Marion County".
    public func place(typed text: String) async throws -> PlaceRecord? {
        let parts = text.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, let state = USState.find(first) else { return nil }
        if parts.count == 2 {
            return try await JurisdictionModel.query(on: db).filter(\.$kind == "county").filter(\.$stateCode == state.code)
                .filter(\.$nameKey == Normalized.words(parts[1])).first().map(PlaceRecord.init)
        }
        return try await JurisdictionModel.query(on: db).filter(\.$kind == "state").filter(\.$stateCode == state.code).first().map(PlaceRecord.init)
    }

    // MARK: Writes

    public func create(title: String, place: PlaceID, goal: CampaignGoal, by author: UserID, at now: Date) async throws -> CampaignID {
        let model = CampaignModel(title: title, jurisdictionID: place.rawValue, goal: goal.rawValue, createdBy: author.rawValue, createdAt: now)
        try await model.create(on: db)
        return CampaignID(try model.requireID())
    }

    public func add(_ step: CampaignStep, to id: CampaignID, at now: Date) async throws {
        try await CampaignActionModel(campaignID: id.rawValue, kind: step.kind.rawValue, onDay: step.onDay.description, note: step.note, createdAt: now).create(on: db)
    }

    public func add(_ official: DecisionMaker, to id: CampaignID) async throws {
        try await DecisionMakerModel(campaignID: id.rawValue, name: official.name, office: official.office, publicContact: official.publicContact).create(on: db)
    }

    /// Where a campaign stands and what came of it; a won campaign's policy goes into its place's
    /// history in the same transaction.
    public func setStatus(_ status: CampaignStatus, outcome: String?, of id: CampaignID, policy: NewPolicy?) async throws {
        guard let campaign = try await CampaignModel.find(id.rawValue, on: db) else { return }
        campaign.status = status.rawValue
        campaign.outcome = outcome
        try await db.transaction { db in
            try await campaign.save(on: db)
            try await policy.map(PolicyModel.init)?.create(on: db)
        }
    }

    public func addLetter(to id: CampaignID, title: String, body: String, at now: Date) async throws {
        try await LetterModel(campaignID: id.rawValue, title: title, body: body, createdAt: now).create(on: db)
    }

    /// The signature this contact already made on the letter, if any.
    public func signature(of letter: LetterID, contact email: String) async throws -> PendingSignature? {
        try await LetterSignatureModel.query(on: db).filter(\.$letterID == letter.rawValue)
            .filter(\.$contactIndex == sealer.blindIndex(email, kind: .email)).first().map(Self.pending)
    }

    /// A new signature, unconfirmed, with the message carrying its confirmation link, in one
    /// transaction. `notice` is given the signature's id.
    public func sign(_ letter: LetterID, organization: String, type: SignerType, city: String, contact email: String, at now: Date,
                     notice: (UUID) throws -> NoticeModel) async throws {
        let id = UUID()
        let signature = LetterSignatureModel(id: id, letterID: letter.rawValue, organization: organization, signerType: type.rawValue, city: city,
                                             contactSealed: try sealer.seal(email, context: SealedColumn.letterSignatureContact.context(rowID: id)),
                                             contactIndex: sealer.blindIndex(email, kind: .email), createdAt: now)
        let message = try notice(id)
        try await db.transaction { db in
            try await signature.create(on: db)
            try await message.create(on: db)
        }
    }

    /// Sends a signature's confirmation link again.
    public func queue(_ notice: NoticeModel) async throws {
        try await notice.create(on: db)
    }

    public func pendingSignature(_ id: UUID) async throws -> PendingSignature? {
        try await LetterSignatureModel.find(id, on: db).map(Self.pending)
    }

    public func confirmSignature(_ id: UUID, at now: Date) async throws {
        try await LetterSignatureModel.query(on: db).filter(\.$id == id).filter(\.$confirmedAt == nil).set(\.$confirmedAt, to: now).update()
    }

    /// Deletes signatures never confirmed, with their contacts, made before `cutoff`.
    public func purgeUnconfirmedSignatures(before cutoff: Date) async throws -> Int {
        let stale = try await LetterSignatureModel.query(on: db).filter(\.$confirmedAt == nil).filter(\.$createdAt < cutoff).all()
        try await LetterSignatureModel.query(on: db).filter(\.$id ~~ stale.compactMap(\.id)).delete()
        return stale.count
    }

    // MARK: Reading models

    private func places(_ ids: Set<UUID>) async throws -> [UUID: PlaceRecord] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await JurisdictionModel.query(on: db).filter(\.$id ~~ ids).all().map { (try $0.requireID(), try PlaceRecord($0)) })
    }

    static func campaign(_ model: CampaignModel, place: PlaceRecord?) throws -> CampaignRecord {
        CampaignRecord(id: CampaignID(try model.requireID()), title: model.title, place: place, goal: CampaignGoal(rawValue: model.goal) ?? .end287g,
                       status: CampaignStatus(rawValue: model.status) ?? .active, outcome: model.outcome)
    }

    static func letter(_ model: LetterModel, signatures: Int) throws -> LetterRecord {
        LetterRecord(id: LetterID(try model.requireID()), campaign: CampaignID(model.campaignID), title: model.title, body: model.body, open: model.open,
                     signatures: signatures)
    }

    static func pending(_ model: LetterSignatureModel) throws -> PendingSignature {
        PendingSignature(id: try model.requireID(), letter: LetterID(model.letterID), organization: model.organization, confirmed: model.confirmedAt != nil)
    }
}
