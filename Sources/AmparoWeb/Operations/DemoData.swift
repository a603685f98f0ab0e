import AmparoDomain
import AmparoPersistence
import Fluent
import Vapor

/// A realistic, entirely fictional data set for trying Amparo out: an organization, teams for the
/// hotline, visitation and campaigns, and one member for each role, each with an invitation link
/// (no default passwords, even in a demo).
extension Operations {
    static let demoTeams: [(name: String, region: String)] = [
        ("Eastside Rapid Response", "Eastside"),
        ("River County Rapid Response", "River County"),
        ("Valley Visitation Program", "Valley Detention Center"),
        ("Policy and Campaigns", "Statewide"),
    ]

    /// Phone numbers in the 555-01xx range, which is reserved for fiction.
    static let demoMembers: [(name: String, email: String, roles: RoleSet, teams: [String])] = [
        ("Lucía Demo Herrera", "lucia.herrera@demo.amparo.invalid", [.coordinator], ["Eastside Rapid Response", "River County Rapid Response"]),
        ("Marcus Demo Bell", "marcus.bell@demo.amparo.invalid", [.dispatcher], ["Eastside Rapid Response"]),
        ("Ana Demo Quintero", "ana.quintero@demo.amparo.invalid", [.responder], ["Eastside Rapid Response"]),
        ("Tomás Demo Ibarra", "tomas.ibarra@demo.amparo.invalid", [.responder], ["River County Rapid Response"]),
        ("Grace Demo Okafor", "grace.okafor@demo.amparo.invalid", [.caseWorker], ["River County Rapid Response"]),
        ("Samuel Demo Reyes", "samuel.reyes@demo.amparo.invalid", [.legal], []),
        ("Hannah Demo Lindqvist", "hannah.lindqvist@demo.amparo.invalid", [.visitor], ["Valley Visitation Program"]),
        ("Rosa Demo Delgado", "rosa.delgado@demo.amparo.invalid", [.organizer], ["Policy and Campaigns"]),
        ("Wen Demo Zhao", "wen.zhao@demo.amparo.invalid", [.analyst], ["Policy and Campaigns"]),
    ]

    /// Loads the demo set; what already exists is left alone, so running it twice changes nothing.
    public static func loadDemo(_ app: Application) async throws -> [(name: String, roles: RoleSet, link: String?)] {
        if try await OrganizationModel.query(on: app.db).count() == 0 {
            try await OrganizationModel(name: "Demo Immigrant Defense Network", defaultLanguage: "es").create(on: app.db)
            // The organization now exists: the first-run link would no longer work.
            try await InvitationModel.query(on: app.db).filter(\.$purpose == InvitationModel.Purpose.setup.rawValue).delete()
        }
        for team in demoTeams where try await TeamModel.query(on: app.db).filter(\.$name == team.name).count() == 0 {
            try await TeamModel(name: team.name, region: team.region).create(on: app.db)
        }
        let accounts = Accounts(db: app.db, services: app.amparo)
        var created: [(String, RoleSet, String?)] = []
        var members = demoMembers
        if try await UserModel.active(holdingAnyOf: [.admin], on: app.db).isEmpty {
            // Like the first admin of a real group, the demo's holds every role.
            members.insert(("Dolores Demo Admin", "admin@demo.amparo.invalid", .all, []), at: 0)
        }
        for member in members {
            if try await accounts.find(email: member.email) != nil {
                created.append((member.name, member.roles, nil))
                continue
            }
            let phone = "+1 555 01\(String(format: "%02d", created.count)) 0\(String(format: "%03d", created.count * 7))"
            let link = try await createUser(
                app, email: member.email, name: member.name, phone: phone, roles: member.roles, teamNames: member.teams)
            created.append((member.name, member.roles, link))
        }
        return created
    }
}
