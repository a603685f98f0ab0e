import Foundation

/// RFC 4180 CSV, row by row: quoted fields with commas, quotes ("") and line breaks, CRLF or LF,
/// a byte-order mark. Lines are counted as a spreadsheet numbers rows (the header is row 1).
public enum CSVReader {
    public enum Problem: Error, Equatable, Sendable {
        /// A quoted field that never closes.
        case unterminatedQuote(row: Int)
        case notText
    }

    public static func rows(_ data: Data, _ body: (SheetRow) throws -> Void) throws {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw Problem.notText }
        var cells: [String?] = []
        var field: [UInt8] = []
        var quoted = false, inQuotes = false
        var line = 1
        func endField() {
            let text = String(decoding: field, as: UTF8.self)
            cells.append(text.isEmpty && !quoted ? nil : text)
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < bytes.count && bytes[index + 1] == 0x22 { field.append(0x22); index += 1 } else { inQuotes = false }
                } else {
                    field.append(byte)
                }
            } else {
                switch byte {
                case 0x22 where field.isEmpty: inQuotes = true; quoted = true
                case 0x2C: endField()
                case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A: break
                case 0x0A, 0x0D:
                    endField()
                    try body(SheetRow(line: line, cells: cells))
                    cells.removeAll(keepingCapacity: true)
                    line += 1
                default: field.append(byte)
                }
            }
            index += 1
        }
        if inQuotes { throw Problem.unterminatedQuote(row: line) }
        if !field.isEmpty || !cells.isEmpty {
            endField()
            try body(SheetRow(line: line, cells: cells))
        }
    }
}
