import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation
import XCTest

@testable import AmparoWeb

/// A responder's "my requests" page: with a waiting and an accepted request, and with none.
final class MyRequestsSnapshotTests: XCTestCase {
    func testOpenRequests() {
        let sent = SnapshotChrome.importDay
        let requests = [
            ResponderRequest(dispatchID: UUID(uuidString: "00000000-0000-0000-0000-0000000000D1")!, reference: "K7QM-3X4P", state: .waiting,
                             sentAt: sent, expiresAt: sent.addingTimeInterval(12 * 3600), note: "Stand across the street <by the bakery>"),
            ResponderRequest(dispatchID: UUID(uuidString: "00000000-0000-0000-0000-0000000000D2")!, reference: "P2RT-8WXY", state: .accepted,
                             sentAt: sent.addingTimeInterval(-3600), expiresAt: sent.addingTimeInterval(11 * 3600), note: nil),
        ]
        let page = MyRequestsPage(requests: requests.map { .init(request: $0, path: "/respond/\($0.dispatchID.uuidString.lowercased()).token") })
        assertPageSnapshots({ MyRequestsRenderer.render(page, $0) }, role: .responder, path: "/respond")
    }

    func testNoRequests() {
        assertPageSnapshots({ MyRequestsRenderer.render(MyRequestsPage(requests: []), $0) }, role: .responder, path: "/respond")
    }
}
