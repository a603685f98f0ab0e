import Foundation

/// RFC 4180 CSV, row by row: quoted fields with commas, quotes ("") and line breaks, CRLF or LF,
/// a byte-order mark. Lines are counted as a spreadsheet numbers rows (the header is row 1).
public enum CSVReader {
    public enum Problem: Error, Equatable, Sendable {
        /// A quoted field that never closes.
        case unterminatedQuote(row: Int)
        case notText
    }

    /// A whole file in memory; refused unless it is UTF-8.
    public static func rows(_ data: Data, _ body: (SheetRow) throws -> Void) throws {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw Problem.notText }
        var parser = CSVParser(columns: nil)
        try bytes.withUnsafeBufferPointer { try parser.feed($0, body) }
        try parser.finish(body)
    }

    /// A file of any size, read in chunks; `progress` hears how many bytes have been read.
    public static func rows(url: URL, columns: ColumnSelection? = nil, progress: ((Int64) -> Void)? = nil,
                            _ body: (SheetRow) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var parser = CSVParser(columns: columns)
        var read: Int64 = 0
        var first = true
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            var bytes = [UInt8](chunk)
            if first, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            first = false
            try bytes.withUnsafeBufferPointer { try parser.feed($0, body) }
            read += Int64(chunk.count)
            progress?(read)
        }
        try parser.finish(body)
    }
}

/// The CSV state machine, fed chunk after chunk: a field or a quote may span two chunks.
struct CSVParser {
    let columns: ColumnSelection?
    private var cells: [String?] = []
    private var field: [UInt8] = []
    private var quoted = false, inQuotes = false, quoteClosing = false, lastWasCR = false
    private var line = 1

    init(columns: ColumnSelection?) { self.columns = columns }

    private mutating func endField() {
        if let columns, columns.skips(cells.count) {
            cells.append(nil)
        } else {
            cells.append(field.isEmpty && !quoted ? nil : String(decoding: field, as: UTF8.self))
        }
        field.removeAll(keepingCapacity: true)
        quoted = false
    }

    private mutating func endRow(_ body: (SheetRow) throws -> Void) throws {
        endField()
        try body(SheetRow(line: line, cells: cells))
        cells.removeAll(keepingCapacity: true)
        line += 1
    }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (SheetRow) throws -> Void) throws {
        for byte in bytes {
            if quoteClosing {
                // A quote inside quotes: a doubled quote is a quote; anything else closed the field.
                quoteClosing = false
                if byte == 0x22 { field.append(0x22); continue }
                inQuotes = false
            }
            if inQuotes {
                if byte == 0x22 { quoteClosing = true } else { field.append(byte) }
                continue
            }
            if lastWasCR {
                lastWasCR = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x22 where field.isEmpty: inQuotes = true; quoted = true
            case 0x2C: endField()
            case 0x0D: lastWasCR = true; try endRow(body)
            case 0x0A: try endRow(body)
            default: field.append(byte)
            }
        }
    }

    mutating func finish(_ body: (SheetRow) throws -> Void) throws {
        if quoteClosing { quoteClosing = false; inQuotes = false }
        if inQuotes { throw CSVReader.Problem.unterminatedQuote(row: line) }
        if !field.isEmpty || !cells.isEmpty || quoted { try endRow(body) }
    }
}
