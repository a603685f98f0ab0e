import Fluent
import SQLKit

/// ICE's detainer records, imported as counts: facilities (with the county a person confirmed),
/// and tallies per facility and month and per state and nation. Rows themselves are not kept.
struct CreateEvidence: AsyncMigration {
    var name: String { "0025_evidence" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DetainerImportModel.schema)
            .id()
            .field("file_name", .string, .required)
            .field("file_digest", .string, .required)
            .field("release", .string)
            .field("status", .string, .required)
            .field("message", .string)
            .field("bytes_total", .int64, .required)
            .field("bytes_read", .int64, .required)
            .field("rows_read", .int, .required)
            .field("rows_imported", .int, .required)
            .field("rows_rejected", .int, .required)
            .field("problems", .string)
            .field("sheets", .string)
            .field("first_month", .int)
            .field("last_month", .int)
            .field("imported_by", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        try await database.schema(DetainerFacilityModel.schema)
            .id()
            .field("state_code", .string, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("city", .string, .required)
            .field("aor", .string, .required)
            .field("match_status", .string, .required)
            .field("proposed_jurisdiction_id", .uuid)
            .field("jurisdiction_id", .uuid)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .unique(on: "state_code", "code")
            .create()
        // Tallies have no id: they are only ever summed.
        try await database.schema("detainer_tallies")
            .field("import_id", .uuid, .required)
            .field("facility_id", .uuid)
            .field("area", .string)
            .field("month", .int, .required)
            .field("criminality", .int, .required)
            .field("threat", .int, .required)
            .field("outcome", .int, .required)
            .field("count", .int, .required)
            .field("current", .bool, .required)
            .create()
        try await database.schema("detainer_charge_tallies")
            .field("import_id", .uuid, .required)
            .field("facility_id", .uuid)
            .field("area", .string)
            .field("month", .int, .required)
            .field("charge", .int, .required)
            .field("count", .int, .required)
            .field("current", .bool, .required)
            .create()
        let sql = database.sql
        for table in ["detainer_tallies", "detainer_charge_tallies"] {
            try await sql.raw("CREATE INDEX \(ident: table + "_facility") ON \(ident: table) (facility_id, month)").run()
            try await sql.raw("CREATE INDEX \(ident: table + "_area") ON \(ident: table) (area, month)").run()
            try await sql.raw("CREATE INDEX \(ident: table + "_import") ON \(ident: table) (import_id, month)").run()
        }
        try await sql.raw("CREATE INDEX detainer_facilities_jurisdiction ON detainer_facilities (jurisdiction_id)").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["detainer_charge_tallies", "detainer_tallies", DetainerFacilityModel.schema, DetainerImportModel.schema] {
            try await database.schema(table).delete()
        }
    }
}
