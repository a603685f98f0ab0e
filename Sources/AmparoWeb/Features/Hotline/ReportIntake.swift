import AmparoDomain
import AmparoPersistence
import Fluent
import Vapor

/// Stores public reports with group commit: each request waits for the transaction that holds its
/// report, so a 2xx always means stored, while under a flood one commit (one fsync) serves every
/// report that arrived during the previous one. One writer also suits SQLite, which has one anyway.
actor ReportIntake {
    private typealias Pending = (report: ReportModel, done: CheckedContinuation<Void, any Error>)
    private var pending: [Pending] = []
    private var flushing = false
    private let database: @Sendable () -> any Database
    private let newReference: @Sendable () -> String
    static let maxBatch = 512

    init(database: @escaping @Sendable () -> any Database, newReference: @escaping @Sendable () -> String) {
        self.database = database
        self.newReference = newReference
    }

    func store(_ report: ReportModel) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
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
                let reports = batch.map(\.report)
                try await database().transaction { db in try await reports.create(on: db) }
                batch.forEach { $0.done.resume() }
            } catch {
                // A batch fails as a whole (say, two reports drew the same reference code, about
                // once in 10^11): store them one by one so only a report that really fails fails.
                for item in batch { await storeAlone(item) }
            }
        }
        flushing = false
    }

    private func storeAlone(_ item: Pending) async {
        do {
            try await item.report.create(on: database())
            item.done.resume()
        } catch {
            item.report.reference = newReference()
            do {
                try await item.report.create(on: database())
                item.done.resume()
            } catch {
                item.done.resume(throwing: error)
            }
        }
    }
}
