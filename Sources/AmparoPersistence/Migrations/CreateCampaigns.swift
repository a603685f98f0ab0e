import Fluent
import SQLKit

/// Campaigns for a place: their timeline, decision makers, and sign-on letters with their
/// signatures (the signer's contact sealed, confirmed by email before it counts).
struct CreateCampaigns: AsyncMigration {
    var name: String { "0021_campaigns" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CampaignModel.schema)
            .id()
            .field("title", .string, .required)
            .field("jurisdiction_id", .uuid, .required, .references(JurisdictionModel.schema, "id"))
            .field("goal", .string, .required)
            .field("status", .string, .required)
            .field("outcome", .string)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(CampaignActionModel.schema)
            .id()
            .field("campaign_id", .uuid, .required, .references(CampaignModel.schema, "id"))
            .field("kind", .string, .required)
            .field("on_day", .string, .required)
            .field("note", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(DecisionMakerModel.schema)
            .id()
            .field("campaign_id", .uuid, .required, .references(CampaignModel.schema, "id"))
            .field("name", .string, .required)
            .field("office", .string, .required)
            .field("public_contact", .string)
            .create()
        try await database.schema(LetterModel.schema)
            .id()
            .field("campaign_id", .uuid, .required, .references(CampaignModel.schema, "id"))
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("open", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(LetterSignatureModel.schema)
            .id()
            .field("letter_id", .uuid, .required, .references(LetterModel.schema, "id"))
            .field("organization", .string, .required)
            .field("signer_type", .string, .required)
            .field("city", .string, .required)
            .field("contact_sealed", .string, .required)
            .field("contact_index", .string, .required)
            .field("confirmed_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "letter_id", "contact_index")
            .create()
        try await database.sql.create(index: "letter_signatures_letter").on(LetterSignatureModel.schema).column("letter_id").column("confirmed_at").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [LetterSignatureModel.schema, LetterModel.schema, DecisionMakerModel.schema, CampaignActionModel.schema, CampaignModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
