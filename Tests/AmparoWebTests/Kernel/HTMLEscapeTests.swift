import AmparoWebKit
import XCTest

/// What a stranger types reaches a member's screen as text: no markup, and no bidi controls that
/// reorder it.
final class HTMLEscapeTests: XCTestCase {
    func testMarkupIsEscaped() {
        XCTAssertEqual(HTML("<p>\("<script>alert('x') & \"y\"</script>")</p>").rendered,
                       "<p>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</p>")
    }

    func testBidiControlsAreDroppedAndRightToLeftTextIsKept() {
        XCTAssertEqual(HTML.escape("photo\u{202E}gpj.exe"), "photogpj.exe")
        let every = (0x202A...0x202E).map { String(UnicodeScalar($0)!) } + (0x2066...0x2069).map { String(UnicodeScalar($0)!) }
        XCTAssertEqual(HTML.escape("a" + every.joined() + "b"), "ab")
        XCTAssertEqual(HTML.escape("عملاء الهجرة عند المدرسة"), "عملاء الهجرة عند المدرسة")
        XCTAssertEqual(HTML.escape("Lavandería “Quetzal” — 5ª"), "Lavandería “Quetzal” — 5ª", "common punctuation is untouched")
        XCTAssertEqual(HTML.escape("\u{200F}marca\u{200E}"), "\u{200F}marca\u{200E}", "the direction marks are harmless and stay")
    }
}
