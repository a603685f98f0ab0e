import AmparoDomain
import Fluent
import Foundation

/// A document the agency sent, without its bytes.
public struct RecordsDocumentLine: Sendable, Equatable, Codable {
    public let id: RecordsDocumentID
    public let fileName: String
    public let size: Int
    public let receivedOn: Day

    public init(id: RecordsDocumentID, fileName: String, size: Int, receivedOn: Day) {
        self.id = id
        self.fileName = fileName
        self.size = size
        self.receivedOn = receivedOn
    }
}

/// A document's bytes, to download.
public struct RecordsDocumentFile: Sendable {
    public let fileName: String
    public let bytes: Data
}

/// The records requests' queries. Notes and messages come out unsealed; nothing sealed leaves it.
public struct RecordsStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    /// The newest requests first, each with its status changes (what the list's next due day needs).
    public func list(limit: Int) async throws -> [(request: RecordsRequest, steps: [RecordsEvent])] {
        let models = try await RecordsRequestModel.query(on: db).sort(\.$createdAt, .descending).limit(limit).all()
        let steps = try await events(of: models.compactMap(\.id), kinds: ["status"])
        return try models.map { model in
            let request = try Self.request(model)
            return (request, steps[request.id] ?? [])
        }
    }

    public func request(_ id: RecordsRequestID) async throws -> RecordsRequest? {
        try await RecordsRequestModel.find(id.rawValue, on: db).map(Self.request)
    }

    /// Open requests with their whole histories (what the deadline watch checks).
    public func open() async throws -> [(request: RecordsRequest, events: [RecordsEvent])] {
        let closed = RecordsStatus.allCases.filter(\.isClosed).map(\.rawValue)
        let models = try await RecordsRequestModel.query(on: db).filter(\.$status !~ closed).all()
        let events = try await events(of: models.compactMap(\.id))
        return try models.map { model in
            let request = try Self.request(model)
            return (request, events[request.id] ?? [])
        }
    }

    /// A request's history, in the order things happened.
    public func history(of id: RecordsRequestID) async throws -> [RecordsEvent] {
        try await events(of: [id.rawValue])[id] ?? []
    }

    public func documents(of id: RecordsRequestID) async throws -> [RecordsDocumentLine] {
        try await RecordsDocumentModel.query(on: db).filter(\.$requestID == id.rawValue)
            .field(\.$id).field(\.$fileName).field(\.$size).field(\.$receivedOn).field(\.$requestID).field(\.$contentType).field(\.$createdAt)
            .sort(\.$receivedOn).all()
            .map { RecordsDocumentLine(id: RecordsDocumentID(try $0.requireID()), fileName: $0.fileName, size: $0.size, receivedOn: Day($0.receivedOn) ?? Day(1970, 1, 1)) }
    }

    /// A document of this request (nil when the id names another request's).
    public func document(_ id: RecordsDocumentID, of request: RecordsRequestID) async throws -> RecordsDocumentFile? {
        guard let model = try await RecordsDocumentModel.find(id.rawValue, on: db), model.requestID == request.rawValue else { return nil }
        return RecordsDocumentFile(fileName: model.fileName, bytes: model.bytes)
    }

    /// Members' names by id, unsealed.
    public func memberNames(_ ids: Set<UserID>) async throws -> [UserID: String] {
        Dictionary(uniqueKeysWithValues: try await UserModel.names(of: Set(ids.map(\.rawValue)), on: db, sealer: sealer).map { (UserID($0.key), $0.value) })
    }

    // MARK: Writes

    public func create(state: String, agency: String, subject: String, via: RecordsChannel, sentOn: Day, by author: UserID, at now: Date) async throws -> RecordsRequestID {
        let model = RecordsRequestModel(stateCode: state, agency: agency, subject: subject, sentVia: via.rawValue, sentOn: sentOn.description,
                                        createdBy: author.rawValue, createdAt: now)
        try await model.create(on: db)
        return RecordsRequestID(try model.requireID())
    }

    /// A status change on a day, with its note (sealed), the fees an agency asked and its extension
    /// notice, in one transaction.
    public func changeStatus(_ id: RecordsRequestID, to next: RecordsStatus, on day: Day, note: String?, feesCents: Int?, extended: Bool,
                             by author: UserID, at now: Date) async throws {
        guard let request = try await RecordsRequestModel.find(id.rawValue, on: db) else { return }
        let event = try event(id, kind: "status", on: day, body: note, by: author, at: now)
        event.status = next.rawValue
        request.status = next.rawValue
        if let feesCents { request.feesCents = feesCents }
        if extended { request.extended = true }
        try await db.transaction { db in
            try await event.create(on: db)
            try await request.save(on: db)
        }
    }

    /// A message sent to or received from the agency, sealed.
    public func addMessage(_ id: RecordsRequestID, received: Bool, on day: Day, body: String, by author: UserID, at now: Date) async throws {
        try await event(id, kind: received ? "received" : "sent", on: day, body: body, by: author, at: now).create(on: db)
    }

    public func addDocument(_ id: RecordsRequestID, fileName: String, contentType: String, bytes: Data, receivedOn: Day, at now: Date) async throws {
        try await RecordsDocumentModel(requestID: id.rawValue, fileName: fileName, contentType: contentType, bytes: bytes,
                                       receivedOn: receivedOn.description, createdAt: now).create(on: db)
    }

    /// Marks deadlines as reminded and writes the reminders with them, in one transaction.
    public func markReminded(_ id: RecordsRequestID, _ kinds: Set<DeadlineKind>, with notices: [NoticeModel]) async throws {
        guard let request = try await RecordsRequestModel.find(id.rawValue, on: db) else { return }
        request.reminded = Set(request.reminded.split(separator: ",").map(String.init)).union(kinds.map(\.rawValue)).sorted().joined(separator: ",")
        try await db.transaction { db in
            try await request.save(on: db)
            for notice in notices { try await notice.create(on: db) }
        }
    }

    // MARK: Reading models

    private func event(_ id: RecordsRequestID, kind: String, on day: Day, body: String?, by author: UserID, at now: Date) throws -> RecordsEventModel {
        let event = RecordsEventModel(requestID: id.rawValue, kind: kind, onDay: day.description, authorID: author.rawValue, createdAt: now)
        event.bodySealed = try body.map { try sealer.seal($0, context: SealedColumn.recordsEventBody.context(rowID: try event.requireID())) }
        return event
    }

    private func events(of requests: [UUID], kinds: [String]? = nil) async throws -> [RecordsRequestID: [RecordsEvent]] {
        guard !requests.isEmpty else { return [:] }
        var query = RecordsEventModel.query(on: db).filter(\.$requestID ~~ requests)
        if let kinds { query = query.filter(\.$kind ~~ kinds) }
        let models = try await query.sort(\.$onDay).sort(\.$createdAt).all()
        var byRequest: [RecordsRequestID: [RecordsEvent]] = [:]
        for model in models {
            guard let event = try self.event(model) else { continue }
            byRequest[RecordsRequestID(model.requestID), default: []].append(event)
        }
        return byRequest
    }

    private func event(_ model: RecordsEventModel) throws -> RecordsEvent? {
        let id = try model.requireID()
        let kind: RecordsEvent.Kind
        switch model.kind {
        case "status":
            guard let status = model.status.flatMap(RecordsStatus.init(rawValue:)) else { return nil }
            kind = .status(status)
        case "sent": kind = .sent
        default: kind = .received
        }
        guard let day = Day(model.onDay) else { return nil }
        let body = model.bodySealed.flatMap { try? sealer.open($0, context: SealedColumn.recordsEventBody.context(rowID: id)) }
        return RecordsEvent(kind: kind, onDay: day, body: body, authorID: UserID(model.authorID), createdAt: model.createdAt)
    }

    static func request(_ model: RecordsRequestModel) throws -> RecordsRequest {
        RecordsRequest(
            id: RecordsRequestID(try model.requireID()), state: model.stateCode, agency: model.agency, subject: model.subject,
            sentVia: RecordsChannel(rawValue: model.sentVia) ?? .email, sentOn: Day(model.sentOn) ?? Day(1970, 1, 1),
            status: RecordsStatus(rawValue: model.status) ?? .submitted, extended: model.extended, feesCents: model.feesCents,
            reminded: Set(model.reminded.split(separator: ",").compactMap { DeadlineKind(rawValue: String($0)) }),
            createdBy: UserID(model.createdBy), createdAt: model.createdAt)
    }
}
