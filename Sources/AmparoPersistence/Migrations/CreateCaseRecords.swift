import Fluent
import SQLKit

/// The case record proper: the person (sealed), consent, and the custody timeline. Event places and
/// detainer facts are plain for the anonymous counts; what identifies the person is sealed.
struct CreateCaseRecords: AsyncMigration {
    var name: String { "0013_case_records" }

    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        for (field, type) in [("person_name_sealed", DatabaseSchema.DataType.string), ("birth_date_sealed", .string), ("phone_sealed", .string),
                              ("a_number_sealed", .string), ("language", .string), ("consent_sealed", .string), ("consent_by", .uuid),
                              ("consent_at", .datetime), ("closed_at", .datetime)] {
            try await database.schema(CaseModel.schema).field(.init(stringLiteral: field), type).update()
        }
        try await database.schema(CaseEventModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, "id"))
            .field("step", .string, .required)
            .field("occurred_at", .datetime, .required)
            .field("place", .string)
            .field("provenance", .string)
            .field("detainer_form", .string)
            .field("judicial_warrant", .bool, .required)
            .field("jail_response", .string)
            .field("detail_sealed", .string)
            .field("recorded_by", .uuid, .required, .references(UserModel.schema, "id"))
            .field("recorded_at", .datetime, .required)
            // A correction replaces an event: the old one stays, pointing at its replacement.
            .field("replaced_by", .uuid)
            .create()
        try await database.sql.create(index: "case_events_case").on(CaseEventModel.schema).column("case_id").column("occurred_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseEventModel.schema).delete()
        for field in ["person_name_sealed", "birth_date_sealed", "phone_sealed", "a_number_sealed", "language", "consent_sealed",
                      "consent_by", "consent_at", "closed_at"] {
            try await database.schema(CaseModel.schema).deleteField(.init(stringLiteral: field)).update()
        }
    }
}
