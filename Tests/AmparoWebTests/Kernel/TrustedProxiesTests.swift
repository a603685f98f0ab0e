import AmparoWebKit
import XCTest

/// Who the client is behind a reverse proxy: only what our own proxies wrote is believed.
final class TrustedProxiesTests: XCTestCase {
    let proxies = try! TrustedProxies(parsing: "127.0.0.1, 10.0.0.0/8, fd00::/8")

    func testAddressesAndBlocksMatchByPrefix() {
        XCTAssertTrue(proxies.trusts("127.0.0.1"))
        XCTAssertFalse(proxies.trusts("127.0.0.2"), "a single address is a /32")
        XCTAssertTrue(proxies.trusts("10.200.3.4"))
        XCTAssertFalse(proxies.trusts("11.0.0.1"))
        XCTAssertTrue(proxies.trusts("fd12:3456::1"))
        XCTAssertFalse(proxies.trusts("fe80::1"))
        XCTAssertTrue(proxies.trusts("::ffff:10.1.2.3"), "an IPv4-mapped address is its IPv4 address")
        XCTAssertFalse(proxies.trusts("not an address"))
        let odd = try! TrustedProxies(parsing: "192.168.4.0/22")
        XCTAssertTrue(odd.trusts("192.168.7.255"))
        XCTAssertFalse(odd.trusts("192.168.8.0"))
        XCTAssertTrue(TrustedProxies.loopback.trusts("127.8.9.10"))
        XCTAssertTrue(TrustedProxies.loopback.trusts("::1"))
        XCTAssertTrue(TrustedProxies.none.isEmpty)
    }

    func testABadListIsRefusedNamingTheEntry() {
        for bad in ["10.0.0.0/33", "example.org", "10.0.0.1/", "::1/129", "10.0.0/8"] {
            XCTAssertThrowsError(try TrustedProxies(parsing: "127.0.0.1, \(bad)")) { error in
                XCTAssertTrue("\(error)".contains("\"\(bad)\""), "\(error)")
            }
        }
        XCTAssertEqual(try TrustedProxies(parsing: " , ").isEmpty, true)
    }

    func testTheClientIsTheRightmostHopNotOurs() {
        // The client wrote the first entry; our proxy appended the address it saw.
        XCTAssertEqual(proxies.client(peer: "127.0.0.1", forwardedFor: ["198.51.100.7, 203.0.113.9"]), "203.0.113.9")
        // Two of our proxies in a row, the header split over two lines, ports and brackets.
        XCTAssertEqual(
            proxies.client(peer: "10.0.0.5", forwardedFor: ["198.51.100.7, 203.0.113.9:4711", "10.0.0.4"]), "203.0.113.9")
        XCTAssertEqual(proxies.client(peer: "127.0.0.1", forwardedFor: ["[2001:db8::7]:443"]), "2001:db8::7")
        // Only our proxies on the path: the first of them is the client (a health check from inside).
        XCTAssertEqual(proxies.client(peer: "127.0.0.1", forwardedFor: ["10.0.0.9, 10.0.0.4"]), "10.0.0.9")
        XCTAssertEqual(proxies.client(peer: "127.0.0.1", forwardedFor: []), "127.0.0.1")
    }

    func testAHeaderFromAnyoneElseIsIgnored() {
        XCTAssertEqual(proxies.client(peer: "203.0.113.9", forwardedFor: ["198.51.100.7"]), "203.0.113.9")
        XCTAssertEqual(TrustedProxies.none.client(peer: "127.0.0.1", forwardedFor: ["198.51.100.7"]), "127.0.0.1")
        XCTAssertNil(proxies.client(peer: nil, forwardedFor: ["198.51.100.7"]))
        XCTAssertFalse(proxies.believesHeaders(from: "203.0.113.9"))
        XCTAssertFalse(proxies.believesHeaders(from: nil))
        XCTAssertTrue(proxies.believesHeaders(from: "10.1.1.1"))
    }
}
