import Fluent

/// County outlines for the US map, projected and simplified on import.
struct CreateCountyShapes: AsyncMigration {
    var name: String { "0024_county_shapes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CountyShapeModel.schema)
            .id()
            .field("fips", .string, .required)
            .field("name", .string, .required)
            .field("path", .string, .required)
            .unique(on: "fips")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(CountyShapeModel.schema).delete() }
}
