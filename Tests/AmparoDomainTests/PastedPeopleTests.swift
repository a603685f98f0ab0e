import XCTest

@testable import AmparoDomain

final class PastedPeopleTests: XCTestCase {
    func testFieldsAreReadByWhatTheyLookLikeInAnyOrderAndBlankLinesAndAHeaderAreSkipped() {
        let pasted = PastedPeople("""
            Nombre, Correo, Teléfono
            Ana Pérez, ana@example.org, (503) 555-0100

            luis@example.org; Luis Ortiz
            Marta\tGómez\tmarta@example.org\t+1 503 555 0111
            """)
        XCTAssertEqual(pasted.people, [
            .init(line: 2, name: "Ana Pérez", email: "ana@example.org", phone: "(503) 555-0100"),
            .init(line: 4, name: "Luis Ortiz", email: "luis@example.org", phone: ""),
            .init(line: 5, name: "Marta Gómez", email: "marta@example.org", phone: "+1 503 555 0111"),
        ])
    }

    func testALineWithoutAnEmailIsKeptSoItCanBeRefusedByItsNumberAndRepeatsAreFound() {
        let pasted = PastedPeople("Ana Pérez, ana@example.org\nJosé Ruiz\nANA@example.org, Ana P.\n")
        XCTAssertEqual(pasted.people.map(\.line), [1, 2, 3])
        XCTAssertEqual(pasted.people[1].email, "")
        XCTAssertEqual(pasted.repeatedEmails.map { "\($0.line)<\($0.earlier)" }, ["3<1"])
    }

    func testAShortNumberIsAName() {
        XCTAssertFalse(PastedPeople.looksLikePhone("12"))
        XCTAssertTrue(PastedPeople.looksLikePhone("503.555.0100"))
        XCTAssertEqual(PastedPeople("Unit 12, team@example.org").people.first?.name, "Unit 12")
    }
}
