import Fluent
import SQLKit

/// Public-records requests to agencies: the request, its history (status changes, messages both
/// ways), the documents received.
struct CreateRecordsRequests: AsyncMigration {
    var name: String { "0020_records_requests" }

    func prepare(on database: any Database) async throws {
        try await database.schema(RecordsRequestModel.schema)
            .id()
            .field("state_code", .string, .required)
            .field("agency", .string, .required)
            .field("subject", .string, .required)
            .field("sent_via", .string, .required)
            .field("sent_on", .string, .required)
            .field("status", .string, .required)
            .field("extended", .bool, .required)
            .field("fees_cents", .int64)
            .field("reminded", .string, .required)
            .field("created_by", .uuid, .required, .references(UserModel.schema, "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(RecordsEventModel.schema)
            .id()
            .field("request_id", .uuid, .required, .references(RecordsRequestModel.schema, "id"))
            .field("kind", .string, .required)
            .field("status", .string)
            .field("on_day", .string, .required)
            .field("body_sealed", .string)
            .field("author_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "records_events_request").on(RecordsEventModel.schema).column("request_id").run()
        try await database.schema(RecordsDocumentModel.schema)
            .id()
            .field("request_id", .uuid, .required, .references(RecordsRequestModel.schema, "id"))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("bytes", .data, .required)
            .field("size", .int, .required)
            .field("received_on", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "records_documents_request").on(RecordsDocumentModel.schema).column("request_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [RecordsDocumentModel.schema, RecordsEventModel.schema, RecordsRequestModel.schema] { try await database.schema(schema).delete() }
    }
}
