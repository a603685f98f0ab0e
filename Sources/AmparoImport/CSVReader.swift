import Foundation

/// RFC 4180 CSV, row by row: quoted fields with commas, quotes ("") and line breaks, CRLF or LF,
/// a byte-order mark. Lines are counted as a spreadsheet numbers rows (the header is row 1).
public enum CSVReader {
    public enum Problem: Error, Equatable, Sendable {
        /// A quoted field that never closes.
        case unterminatedQuote(row: Int)
        case notText
        /// The file goes past one of `ImportLimits`.
        case tooLarge(ImportLimits.Exceeded)
    }

    /// A whole file in memory; refused unless it is UTF-8.
    public static func rows(_ data: Data, limits: ImportLimits = .standard, _ body: (SheetRow) throws -> Void) throws {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw Problem.notText }
        var parser = CSVParser(columns: nil, limits: limits)
        try bytes.withUnsafeBufferPointer { try parser.feed($0, body) }
        try parser.finish(body)
    }

    /// A file of any size, read in chunks; `progress` hears how many bytes have been read.
    public static func rows(url: URL, columns: ColumnSelection? = nil, limits: ImportLimits = .standard, progress: ((Int64) -> Void)? = nil,
                            _ body: (SheetRow) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var parser = CSVParser(columns: columns, limits: limits)
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

/// The CSV state machine, fed chunk after chunk: a field or a quote may span two chunks. Unquoted
/// fields (nearly all of them) are found with one scan to the next delimiter and decoded from the
/// chunk directly; columns the reader does not want are never decoded.
struct CSVParser {
    let columns: ColumnSelection?
    let limits: ImportLimits
    private var slots: [Int]?
    private var cells: [String?] = []
    /// The column of the field being read.
    private var column = 0
    /// A field's bytes carried over from an earlier chunk, or taken from inside quotes.
    private var field: [UInt8] = []
    private var quoted = false, inQuotes = false, quoteClosing = false, lastWasCR = false
    /// An unquoted field began in an earlier chunk (its bytes may not be kept, if it is skipped).
    private var carried = false
    private var line = 1

    init(columns: ColumnSelection?, limits: ImportLimits = .standard) {
        self.columns = columns
        self.limits = limits
        slots = columns?.slots
    }

    private var skipping: Bool {
        guard let slots else { return false }
        return column >= slots.count || slots[column] < 0
    }

    /// A field carried between chunks may not grow past what the longest cell can take in UTF-8.
    private func checkCarried() throws {
        guard field.count <= 4 * limits.cellCharacters else { throw CSVReader.Problem.tooLarge(.cell(row: line, limit: limits.cellCharacters)) }
    }

    private mutating func endField(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) throws {
        guard column < limits.columns else { throw CSVReader.Problem.tooLarge(.columns(row: line, limit: limits.columns)) }
        if !skipping, field.count + (to - from) > limits.cellCharacters {
            let text = String(decoding: field + UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            guard limits.fitsCell(text) else { throw CSVReader.Problem.tooLarge(.cell(row: line, limit: limits.cellCharacters)) }
        }
        if skipping {
            if slots == nil { cells.append(nil) }
        } else if field.isEmpty {
            cells.append(to == from && !quoted ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self))
        } else {
            field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<to]))
            cells.append(String(decoding: field, as: UTF8.self))
        }
        if !field.isEmpty { field.removeAll(keepingCapacity: true) }
        quoted = false
        carried = false
        column += 1
    }

    private mutating func endRow(_ body: (SheetRow) throws -> Void, _ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) throws {
        try endField(bytes, from, to)
        try body(SheetRow(line: line, cells: cells))
        cells.removeAll(keepingCapacity: true)
        line += 1
        column = 0
        slots = columns?.slots
    }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (SheetRow) throws -> Void) throws {
        let count = bytes.count
        var index = 0
        while index < count {
            if quoteClosing {
                // A quote inside quotes: a doubled quote is a quote; anything else closed the field.
                quoteClosing = false
                if bytes[index] == 0x22 {
                    if !skipping { field.append(0x22) }
                    index += 1
                    continue
                }
                inQuotes = false
            }
            if inQuotes {
                var end = index
                while end < count && bytes[end] != 0x22 { end += 1 }
                if !skipping {
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    try checkCarried()
                }
                if end < count { quoteClosing = true }
                index = end + 1
                continue
            }
            if lastWasCR {
                lastWasCR = false
                if bytes[index] == 0x0A { index += 1; continue }
            }
            if bytes[index] == 0x22 && field.isEmpty && !carried {
                inQuotes = true
                quoted = true
                index += 1
                continue
            }
            var end = index
            while end < count {
                let byte = bytes[end]
                if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
                end += 1
            }
            guard end < count else {
                // The field goes on in the next chunk.
                if !skipping {
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    try checkCarried()
                }
                carried = true
                return
            }
            switch bytes[end] {
            case 0x2C: try endField(bytes, index, end)
            case 0x0D: lastWasCR = true; try endRow(body, bytes, index, end)
            default: try endRow(body, bytes, index, end)
            }
            index = end + 1
        }
    }

    mutating func finish(_ body: (SheetRow) throws -> Void) throws {
        if quoteClosing { quoteClosing = false; inQuotes = false }
        if inQuotes { throw CSVReader.Problem.unterminatedQuote(row: line) }
        if !field.isEmpty || !cells.isEmpty || quoted {
            let empty: [UInt8] = []
            try empty.withUnsafeBufferPointer { try endRow(body, $0, 0, 0) }
        }
    }
}
