import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Regions are teams: the lists people choose them from, and reading the choice back.
enum Regions {
    /// "None" first, then each team by its region (or its name when it has no region).
    static func options(_ teams: [TeamModel], none: String) -> [(value: String, label: String)] {
        [(value: "", label: none)] + teams.map { (value: $0.id!.uuidString, label: $0.region.isEmpty ? $0.name : $0.region) }
    }

    /// The team chosen in such a list; nil for "none". An unknown choice is a 422 that says so.
    static func team(fromChoice raw: String?, on db: any Database) async throws -> TeamModel? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw), let team = try await TeamModel.find(id, on: db) else {
            throw UserFacingError(status: .unprocessableEntity, text: .alerts(.errorChoice))
        }
        return team
    }
}
