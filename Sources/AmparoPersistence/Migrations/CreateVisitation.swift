import Fluent
import SQLKit

/// The visitation program: facilities with their visiting rules, visitors' training and
/// languages, visits and their reports; timeline events may point at a facility.
struct CreateVisitation: AsyncMigration {
    var name: String { "0018_visitation" }

    func prepare(on database: any Database) async throws {
        try await database.schema(FacilityModel.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("city", .string)
            .field("state", .string)
            .field("county", .string)
            .field("visiting_hours", .string)
            .field("id_rules", .string)
            .field("dress_code", .string)
            .field("approval", .string)
            .field("languages", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "name", "state")
            .create()
        try await database.schema(VisitorProfileModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("trained_on", .string)
            .field("languages", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
        try await database.schema(VisitModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("facility_id", .uuid, .required, .references(FacilityModel.schema, "id"))
            .field("visitor_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("scheduled_at", .datetime, .required)
            .field("status", .string, .required)
            .field("report_sealed", .string)
            .field("shared_with_family", .bool, .required)
            .field("reported_at", .datetime)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "visits_case").on(VisitModel.schema).column("case_id").run()
        try await database.sql.create(index: "visits_visitor").on(VisitModel.schema).column("visitor_id").column("scheduled_at").run()
        try await database.schema(CaseEventModel.schema).field("facility_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseEventModel.schema).deleteField("facility_id").update()
        for schema in [VisitModel.schema, VisitorProfileModel.schema, FacilityModel.schema] { try await database.schema(schema).delete() }
    }
}
