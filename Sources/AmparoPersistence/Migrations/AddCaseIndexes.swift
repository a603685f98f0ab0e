import Fluent
import SQLKit

/// Indexes for a network with tens of thousands of cases: a team's case list, and the counts by period.
struct AddCaseIndexes: AsyncMigration {
    var name: String { "0016_case_indexes" }

    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "cases_team_opened").on(CaseModel.schema).column("team_id").column("opened_at").run()
        try await database.sql.create(index: "case_events_occurred").on(CaseEventModel.schema).column("occurred_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "case_events_occurred").run()
        try await database.sql.drop(index: "cases_team_opened").run()
    }
}
