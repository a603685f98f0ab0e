import AmparoDomain
import Fluent
import Foundation

/// One request to a responder, as their "my requests" page lists it.
public struct ResponderRequest: Sendable, Equatable, Codable {
    public let dispatchID: UUID
    public let reference: String
    public let state: DispatchState
    public let sentAt: Date
    public let expiresAt: Date
    /// The dispatcher's note, unsealed.
    public let note: String?

    public init(dispatchID: UUID, reference: String, state: DispatchState, sentAt: Date, expiresAt: Date, note: String?) {
        self.dispatchID = dispatchID
        self.reference = reference
        self.state = state
        self.sentAt = sentAt
        self.expiresAt = expiresAt
        self.note = note
    }
}

/// The dispatch queries a responder's pages make.
public struct DispatchStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    /// A responder's requests still to answer or to report on (waiting or accepted, link not
    /// expired, report not closed), newest first.
    public func openRequests(for responder: UserID, now: Date) async throws -> [ResponderRequest] {
        let dispatches = try await DispatchModel.query(on: db).filter(\.$responderID == responder.rawValue)
            .filter(\.$state ~~ [DispatchState.waiting.rawValue, DispatchState.accepted.rawValue])
            .filter(\.$expiresAt > now).sort(\.$createdAt, .descending).limit(50).all()
        guard !dispatches.isEmpty else { return [] }
        let reports = try await ReportModel.query(on: db).filter(\.$id ~~ Set(dispatches.map(\.reportID)))
            .filter(\.$status != ReportStatus.closed.rawValue).all()
        let references = Dictionary(uniqueKeysWithValues: try reports.map { (try $0.requireID(), $0.reference) })
        return try dispatches.compactMap { dispatch in
            let id = try dispatch.requireID()
            guard let reference = references[dispatch.reportID], let state = DispatchState(rawValue: dispatch.state) else { return nil }
            let note = dispatch.noteSealed.flatMap { try? sealer.open($0, context: SealedColumn.dispatchNote.context(rowID: id)) }
            return ResponderRequest(dispatchID: id, reference: reference, state: state, sentAt: dispatch.createdAt,
                                    expiresAt: dispatch.expiresAt, note: note)
        }
    }
}
