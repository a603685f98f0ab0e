import AmparoDomain
import XCTest

final class RoleSetTests: XCTestCase {
    func testStoredFormReadsOldSingleRolesAndDropsUnknownNames() {
        XCTAssertEqual(RoleSet(stored: "legal"), [.legal], "a member saved before several roles reads as before")
        XCTAssertEqual(RoleSet(stored: "responder,admin"), [.admin, .responder])
        XCTAssertEqual(RoleSet([.responder, .admin]).stored, "admin,responder", "equal sets store equal strings")
        XCTAssertEqual(RoleSet(stored: "sheriff,visitor"), [.visitor], "an unknown name widens nothing")
        XCTAssertTrue(RoleSet(stored: "").isEmpty)
    }

    func testPermissionsAreTheUnionOfTheRolesHeld() {
        let both: RoleSet = [.dispatcher, .caseWorker]
        XCTAssertTrue(both.can(.workHotline) && both.can(.workCases))
        XCTAssertFalse(both.can(.runCampaigns) || both.can(.manageUsers))
        XCTAssertTrue(both.canRead(.notes))
        XCTAssertFalse(both.canRead(.immigrationRecord))
        for role in Role.allCases {
            XCTAssertEqual(RoleSet([role]).can(.workHotline), role.can(.workHotline), "one role is exactly that role")
        }
    }

    func testASecondFactorIsNeededAsSoonAsOneRoleSeesPersonalData() {
        XCTAssertFalse(RoleSet([.analyst]).requiresTwoFactor)
        XCTAssertTrue(RoleSet([.analyst, .organizer]).requiresTwoFactor)
        XCTAssertTrue(RoleSet.all.requiresTwoFactor)
    }

    func testNobodyGivesARoleTheyDoNotHold() {
        XCTAssertEqual(RoleGrant.apply(requested: [.responder], granter: .all), .success([.responder]))
        XCTAssertEqual(RoleGrant.apply(requested: [.coordinator], granter: [.admin]), .failure(.notHeld))
        XCTAssertEqual(RoleGrant.apply(requested: [], granter: .all), .failure(.noRole))
        // A role the granter lacks is kept as it is: its box was not even sent.
        XCTAssertEqual(RoleGrant.apply(requested: [.admin], current: [.legal], granter: [.admin]), .success([.admin, .legal]))
        XCTAssertEqual(RoleGrant.apply(requested: [.legal], current: [.legal, .admin], granter: [.admin]), .success([.legal]),
                       "sent back as it was, a role the granter lacks is no new grant")
        XCTAssertEqual(RoleGrant.apply(requested: [], current: [.legal], granter: [.admin]), .success([.legal]))
    }

    func testCodedAsAListInOrder() throws {
        let data = try JSONEncoder().encode(RoleSet([.visitor, .admin]))
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["admin","visitor"]"#)
        XCTAssertEqual(try JSONDecoder().decode(RoleSet.self, from: data), [.admin, .visitor])
    }
}
