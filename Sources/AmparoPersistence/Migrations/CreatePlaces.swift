import AmparoDomain
import Fluent
import Foundation
import SQLKit

/// The places registry: states (seeded with their FIPS codes), counties and cities; law
/// enforcement agencies; ICE's 287(g) agreements as each imported list shows them, with what
/// each import added and removed; policies with their history and sources.
struct CreatePlaces: AsyncMigration {
    var name: String { "0019_places" }

    func prepare(on database: any Database) async throws {
        try await database.schema(JurisdictionModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("state_code", .string, .required)
            .field("fips", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "kind", "state_code", "name_key")
            .create()
        try await database.schema(AgencyModel.schema)
            .id()
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("kind", .string)
            .field("state_code", .string, .required)
            .field("county_id", .uuid, .references(JurisdictionModel.schema, "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "state_code", "name_key")
            .create()
        try await database.schema(AgreementImportModel.schema)
            .id()
            .field("list", .string, .required)
            .field("file_name", .string, .required)
            .field("file_digest", .string, .required)
            .field("imported_by", .string, .required)
            .field("imported_at", .datetime, .required)
            .field("rows", .int, .required)
            .field("added", .int, .required)
            .field("removed", .int, .required)
            .field("unchanged", .int, .required)
            .create()
        try await database.schema(AgreementRecordModel.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(AgencyModel.schema, "id"))
            .field("model", .string, .required)
            .field("list", .string, .required)
            .field("status", .string, .required)
            .field("signed_on", .string)
            .field("moa_link", .string)
            .field("first_import_id", .uuid, .required, .references(AgreementImportModel.schema, "id"))
            .field("last_import_id", .uuid, .required, .references(AgreementImportModel.schema, "id"))
            .field("ended_import_id", .uuid, .references(AgreementImportModel.schema, "id"))
            .create()
        try await database.sql.create(index: "agreements_agency").on(AgreementRecordModel.schema).column("agency_id").run()
        try await database.schema(AgreementChangeModel.schema)
            .id()
            .field("import_id", .uuid, .required, .references(AgreementImportModel.schema, "id"))
            .field("agreement_id", .uuid, .required, .references(AgreementRecordModel.schema, "id"))
            .field("change", .string, .required)
            .create()
        try await database.sql.create(index: "agreement_changes_import").on(AgreementChangeModel.schema).column("import_id").run()
        try await database.schema(PolicyModel.schema)
            .id()
            .field("jurisdiction_id", .uuid, .required, .references(JurisdictionModel.schema, "id"))
            .field("kind", .string, .required)
            .field("position", .string, .required)
            .field("criteria", .string)
            .field("instrument", .string, .required)
            .field("effective_on", .string, .required)
            .field("document_url", .string)
            .field("recorded_by", .uuid, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "policies_place").on(PolicyModel.schema).column("jurisdiction_id").column("kind").column("effective_on").run()
        let now = Date()
        for state in USState.all {
            try await JurisdictionModel(kind: "state", name: state.name, stateCode: state.code, fips: state.fips, createdAt: now).create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [PolicyModel.schema, AgreementChangeModel.schema, AgreementRecordModel.schema, AgreementImportModel.schema,
                       AgencyModel.schema, JurisdictionModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
