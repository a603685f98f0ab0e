import AmparoDomain
import AmparoPersistence
import Fluent
import Vapor

/// Stores public reports with group commit: each request waits for the transaction that holds its
/// report, so a 2xx always means stored, while under a flood one commit (one fsync) serves every
/// report that arrived during the previous one. One writer also suits SQLite, which has one anyway.
actor ReportIntake {
    private typealias Pending = (report: NewReport, done: CheckedContinuation<String, any Error>)
    private var pending: [Pending] = []
    private var flushing = false
    private let database: @Sendable () -> any Database
    private let newReference: @Sendable () -> String
    /// Told how many reports each commit stored (open inboxes and the on-call alarm listen).
    private let committed: @Sendable (Int) -> Void
    static let maxBatch = 512

    init(database: @escaping @Sendable () -> any Database, newReference: @escaping @Sendable () -> String,
         committed: @escaping @Sendable (Int) -> Void) {
        self.database = database
        self.newReference = newReference
        self.committed = committed
    }

    /// Returns once the report is committed, with its reference code (a new one in the rare case
    /// that the first was taken).
    func store(_ report: NewReport) async throws -> String {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<String, any Error>) in
            pending.append((report, done))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    private func flush() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(Self.maxBatch))
            pending.removeFirst(batch.count)
            do {
                try await ReportWrites.insert(batch.map(\.report), on: database())
                batch.forEach { $0.done.resume(returning: $0.report.reference) }
                committed(batch.count)
            } catch {
                // A batch fails as a whole (say, two reports drew the same reference code, about
                // once in 10^11): store them one by one so only a report that really fails fails.
                for item in batch { await storeAlone(item) }
            }
        }
        flushing = false
    }

    private func storeAlone(_ item: Pending) async {
        var report = item.report
        do {
            try await ReportWrites.insert([report], on: database())
            item.done.resume(returning: report.reference)
            committed(1)
        } catch {
            report.reference = newReference()
            do {
                try await ReportWrites.insert([report], on: database())
                item.done.resume(returning: report.reference)
                committed(1)
            } catch {
                item.done.resume(throwing: error)
            }
        }
    }
}
