import AmparoDomain
import XCTest

/// Counted phrases agree with their count in both languages: "Queda 1 cupo", "Quedan 2 cupos",
/// never "1 cupos" or "foto(s)".
final class PluralTests: XCTestCase {
    func testCountedPhrasesAgreeWithTheirCount() {
        let phrases: [(Int) -> Text] = [
            { .events(.seatsLeft($0)) }, { .hotline(.photosAdded($0)) }, { .dispatch(.sent($0)) }, { .alerts(.published($0)) },
            { .campaigns(.signatures($0)) }, { .evidence(.confirmedFacilities($0)) }, { .evidence(.awaiting($0)) }, { .auditIntact($0) },
        ]
        for phrase in phrases {
            for language in [Language.en, .es] {
                let one = phrase(1).in(language), two = phrase(2).in(language), zero = phrase(0).in(language)
                for text in [one, two, zero] { XCTAssertFalse(text.contains("(s)") || text.contains("(es)"), text) }
                XCTAssertNotEqual(one.replacingOccurrences(of: "1", with: "2"), two, "\(one) / \(two): the phrase changes with the count")
                XCTAssertEqual(zero, two.replacingOccurrences(of: "2", with: "0"), "zero takes the plural, as CLDR says for both languages")
            }
        }
        XCTAssertEqual(Text.events(.seatsLeft(1)).in(.es), "Queda 1 cupo")
        XCTAssertEqual(Text.hotline(.photosAdded(1)).in(.es), "Se agregó 1 foto a su reporte. Gracias.")
    }
}
