import Foundation

public enum RecordsRequestEntity {}
public enum RecordsDocumentEntity {}
public typealias RecordsRequestID = TypedID<RecordsRequestEntity>
public typealias RecordsDocumentID = TypedID<RecordsDocumentEntity>

/// How a request reached the agency.
public enum RecordsChannel: String, CaseIterable, Codable, Sendable {
    case email, portal, mail, fax, inPerson = "in_person"
}

/// A public-records request the group sent to an agency.
public struct RecordsRequest: Sendable, Equatable, Codable {
    public let id: RecordsRequestID
    /// Whose law governs it (the agency's state).
    public let state: String
    public let agency: String
    public let subject: String
    public let sentVia: RecordsChannel
    public let sentOn: Day
    public let status: RecordsStatus
    /// The agency gave written notice of an extension (California's 14 days).
    public let extended: Bool
    public let feesCents: Int?
    /// Deadlines already reminded.
    public let reminded: Set<DeadlineKind>
    public let createdBy: UserID
    public let createdAt: Date

    public init(id: RecordsRequestID, state: String, agency: String, subject: String, sentVia: RecordsChannel, sentOn: Day,
                status: RecordsStatus, extended: Bool, feesCents: Int?, reminded: Set<DeadlineKind>, createdBy: UserID, createdAt: Date) {
        self.id = id
        self.state = state
        self.agency = agency
        self.subject = subject
        self.sentVia = sentVia
        self.sentOn = sentOn
        self.status = status
        self.extended = extended
        self.feesCents = feesCents
        self.reminded = reminded
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// Something that happened on a request: a status change (which may start or end a pause), or a
/// message to or from the agency.
public struct RecordsEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case status(RecordsStatus)
        case sent
        case received
    }

    public let kind: Kind
    public let onDay: Day
    /// The note or message, unsealed; nil when none was written (or it cannot be opened).
    public let body: String?
    public let authorID: UserID
    public let createdAt: Date

    public init(kind: Kind, onDay: Day, body: String?, authorID: UserID, createdAt: Date) {
        self.kind = kind
        self.onDay = onDay
        self.body = body
        self.authorID = authorID
        self.createdAt = createdAt
    }

    public var status: RecordsStatus? {
        if case .status(let status) = kind { return status }
        return nil
    }
}

/// A request's clock from its history.
public enum RecordsSchedule {
    /// The pauses: from each step to fee-asked or clarification-asked, until the next step.
    public static func pauses(_ events: [RecordsEvent]) -> [RecordsClock.Pause] {
        let steps = events.filter { $0.status != nil }.sorted { ($0.onDay, $0.createdAt) < ($1.onDay, $1.createdAt) }
        var pauses: [RecordsClock.Pause] = []
        for (index, step) in steps.enumerated() where step.status?.waitsForRequester == true {
            pauses.append(.init(from: step.onDay, until: steps.dropFirst(index + 1).first?.onDay))
        }
        return pauses
    }

    public static func deadlines(_ request: RecordsRequest, events: [RecordsEvent]) -> [RecordsClock.Deadline] {
        guard let law = RecordsLaw.law(for: request.state) else { return [] }
        return RecordsClock(law: law).deadlines(sent: request.sentOn, pauses: pauses(events), extended: request.extended)
    }

    /// Whether the agency did, by the due day, what the deadline asks: any answer acknowledges; a
    /// written status (a message from the agency) or an answer on the records meets the others (a
    /// fee notice does not: it stops the clock).
    public static func met(_ deadline: RecordsClock.Deadline, events: [RecordsEvent]) -> Bool {
        guard let due = deadline.due, deadline.kind != .mayClose else { return false }
        let answers: Set<RecordsStatus> = deadline.kind == .acknowledge
            ? [.acknowledged, .processing, .fixNeeded, .paymentNeeded, .partial, .done, .rejected, .noDocuments]
            : [.partial, .done, .rejected, .noDocuments]
        return events.contains { event in
            guard event.onDay <= due else { return false }
            return event.kind == .received || event.status.map(answers.contains) == true
        }
    }

    /// The deadlines the agency let pass before `today` that nobody was reminded of yet.
    public static func missed(_ request: RecordsRequest, events: [RecordsEvent], today: Day) -> [RecordsClock.Deadline] {
        deadlines(request, events: events).filter { deadline in
            deadline.kind != .mayClose && !request.reminded.contains(deadline.kind) && (deadline.due.map { $0 < today } ?? false)
                && !met(deadline, events: events)
        }
    }
}
