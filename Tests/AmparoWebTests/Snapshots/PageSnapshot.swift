import AmparoDomain
import AmparoWebKit
import Foundation
import SnapshotTesting
import XCTest

/// Renders a page in English and in Spanish and compares each with its recorded snapshot
/// (`__Snapshots__` beside this file): a changed page shows in review as a diff. A missing snapshot
/// is recorded and the test fails, so CI never passes on a page nobody has looked at.
func assertPageSnapshots(
    _ render: (Chrome) -> HTML, role: Role? = nil, path: String = "/",
    file: StaticString = #filePath, testName: String = #function, line: UInt = #line
) {
    for language in [Language.en, .es] {
        let html = render(SnapshotChrome.make(language, role: role, path: path))
        assertSnapshot(of: html.rendered, as: .lines, named: language.rawValue, file: file, testName: testName, line: line)
    }
}

enum SnapshotChrome {
    static let timeZone = TimeZone(identifier: "America/Chicago")!

    static func make(_ language: Language, role: Role?, path: String) -> Chrome {
        Chrome(language: language, csrfToken: "csrf-token-for-snapshots", path: path, roles: role.map { [$0] }, time: LocalTime(timeZone: timeZone))
    }

    /// 2025-05-16 14:30 in Chicago.
    static let importDay = Date(timeIntervalSince1970: 1_747_423_800)
}
