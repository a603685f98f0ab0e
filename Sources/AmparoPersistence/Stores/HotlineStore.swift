import AmparoDomain
import Fluent
import Foundation
import SQLKit

/// A report as the inbox lists it, unsealed.
public struct InboxReport: Sendable, Equatable, Codable {
    public let id: ReportID
    public let reference: String
    public let receivedAt: Date
    public let status: ReportStatus
    public let urgency: ReportUrgency
    /// Nil once retention has erased the report's personal data.
    public let place: String?
    /// The first words of what was reported; nil once erased or when nothing was written.
    public let summary: String?
    public let agency: Agency
    /// The name of the member who claimed it.
    public let claimedBy: String?

    public init(id: ReportID, reference: String, receivedAt: Date, status: ReportStatus, urgency: ReportUrgency, place: String?,
                summary: String? = nil, agency: Agency, claimedBy: String?) {
        self.id = id
        self.reference = reference
        self.receivedAt = receivedAt
        self.status = status
        self.urgency = urgency
        self.place = place
        self.summary = summary
        self.agency = agency
        self.claimedBy = claimedBy
    }

    /// What a row shows of a description: its first words, cut at a word, at most about 90 characters.
    public static func firstWords(of text: String, limit: Int = 90) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return nil }
        var shown = ""
        for word in words {
            let next = shown.isEmpty ? String(word) : shown + " " + word
            if next.count > limit { return shown.isEmpty ? String(word.prefix(limit)) + "…" : shown + " …" }
            shown = next
        }
        return shown
    }

    /// New reports first, then by urgency, then newest first.
    public static func inboxOrder(_ a: InboxReport, _ b: InboxReport) -> Bool {
        let aNew = a.status == .new, bNew = b.status == .new
        if aNew != bNew { return aNew }
        if a.urgency != b.urgency { return a.urgency > b.urgency }
        return a.receivedAt > b.receivedAt
    }
}

/// Which reports the inbox asks for. Reports come newest first; `before` continues after the
/// oldest of an earlier page.
public struct InboxQuery: Sendable, Equatable {
    public enum Statuses: Sendable, Equatable {
        /// Open reports and live emergencies (`ReportStatus.isInDefaultView`).
        case open
        case all
        case only(ReportStatus)
    }

    public struct Position: Sendable, Equatable {
        public let receivedAt: Date
        public let id: ReportID

        public init(receivedAt: Date, id: ReportID) {
            self.receivedAt = receivedAt
            self.id = id
        }
    }

    public var statuses: Statuses
    public var receivedSince: Date?
    public var before: Position?
    public var limit: Int

    public init(statuses: Statuses, receivedSince: Date? = nil, before: Position? = nil, limit: Int) {
        self.statuses = statuses
        self.receivedSince = receivedSince
        self.before = before
        self.limit = limit
    }
}

/// The hotline's queries. Every value it returns is already unsealed; nothing sealed leaves it.
public struct HotlineStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    /// One page of reports, newest first, and whether more follow.
    public func inbox(_ query: InboxQuery) async throws -> (reports: [InboxReport], more: Bool) {
        var reports = ReportModel.query(on: db)
        switch query.statuses {
        case .open:
            reports = reports.group(.or) { either in
                either.filter(\.$status ~~ ReportStatus.allCases.filter(\.isOpen).map(\.rawValue)).group(.and) {
                    $0.filter(\.$urgency == ReportUrgency.emergency.rawValue).filter(\.$status ~~ ReportStatus.liveVerdicts.map(\.rawValue))
                }
            }
        case .all: break
        case .only(let status): reports = reports.filter(\.$status == status.rawValue)
        }
        if let since = query.receivedSince { reports = reports.filter(\.$receivedAt >= since) }
        if let before = query.before {
            let at = before.receivedAt, id = before.id.rawValue
            reports = reports.group(.or) { $0.filter(\.$receivedAt < at).group(.and) { $0.filter(\.$receivedAt == at).filter(\.$id < id) } }
        }
        let models = try await reports.sort(\.$receivedAt, .descending).sort(\.$id, .descending).limit(query.limit + 1).all()
        let names = try await memberNames(models.prefix(query.limit).compactMap(\.claimedBy))
        let rows = try models.prefix(query.limit).map { report in
            let id = try report.requireID()
            return InboxReport(
                id: ReportID(id), reference: report.reference, receivedAt: report.receivedAt,
                status: ReportStatus(rawValue: report.status) ?? .new, urgency: ReportUrgency(rawValue: report.urgency) ?? .routine,
                place: report.placeSealed.flatMap { try? sealer.open($0, context: SealedColumn.reportPlace.context(rowID: id)) },
                summary: report.whatSealed.flatMap { try? sealer.open($0, context: SealedColumn.reportWhat.context(rowID: id)) }
                    .flatMap { InboxReport.firstWords(of: $0) },
                agency: Agency(rawValue: report.agency) ?? .unknown, claimedBy: report.claimedBy.flatMap { names[$0] })
        }
        return (rows, models.count > query.limit)
    }

    /// The coarse state of the report with this (normalized) reference code, if there is one.
    public func publicState(reference: String) async throws -> PublicReportState? {
        try await ReportModel.query(on: db).filter(\.$reference == reference).first()
            .map { PublicReportState(ReportStatus(rawValue: $0.status) ?? .closed) }
    }

    /// Members' names by id, unsealed.
    func memberNames(_ ids: [UUID]) async throws -> [UUID: String] {
        try await UserModel.names(of: Set(ids), on: db, sealer: sealer)
    }
}
