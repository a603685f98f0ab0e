import AmparoDomain
import Fluent
import Foundation

/// Keeps a case's progress (hold clock, whereabouts) in step with its timeline: called in the
/// transaction that adds or corrects an entry.
public enum CaseProgressWrites {
    public static func refresh(case id: UUID, on db: any Database) async throws {
        guard let record = try await CaseModel.find(id, on: db) else { return }
        let entries = try await CaseEventModel.query(on: db).filter(\.$caseID == id).filter(\.$replacedBy == nil)
            .sort(\.$occurredAt).sort(\.$recordedAt).all().compactMap(\.progressEntry)
        let progress = CaseProgress.from(entries)
        guard progress != record.progress else { return }
        record.record(progress)
        try await record.save(on: db)
    }
}
