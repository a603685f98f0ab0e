import AmparoDomain
import AmparoImport
import Foundation

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
        case noRows
    }

    static let keptProblems = 1000
    /// ICE's preamble is six rows; allow a few more before giving up on a sheet.
    static let headerSearchRows = 20

    static func read(url: URL, progress: (Progress) -> Void = { _ in }) throws -> Reading {
        var reading = Reading()
        let handle = try? FileHandle(forReadingFrom: url)
        let signature = (try? handle?.read(upToCount: 4)) ?? nil
        try? handle?.close()
        guard let signature else { throw Refusal.notReadable }
        if signature.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard let workbook = try? Spreadsheet(url: url) else { throw Refusal.notReadable }
            let total = workbook.totalSize
            var done: Int64 = 0
            for sheet in workbook.sheets {
                var sheetRead: Int64 = 0
                do {
                    try readSheet(named: sheet.name, into: &reading) { columns, body in
                        try workbook.rows(sheet: sheet.name, columns: columns, progress: { sheetRead = $0 }) { row in
                            try body(row)
                            if row.line % 4096 == 0 { progress(Progress(bytesRead: done + sheetRead, bytesTotal: total, rows: row.line)) }
                        }
                    }
                } catch SpreadsheetError.malformed(let row) {
                    throw Refusal.malformed(sheet: sheet.name, row: row)
                } catch is SpreadsheetError {
                    throw Refusal.notReadable
                }
                done += sheetRead
            }
        } else {
            let total = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64) ?? 0
            var read: Int64 = 0
            do {
                try readSheet(named: "CSV", into: &reading) { columns, body in
                    try CSVReader.rows(url: url, columns: columns, progress: { read = $0 }) { row in
                        try body(row)
                        if row.line % 4096 == 0 { progress(Progress(bytesRead: read, bytesTotal: total, rows: row.line)) }
                    }
                }
            } catch CSVReader.Problem.unterminatedQuote(let row) {
                throw Refusal.malformed(sheet: "CSV", row: row)
            }
        }
        guard !reading.sheetsRead.isEmpty else { throw Refusal.noHeader }
        guard reading.tally.rows > 0 else { throw Refusal.noRows }
        return reading
    }

    /// Finds the sheet's header, then reads its rows; `scan` runs the file's own row loop.
    private static func readSheet(named name: String, into reading: inout Reading,
                                  scan: (ColumnSelection, (SheetRow) throws -> Void) throws -> Void) throws {
        let selection = ColumnSelection()
        var reader: DetainerRowReader?
        var looked = 0
        struct Skip: Error {}
        do {
            try scan(selection) { row in
                guard reader != nil else {
                    looked += 1
                    if let columns = DetainerColumns(header: row.cells) {
                        reader = DetainerRowReader(columns: columns)
                        var wanted = [Bool](repeating: false, count: (columns.positions.values.max() ?? 0) + 1)
                        for index in columns.positions.values { wanted[index] = true }
                        selection.wanted = wanted
                        reading.release = reading.release ?? columns.release
                        reading.sheetsRead.append(name)
                    } else if looked >= headerSearchRows {
                        throw Skip()
                    }
                    return
                }
                guard !row.isBlank else { return }
                reading.rowsRead += 1
                let result = reader!.read(row.cells, sheet: name, line: row.line)
                switch result {
                case .success(let facts): reading.tally.add(facts)
                case .failure(let problem):
                    reading.rejected += 1
                    if reading.problems.count < keptProblems { reading.problems.append(problem) }
                }
            }
        } catch is Skip {
            reading.sheetsSkipped.append(name)
            return
        }
        if reader == nil { reading.sheetsSkipped.append(name) }
    }
}
