import AmparoDomain
import Fluent
import SQLKit

/// The case list's urgency without reading every timeline: the hold clock and where the person is
/// now, kept on the case; and an index for the hearings ahead.
struct AddCaseProgress: AsyncMigration {
    var name: String { "0027_case_progress" }

    static let columns: [(FieldKey, DatabaseSchema.DataType)] = [
        ("hold_started_at", .datetime), ("hold_ended_at", .datetime), ("hold_warrant", .bool),
        ("whereabouts_step", .string), ("whereabouts_facility_id", .uuid), ("whereabouts_place", .string),
    ]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        for (key, type) in Self.columns { try await database.schema(CaseModel.schema).field(key, type).update() }
        // Partial: an index on (step, occurred_at) would tempt the planner away from case_id in the
        // counts' per-case subqueries (SQLite took minutes on 1,000,000 entries).
        try await database.sql.raw("CREATE INDEX case_events_hearings ON \(ident: CaseEventModel.schema) (occurred_at) WHERE step = 'hearing'").run()
        // Existing cases: computed once from their timelines.
        let ids = try await CaseModel.query(on: database).all(\.$id)
        for id in ids { try await CaseProgressWrites.refresh(case: id, on: database) }
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "case_events_hearings").run()
        for (key, _) in Self.columns.reversed() { try await database.schema(CaseModel.schema).deleteField(key).update() }
    }
}
