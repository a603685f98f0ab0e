import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Who answers the hotline when no dispatcher is on call: a team a coordinator chose on the shifts
/// page, or else every coordinator.
enum CallFallback {
    static func members(on db: any Database) async throws -> [UserModel] {
        if let teamID = try await OrganizationModel.query(on: db).first()?.callFallbackTeamID,
           let team = try await TeamModel.query(on: db).filter(\.$id == teamID).with(\.$members).first() {
            return team.members.filter { !$0.isDisabled }
        }
        return try await UserModel.active(holdingAnyOf: [.coordinator], on: db)
    }

    struct Choice: Content { var fallbackTeam: String? }

    static func set(req: Request) async throws -> Response {
        let team = try await Regions.team(fromChoice: try req.content.decode(Choice.self).fallbackTeam, on: req.db)
        guard let organization = try await OrganizationModel.query(on: req.db).first() else { throw Abort(.conflict, reason: "Set up Amparo first.") }
        organization.callFallbackTeamID = team?.id
        try await organization.save(on: req.db)
        try await req.audit("hotline.fallback", recordType: "team", recordID: team?.id?.uuidString ?? "coordinators")
        return req.redirect(to: "/shifts", notice: "saved")
    }
}
