import AmparoDomain
import AmparoImport
import Foundation
import NIOConcurrencyHelpers

/// Reads a detainer file (xlsx as published, or CSV) from disk into counts, row by row: memory
/// stays bounded by the counts, whatever the file's length. Each sheet's header is looked for in
/// its first rows (past ICE's preamble); sheets without one are skipped and named.
struct DetainerFile {
    /// Where the reading got to, for progress bars.
    struct Progress: Sendable {
        var bytesRead: Int64
        var bytesTotal: Int64
        var rows: Int
    }

    struct Reading: Sendable {
        var tally = DetainerTally()
        var rowsRead = 0
        var rejected = 0
        /// The first rejected rows (at most `keptProblems`).
        var problems: [DetainerRowProblem] = []
        var release: DetainerRelease?
        var sheetsRead: [String] = []
        var sheetsSkipped: [String] = []
    }

    enum Refusal: Error, Equatable {
        case notReadable
        case noHeader
        case malformed(sheet: String, row: Int)
        /// Past one of `ImportLimits`: refused before it could cost unbounded time or memory.
        case tooLarge(ImportLimits.Exceeded)
        case noRows
        /// The server stopped while it read the file.
        case interrupted
    }

    static let keptProblems = 1000
    /// ICE's preamble is six rows; allow a few more before giving up on a sheet.
    static let headerSearchRows = 20

    /// What the scanning thread hands the counting thread.
    enum Piece: @unchecked Sendable {
        /// A sheet begins: its header, or nil when it has none (a notes sheet).
        case sheet(String, DetainerColumns?)
        case rows(String, [SheetRow])
    }

    /// Two threads: one unzips and scans the file into rows (past each sheet's preamble, only the
    /// header's known columns), the other reads and counts them. A queue of a few batches between
    /// them keeps memory bounded.
    static func read(url: URL, progress: (Progress) -> Void = { _ in }) throws -> Reading {
        let source = try Source(url: url)
        let queue = BatchQueue<Piece>(capacity: 4)
        let scanned = NIOLockedValueBox<Int64>(0)
        let producer = Thread {
            queue.run { emit in try source.scan(emit) { read in scanned.withLockedValue { $0 = read } } }
        }
        producer.stackSize = 1 << 22
        producer.start()
        var reading = Reading()
        var reader: DetainerRowReader?
        while let piece = try queue.take() {
            switch piece {
            case .sheet(let name, let columns?):
                reader = DetainerRowReader(columns: columns, compact: true)
                reading.release = reading.release ?? columns.release
                reading.sheetsRead.append(name)
            case .sheet(let name, nil):
                reader = nil
                reading.sheetsSkipped.append(name)
            case .rows(let name, let rows):
                guard reader != nil else { continue }
                for row in rows where !row.isBlank {
                    reading.rowsRead += 1
                    switch reader!.read(row.cells, sheet: name, line: row.line) {
                    case .success(let facts): reading.tally.add(facts)
                    case .failure(let problem):
                        reading.rejected += 1
                        if reading.problems.count < keptProblems { reading.problems.append(problem) }
                    }
                }
                progress(Progress(bytesRead: scanned.withLockedValue { $0 }, bytesTotal: source.total, rows: reading.rowsRead))
            }
        }
        guard !reading.sheetsRead.isEmpty else { throw Refusal.noHeader }
        guard reading.tally.rows > 0 else { throw Refusal.noRows }
        return reading
    }

    /// The file as rows, sheet by sheet.
    struct Source: @unchecked Sendable {
        let workbook: Spreadsheet?
        let url: URL
        let total: Int64

        init(url: URL) throws {
            self.url = url
            let handle = try? FileHandle(forReadingFrom: url)
            let signature = (try? handle?.read(upToCount: 4)) ?? nil
            try? handle?.close()
            guard let signature else { throw Refusal.notReadable }
            if signature.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                let opened: Spreadsheet
                do {
                    opened = try Spreadsheet(url: url)
                } catch SpreadsheetError.tooLarge(let exceeded) {
                    throw Refusal.tooLarge(exceeded)
                } catch {
                    throw Refusal.notReadable
                }
                workbook = opened
                total = opened.totalSize
            } else {
                workbook = nil
                total = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64) ?? 0
            }
        }

        /// Runs on the scanning thread: finds each sheet's header, then sends its rows in batches.
        func scan(_ emit: @escaping (Piece) -> Void, read: @escaping (Int64) -> Void) throws {
            guard let workbook else {
                do {
                    try scanSheet("CSV", emit) { selection, body in
                        try CSVReader.rows(url: url, columns: selection, progress: read, body)
                    }
                } catch CSVReader.Problem.unterminatedQuote(let row) {
                    throw Refusal.malformed(sheet: "CSV", row: row)
                } catch CSVReader.Problem.tooLarge(let exceeded) {
                    throw Refusal.tooLarge(exceeded)
                }
                return
            }
            var done: Int64 = 0
            for sheet in workbook.sheets {
                var sheetRead: Int64 = 0
                do {
                    try scanSheet(sheet.name, emit) { selection, body in
                        try workbook.rows(sheet: sheet.name, columns: selection, progress: { sheetRead = $0; read(done + $0) }, body)
                    }
                } catch SpreadsheetError.malformed(let row) {
                    throw Refusal.malformed(sheet: sheet.name, row: row)
                } catch SpreadsheetError.tooLarge(let exceeded) {
                    throw Refusal.tooLarge(exceeded)
                } catch is SpreadsheetError {
                    throw Refusal.notReadable
                }
                done += sheetRead
            }
        }

        private func scanSheet(_ name: String, _ emit: @escaping (Piece) -> Void,
                               rows: (ColumnSelection, (SheetRow) throws -> Void) throws -> Void) throws {
            let selection = ColumnSelection()
            var found = false, looked = 0
            var batch: [SheetRow] = []
            batch.reserveCapacity(4096)
            struct Skip: Error {}
            do {
                try rows(selection) { row in
                    if found {
                        batch.append(row)
                        if batch.count == 4096 {
                            emit(.rows(name, batch))
                            batch.removeAll(keepingCapacity: true)
                        }
                        return
                    }
                    looked += 1
                    if let columns = DetainerColumns(header: row.cells) {
                        found = true
                        selection.select(columns.positions.values)
                        emit(.sheet(name, columns))
                    } else if looked >= headerSearchRows {
                        throw Skip()
                    }
                }
            } catch is Skip {}
            if found {
                if !batch.isEmpty { emit(.rows(name, batch)) }
            } else {
                emit(.sheet(name, nil))
            }
        }
    }
}

/// A bounded queue between one producing thread and one consuming thread. The producer's error,
/// if any, reaches the consumer when the queue is drained.
final class BatchQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var finished = false
    private var failure: (any Error)?
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Runs `body` (on the producing thread), then marks the queue finished.
    func run(_ body: (@escaping (Element) -> Void) throws -> Void) {
        do {
            try body { item in
                self.condition.lock()
                while self.items.count >= self.capacity { self.condition.wait() }
                self.items.append(item)
                self.condition.signal()
                self.condition.unlock()
            }
            finish(nil)
        } catch {
            finish(error)
        }
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next item; nil once the producer is done and everything was taken.
    func take() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished { condition.wait() }
        if !items.isEmpty {
            let item = items.removeFirst()
            condition.signal()
            return item
        }
        if let failure { throw failure }
        return nil
    }
}
