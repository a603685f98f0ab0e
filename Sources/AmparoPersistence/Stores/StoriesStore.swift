import AmparoDomain
import Fluent
import Foundation

/// Where and when a story happened, who was involved and what came of it: what the public and
/// reviewers see of it besides its text.
public struct StoryFacts: Sendable, Equatable, Codable {
    public let state: String
    public let county: String?
    /// "2025-06"
    public let happenedIn: String?
    public let agencies: [StoryAgency]
    public let outcome: StoryOutcome?

    public init(state: String, county: String?, happenedIn: String?, agencies: [StoryAgency], outcome: StoryOutcome?) {
        self.state = state
        self.county = county
        self.happenedIn = happenedIn
        self.agencies = agencies
        self.outcome = outcome
    }
}

/// A story as published: the reviewer's edited text, the name the teller chose (or none).
public struct PublishedStory: Sendable, Equatable, Codable {
    public let text: String
    public let name: String?
    public let facts: StoryFacts

    public init(text: String, name: String?, facts: StoryFacts) {
        self.text = text
        self.name = name
        self.facts = facts
    }
}

/// A story in the review queue.
public struct StoryLine: Sendable, Equatable, Codable {
    public let id: StoryID
    public let receivedAt: Date
    public let facts: StoryFacts
    public let status: StoryStatus

    public init(id: StoryID, receivedAt: Date, facts: StoryFacts, status: StoryStatus) {
        self.id = id
        self.receivedAt = receivedAt
        self.facts = facts
        self.status = status
    }
}

/// A story as its reviewer reads it: the teller's words, name and contact unsealed.
public struct StoryDetail: Sendable, Equatable, Codable {
    public let id: StoryID
    public let facts: StoryFacts
    public let status: StoryStatus
    public let body: String
    public let name: String?
    public let reach: String?
    public let consentToPublish: Bool
    public let publishedText: String?
    public let publishedName: String?

    public init(id: StoryID, facts: StoryFacts, status: StoryStatus, body: String, name: String?, reach: String?, consentToPublish: Bool,
                publishedText: String?, publishedName: String?) {
        self.id = id
        self.facts = facts
        self.status = status
        self.body = body
        self.name = name
        self.reach = reach
        self.consentToPublish = consentToPublish
        self.publishedText = publishedText
        self.publishedName = publishedName
    }
}

/// A story as told through the public form.
public struct NewStory: Sendable, Equatable {
    public let facts: StoryFacts
    public let body: String
    public let name: String?
    public let reach: String?
    public let consentToPublish: Bool
    public let language: Language

    public init(facts: StoryFacts, body: String, name: String?, reach: String?, consentToPublish: Bool, language: Language) {
        self.facts = facts
        self.body = body
        self.name = name
        self.reach = reach
        self.consentToPublish = consentToPublish
        self.language = language
    }
}

/// The stories' queries. A story's text, name and contact are sealed until an organizer
/// publishes a reviewed text; only this store opens them.
public struct StoriesStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    /// Published stories, the latest reviewed first.
    public func published(limit: Int) async throws -> [PublishedStory] {
        try await StoryModel.query(on: db).filter(\.$status == StoryStatus.published.rawValue).sort(\.$reviewedAt, .descending).limit(limit).all()
            .map { PublishedStory(text: $0.publishedText ?? "", name: $0.publishedName, facts: Self.facts($0)) }
    }

    /// Every story, newest first.
    public func queue(limit: Int) async throws -> [StoryLine] {
        try await StoryModel.query(on: db).sort(\.$receivedAt, .descending).limit(limit).all().map {
            StoryLine(id: StoryID(try $0.requireID()), receivedAt: $0.receivedAt, facts: Self.facts($0), status: StoryStatus(rawValue: $0.status) ?? .received)
        }
    }

    public func story(_ id: StoryID) async throws -> StoryDetail? {
        guard let story = try await StoryModel.find(id.rawValue, on: db) else { return nil }
        let row = id.rawValue
        return StoryDetail(
            id: id, facts: Self.facts(story), status: StoryStatus(rawValue: story.status) ?? .received,
            body: (try? sealer.open(story.bodySealed, context: SealedColumn.storyBody.context(rowID: row))) ?? "",
            name: story.displayNameSealed.flatMap { try? sealer.open($0, context: SealedColumn.storyName.context(rowID: row)) },
            reach: story.reachSealed.flatMap { try? sealer.open($0, context: SealedColumn.storyReach.context(rowID: row)) },
            consentToPublish: story.consentToPublish, publishedText: story.publishedText, publishedName: story.publishedName)
    }

    public func submit(_ new: NewStory, at now: Date) async throws {
        let id = UUID()
        let story = StoryModel(id: id, stateCode: new.facts.state, agencies: Set(new.facts.agencies.map(\.rawValue)).sorted().joined(separator: ","),
                               bodySealed: try sealer.seal(new.body, context: SealedColumn.storyBody.context(rowID: id)),
                               consentToPublish: new.consentToPublish, language: new.language.rawValue, receivedAt: now)
        story.county = new.facts.county
        story.happenedIn = new.facts.happenedIn
        story.outcome = new.facts.outcome?.rawValue
        story.displayNameSealed = try new.name.map { try sealer.seal($0, context: SealedColumn.storyName.context(rowID: id)) }
        story.reachSealed = try new.reach.map { try sealer.seal($0, context: SealedColumn.storyReach.context(rowID: id)) }
        try await story.create(on: db)
    }

    /// Publishes the reviewed text under the given name (nil: anonymous), or with nil declines.
    public func decide(_ id: StoryID, publish: (text: String, name: String?)?, by reviewer: UserID, at now: Date) async throws -> StoryStatus {
        guard let story = try await StoryModel.find(id.rawValue, on: db) else { return .received }
        let status: StoryStatus = publish == nil ? .declined : .published
        story.status = status.rawValue
        story.publishedText = publish?.text
        story.publishedName = publish?.name
        story.reviewedBy = reviewer.rawValue
        story.reviewedAt = now
        try await story.save(on: db)
        return status
    }

    static func facts(_ story: StoryModel) -> StoryFacts {
        let codes = Set(story.agencies.split(separator: ",").map(String.init))
        return StoryFacts(state: story.stateCode, county: story.county, happenedIn: story.happenedIn,
                          agencies: StoryAgency.allCases.filter { codes.contains($0.rawValue) }, outcome: story.outcome.flatMap(StoryOutcome.init(rawValue:)))
    }
}
