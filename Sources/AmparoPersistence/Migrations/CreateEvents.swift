import Fluent
import SQLKit

/// Trainings and events with seats, a waiting list, reminders and attendance.
struct CreateEvents: AsyncMigration {
    var name: String { "0023_events" }

    func prepare(on database: any Database) async throws {
        try await database.schema(EventModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("title_en", .string, .required)
            .field("title_es", .string, .required)
            .field("description_en", .string)
            .field("description_es", .string)
            .field("starts_at", .datetime, .required)
            .field("place", .string, .required)
            .field("capacity", .int, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(EventRegistrationModel.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventModel.schema, "id"))
            .field("name_sealed", .string, .required)
            .field("email_sealed", .string, .required)
            .field("email_index", .string, .required)
            .field("language", .string, .required)
            .field("status", .string, .required)
            .field("registered_at", .datetime, .required)
            .field("reminded_at", .datetime)
            .field("attended_at", .datetime)
            .unique(on: "event_id", "email_index")
            .create()
        try await database.sql.create(index: "event_registrations_event").on(EventRegistrationModel.schema).column("event_id").column("status").column("registered_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EventRegistrationModel.schema).delete()
        try await database.schema(EventModel.schema).delete()
    }
}
