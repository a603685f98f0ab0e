import Fluent

/// Which hold-clock thresholds the legal team was told about, so each is told once per case.
struct CreateHoldAlerts: AsyncMigration {
    var name: String { "0014_hold_alerts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(HoldAlertModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("hold_started_at", .datetime, .required)
            .field("threshold_hours", .int, .required)
            .field("sent_at", .datetime, .required)
            .unique(on: "case_id", "hold_started_at", "threshold_hours")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HoldAlertModel.schema).delete()
    }
}
