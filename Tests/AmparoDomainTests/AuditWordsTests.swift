import AmparoDomain
import Foundation
import XCTest

/// Every action code the server writes to the audit log reads as words in both languages, and
/// every record type as a noun: the test reads the codes from the sources, so a new code without
/// words fails here instead of showing as "case.foo" on the admin's page.
final class AuditWordsTests: XCTestCase {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized

    func sourceMatches(_ pattern: String) throws -> Set<String> {
        let regex = try NSRegularExpression(pattern: pattern)
        var found = Set<String>()
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return found
    }

    func testEveryActionCodeHasWords() throws {
        let codes = try sourceMatches(#"(?:audit\(|\.append\(on:[^\n]*action: )"([a-z_0-9.]+)""#)
        XCTAssertGreaterThan(codes.count, 60, "the sources were found")
        for code in codes.sorted() {
            XCTAssertNotNil(AuditWords.action(code, in: .en), code)
            XCTAssertNotNil(AuditWords.action(code, in: .es), code)
        }
    }

    func testEveryRecordTypeHasANoun() throws {
        let types = try sourceMatches(#"recordType: "([a-z_]+)""#)
        XCTAssertGreaterThan(types.count, 15)
        for type in types.sorted() { XCTAssertNotNil(AuditWords.record(type, in: .es), type) }
    }

    func testStatusChangesReadTheStatusInTheReadersLanguage() {
        XCTAssertEqual(AuditWords.action("story.published", in: .en), "set a story to “\(Text.stories(.status(.published)).in(.en))”")
        XCTAssertEqual(AuditWords.action("report.status.verified", in: .es), "cambió el estado de un reporte a «\(Text.hotline(.status(.verified)).in(.es))»")
        XCTAssertNil(AuditWords.action("report.status.nonsense", in: .es), "an unknown status is not guessed at")
        XCTAssertNil(AuditWords.action("future.thing", in: .en))
    }
}
