import Crypto
import Foundation
import XCTest

@testable import AmparoDomain

final class AuditChainTests: XCTestCase {
    let key = SymmetricKey(data: Array(repeating: UInt8(9), count: 32))

    func chain(_ count: Int) -> [AuditRecord] {
        var records: [AuditRecord] = []
        for i in 0..<count {
            records.append(AuditChain.makeRecord(
                key: key, after: records.last.map { ($0.sequence, $0.hash) }, at: Date(timeIntervalSince1970: 1_800_000_000 + Double(i)),
                actor: "user-\(i % 3)", action: "case.read", recordType: "case", recordID: "c\(i)"))
        }
        return records
    }

    func testIntactChainVerifies() {
        let records = chain(50)
        XCTAssertNil(AuditChain.verify(key: key, records, after: nil).problem)
        // In two batches, as `audit verify` walks a long log.
        let first = AuditChain.verify(key: key, Array(records[..<20]), after: nil)
        XCTAssertNil(AuditChain.verify(key: key, Array(records[20...]), after: first.last).problem)
    }

    func testEditedEntryIsDetected() {
        var records = chain(10)
        records[4].recordID = "c999"
        XCTAssertEqual(AuditChain.verify(key: key, records, after: nil).problem, .alteredEntry(sequence: 5))
    }

    func testDeletedEntryIsDetected() {
        var records = chain(10)
        records.remove(at: 3)
        XCTAssertEqual(AuditChain.verify(key: key, records, after: nil).problem, .gap(expected: 4, found: 5))
    }

    func testRewrittenChainWithoutTheKeyIsDetected() {
        var records = chain(5)
        // Someone with database access edits entry 3 and recomputes the chain, but with a guessed key.
        let guess = SymmetricKey(data: Array(repeating: UInt8(1), count: 32))
        records[2].actor = "someone-else"
        for i in 2..<records.count {
            let previous = records[i - 1]
            records[i] = AuditChain.makeRecord(
                key: guess, after: (previous.sequence, previous.hash), at: records[i].at, actor: records[i].actor,
                action: records[i].action, recordType: records[i].recordType, recordID: records[i].recordID)
        }
        XCTAssertEqual(AuditChain.verify(key: key, records, after: nil).problem, .alteredEntry(sequence: 3))
    }
}
