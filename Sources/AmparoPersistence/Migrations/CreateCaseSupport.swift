import Fluent
import SQLKit

/// What a case needs beyond the timeline: structured facts on events (agency, probable-cause boxes,
/// hearing kind, bond), the legal referral, bond fund requests, tasks with reminders, sealed notes.
struct CreateCaseSupport: AsyncMigration {
    var name: String { "0017_case_support" }

    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        for (field, type) in [("agency", DatabaseSchema.DataType.string), ("probable_cause", .string), ("hearing_kind", .string),
                              ("bond_cents", .int64), ("bond_stage", .string), ("county", .string)] {
            try await database.schema(CaseEventModel.schema).field(.init(stringLiteral: field), type).update()
        }
        // The counts for one county and year.
        try await database.sql.create(index: "case_events_county").on(CaseEventModel.schema).column("county").column("occurred_at").run()
        for field in ["referral_organization", "referral_attorney", "referral_status"] {
            try await database.schema(CaseModel.schema).field(.init(stringLiteral: field), .string).update()
        }
        try await database.schema(BondRequestModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("amount_cents", .int64, .required)
            .field("status", .string, .required)
            .field("requested_by", .uuid, .required, .references(UserModel.schema, "id"))
            .field("requested_at", .datetime, .required)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("paid_cents", .int64)
            .field("paid_at", .datetime)
            .field("note_sealed", .string)
            .create()
        try await database.sql.create(index: "bond_requests_case").on(BondRequestModel.schema).column("case_id").run()
        try await database.schema(CaseTaskModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("title_sealed", .string)
            .field("due_at", .datetime, .required)
            .field("assignee_id", .uuid)
            .field("done_at", .datetime)
            .field("reminded_at", .datetime)
            .field("event_id", .uuid)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "case_tasks_case").on(CaseTaskModel.schema).column("case_id").run()
        // The reminder watch looks for open tasks coming due.
        try await database.sql.create(index: "case_tasks_due").on(CaseTaskModel.schema).column("done_at").column("reminded_at").column("due_at").run()
        try await database.schema(CaseNoteModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("body_sealed", .string)
            .field("author_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "case_notes_case").on(CaseNoteModel.schema).column("case_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [CaseNoteModel.schema, CaseTaskModel.schema, BondRequestModel.schema] { try await database.schema(schema).delete() }
        for field in ["referral_organization", "referral_attorney", "referral_status"] {
            try await database.schema(CaseModel.schema).deleteField(.init(stringLiteral: field)).update()
        }
        for field in ["agency", "probable_cause", "hearing_kind", "bond_cents", "bond_stage", "county"] {
            try await database.schema(CaseEventModel.schema).deleteField(.init(stringLiteral: field)).update()
        }
    }
}
