import Foundation
import ZIPFoundation

/// One row of a sheet: its number in the file (1-based, as a spreadsheet shows it) and its cells
/// by column (A = 0), nil where a cell is empty or absent.
public struct SheetRow: Sendable, Equatable {
    public let line: Int
    public var cells: [String?]

    public init(line: Int, cells: [String?]) {
        self.line = line
        self.cells = cells
    }

    public subscript(column: Int) -> String? { column < cells.count ? cells[column] : nil }
    public var isBlank: Bool { cells.allSatisfy { ($0 ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
}

public enum SpreadsheetError: Error, Equatable, Sendable {
    /// Not a zip archive, or not an Office Open XML workbook inside.
    case notAWorkbook
    case noSuchSheet(String)
    /// The sheet's XML is cut or malformed near this row.
    case malformed(row: Int)
    /// The file goes past one of `ImportLimits`.
    case tooLarge(ImportLimits.Exceeded)
}

/// An xlsx workbook read row by row: the sheet is decompressed and scanned in chunks, so memory
/// stays bounded by the shared strings, whatever the number of rows.
/// The columns a reader wants, chosen once it has seen the header. From then on a row's cells are
/// those columns only, in the order of the columns (the others are skipped without building their
/// text): a release's 65 columns become the dozen the reader uses.
public final class ColumnSelection: @unchecked Sendable {
    /// Column → its place in the row's cells, or -1 for a skipped column; nil until chosen.
    public private(set) var slots: [Int]?
    public private(set) var count = 0

    public init() {}

    public func select(_ columns: some Sequence<Int>) {
        let chosen = Set(columns).sorted()
        var slots = [Int](repeating: -1, count: (chosen.last ?? -1) + 1)
        for (slot, column) in chosen.enumerated() { slots[column] = slot }
        self.slots = slots
        count = chosen.count
    }
}

public struct Spreadsheet {
    public struct Sheet: Sendable, Equatable { public let name: String; let path: String }

    public let sheets: [Sheet]
    public let limits: ImportLimits
    private let archive: Archive
    private let sharedStrings: [String]

    public init(url: URL, limits: ImportLimits = .standard) throws {
        guard let archive = try? Archive(url: url, accessMode: .read) else { throw SpreadsheetError.notAWorkbook }
        try self.init(archive: archive, limits: limits)
    }

    public init(data: Data, limits: ImportLimits = .standard) throws {
        guard let archive = try? Archive(data: data, accessMode: .read) else { throw SpreadsheetError.notAWorkbook }
        try self.init(archive: archive, limits: limits)
    }

    private init(archive: Archive, limits: ImportLimits) throws {
        self.archive = archive
        self.limits = limits
        // What the archive declares is checked first; what it really inflates to, as it is read.
        let declared = archive.reduce(Int64(0)) { $0 + Int64($1.uncompressedSize) }
        guard declared <= limits.workbookBytes else { throw SpreadsheetError.tooLarge(.workbook(limit: limits.workbookBytes)) }
        guard let workbook = try Self.read(archive, "xl/workbook.xml", limits: limits) else { throw SpreadsheetError.notAWorkbook }
        let relations = try Self.read(archive, "xl/_rels/workbook.xml.rels", limits: limits).map(Self.relationships) ?? [:]
        sheets = workbook.withUnsafeBufferPointer { bytes in
            var found: [Sheet] = []
            var index = 0
            while let start = XMLBytes.find(Array("<sheet ".utf8), in: bytes, from: index, to: bytes.count),
                  let end = XMLBytes.find([0x3E], in: bytes, from: start, to: bytes.count) {
                let name = XMLBytes.attribute(Array("name".utf8), in: bytes, from: start, to: end).map { XMLBytes.text(bytes, $0) }
                let id = XMLBytes.attribute(Array("r:id".utf8), in: bytes, from: start, to: end).map { XMLBytes.text(bytes, $0) }
                if let name, let target = id.flatMap({ relations[$0] }) {
                    found.append(Sheet(name: name, path: target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target))
                }
                index = end
            }
            return found
        }
        guard !sheets.isEmpty else { throw SpreadsheetError.notAWorkbook }
        var strings = SharedStringsScanner(limits: limits)
        if let entry = archive["xl/sharedStrings.xml"] {
            try Self.extract(archive, entry, limit: limits.sharedStringBytes, exceeded: .sharedStrings(limit: limits.sharedStringBytes),
                             limits: limits) { try strings.feed($0) }
        }
        sharedStrings = strings.strings
    }

    /// Calls `body` with each row of the sheet named `name` (the first sheet when nil), in order.
    /// Returns the sheet's hyperlinks by cell ("G452" → URL), which the file keeps after its rows.
    /// `progress` hears how many of the sheet's uncompressed bytes have been read.
    @discardableResult
    public func rows(sheet name: String? = nil, columns: ColumnSelection? = nil, progress: ((Int64) -> Void)? = nil,
                     _ body: (SheetRow) throws -> Void) throws -> [String: String] {
        guard let sheet = name.map({ wanted in sheets.first { $0.name == wanted } }) ?? sheets.first, let entry = archive[sheet.path] else {
            throw SpreadsheetError.noSuchSheet(name ?? "")
        }
        var scanner = SheetScanner(sharedStrings: sharedStrings, columns: columns, limits: limits)
        var read: Int64 = 0
        try Self.extract(archive, entry, limit: limits.workbookBytes, exceeded: .workbook(limit: limits.workbookBytes), limits: limits) { chunk in
            try scanner.feed(chunk, body)
            read += Int64(chunk.count)
            progress?(read)
        }
        try scanner.finish(body)
        let relations = try Self.read(archive, Self.relationsPath(of: sheet.path), limits: limits).map(Self.relationships) ?? [:]
        return scanner.hyperlinks.compactMapValues { relations[$0] }
    }

    /// Uncompressed bytes of every sheet, for a progress bar.
    public var totalSize: Int64 {
        sheets.reduce(0) { $0 + Int64(archive[$1.path]?.uncompressedSize ?? 0) }
    }

    /// "G452" → (line 452, column 6).
    public static func cell(_ reference: String) -> (line: Int, column: Int)? {
        let letters = reference.prefix { $0.isASCII && $0.isUppercase }
        guard !letters.isEmpty, let line = Int(reference.dropFirst(letters.count)) else { return nil }
        return (line, letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1)
    }

    /// The hyperlinks by line and column, as the rows address them.
    public static func byCell(_ hyperlinks: [String: String]) -> [Int: [Int: String]] {
        var links: [Int: [Int: String]] = [:]
        for (reference, url) in hyperlinks {
            if let cell = cell(reference) { links[cell.line, default: [:]][cell.column] = url }
        }
        return links
    }

    private static func relationsPath(of path: String) -> String {
        let parts = path.split(separator: "/")
        return (parts.dropLast().joined(separator: "/")) + "/_rels/" + (parts.last ?? "") + ".rels"
    }

    private static func read(_ archive: Archive, _ path: String, limits: ImportLimits) throws -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        var bytes: [UInt8] = []
        try extract(archive, entry, limit: limits.partBytes, exceeded: .part(path, limit: limits.partBytes), limits: limits) {
            bytes.append(contentsOf: $0)
        }
        return bytes
    }

    /// Inflates an entry chunk by chunk, stopping as soon as it passes `limit` or the inflation
    /// ratio, whatever its header claims.
    private static func extract(_ archive: Archive, _ entry: Entry, limit: Int64, exceeded: ImportLimits.Exceeded, limits: ImportLimits,
                                _ consume: (Data) throws -> Void) throws {
        // Tiny parts compress badly or very well; a megabyte is always allowed.
        let byRatio = max(Int64(entry.compressedSize) * limits.inflationRatio, 1 << 20)
        let ceiling = min(limit, byRatio)
        let refusal = SpreadsheetError.tooLarge(byRatio < limit ? .inflation(entry.path, ratio: limits.inflationRatio) : exceeded)
        guard Int64(entry.uncompressedSize) <= ceiling else { throw refusal }
        var inflated: Int64 = 0
        do {
            _ = try archive.extract(entry, bufferSize: 256 * 1024, skipCRC32: true) { chunk in
                inflated += Int64(chunk.count)
                guard inflated <= ceiling else { throw refusal }
                try consume(chunk)
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError.notAWorkbook
        }
    }

    /// Id → target of a .rels part.
    private static func relationships(_ xml: [UInt8]) -> [String: String] {
        xml.withUnsafeBufferPointer { bytes in
            var map: [String: String] = [:]
            var index = 0
            while let start = XMLBytes.find(Array("<Relationship ".utf8), in: bytes, from: index, to: bytes.count),
                  let end = XMLBytes.find([0x3E], in: bytes, from: start, to: bytes.count) {
                if let id = XMLBytes.attribute(Array("Id".utf8), in: bytes, from: start, to: end),
                   let target = XMLBytes.attribute(Array("Target".utf8), in: bytes, from: start, to: end) {
                    map[XMLBytes.text(bytes, id)] = XMLBytes.text(bytes, target)
                }
                index = end
            }
            return map
        }
    }
}

/// The shared strings table, read as it inflates: each `<si>`'s text runs joined (rich text has
/// several `<t>`). Only an unfinished item waits for the next chunk.
struct SharedStringsScanner {
    let limits: ImportLimits
    private(set) var strings: [String] = []
    private var pending: [UInt8] = []
    private static let open = Array("<si>".utf8), close = Array("</si>".utf8)

    init(limits: ImportLimits) { self.limits = limits }

    mutating func feed(_ chunk: Data) throws {
        pending.append(contentsOf: chunk)
        let limits = self.limits
        var found: [String] = []
        let consumed = try pending.withUnsafeBufferPointer { bytes -> Int in
            var index = 0
            while let start = XMLBytes.find(Self.open, in: bytes, from: index, to: bytes.count) {
                guard let end = XMLBytes.find(Self.close, in: bytes, from: start, to: bytes.count) else {
                    guard bytes.count - start <= limits.rowBytes else {
                        throw SpreadsheetError.tooLarge(.sharedString(limit: limits.cellCharacters))
                    }
                    return start
                }
                let text = SheetScanner.runs(bytes, from: start, to: end)
                guard limits.fitsCell(text) else {
                    throw SpreadsheetError.tooLarge(.sharedString(limit: limits.cellCharacters))
                }
                found.append(text)
                index = end + Self.close.count
            }
            return max(index, bytes.count - Self.open.count)
        }
        strings.append(contentsOf: found)
        pending.removeFirst(consumed)
    }
}

/// Turns chunks of a worksheet's XML into rows: whole `<row>` elements are parsed as soon as they
/// are complete; the unfinished tail waits for the next chunk.
struct SheetScanner {
    let sharedStrings: [String]
    let columns: ColumnSelection?
    let limits: ImportLimits
    var pending: [UInt8] = []
    var hyperlinks: [String: String] = [:]
    private var lastLine = 0
    /// Past `</sheetData>`: what is left (hyperlinks, merged cells) is kept whole until the end.
    private var inTail = false
    private static let rowOpen = Array("<row".utf8), rowClose = Array("</row>".utf8), cellOpen = Array("<c".utf8)
    private static let cellClose = Array("</c>".utf8), valueOpen = Array("<v>".utf8), valueClose = Array("</v>".utf8)
    private static let hyperlinkOpen = Array("<hyperlink ".utf8), r = Array("r".utf8), t = Array("t".utf8), dataClose = Array("</sheetData>".utf8)

    init(sharedStrings: [String], columns: ColumnSelection? = nil, limits: ImportLimits = .standard) {
        self.sharedStrings = sharedStrings
        self.columns = columns
        self.limits = limits
    }

    mutating func feed(_ chunk: Data, _ body: (SheetRow) throws -> Void) throws {
        pending.append(contentsOf: chunk)
        let consumed = try pending.withUnsafeBufferPointer { bytes in try scan(bytes, final: false, body) }
        pending.removeFirst(consumed)
    }

    mutating func finish(_ body: (SheetRow) throws -> Void) throws {
        _ = try pending.withUnsafeBufferPointer { bytes in try scan(bytes, final: true, body) }
        pending = []
    }

    /// Parses every complete row in `bytes`; returns how many bytes were used.
    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool, _ body: (SheetRow) throws -> Void) throws -> Int {
        if inTail {
            if final { collectHyperlinks(bytes, from: 0) }
            return final ? bytes.count : 0
        }
        let dataEnd = XMLBytes.find(Self.dataClose, in: bytes, from: 0, to: bytes.count, anchor: 7)
        let limit = dataEnd ?? bytes.count
        var index = 0
        while let start = XMLBytes.find(Self.rowOpen, in: bytes, from: index, to: limit, anchor: 3) {
            guard start + 4 < limit else { if final { throw SpreadsheetError.malformed(row: lastLine + 1) }; return start }
            let next = bytes[start + 4]
            guard next == 0x20 || next == 0x3E || next == 0x2F else { index = start + 4; continue }
            guard let tagEnd = XMLBytes.find([0x3E], in: bytes, from: start, to: limit) else {
                if final { throw SpreadsheetError.malformed(row: lastLine + 1) }
                return start
            }
            let line = XMLBytes.attribute(Self.r, in: bytes, from: start, to: tagEnd).flatMap { XMLBytes.integer(bytes, $0) } ?? lastLine + 1
            if bytes[tagEnd - 1] == 0x2F {  // <row r="7"/>: an empty row
                lastLine = line
                try body(SheetRow(line: line, cells: []))
                index = tagEnd + 1
                continue
            }
            guard let end = XMLBytes.find(Self.rowClose, in: bytes, from: tagEnd, to: limit, anchor: 4) else {
                if final { throw SpreadsheetError.malformed(row: line) }
                // A row that never closes would be searched again with every chunk.
                guard bytes.count - start <= limits.rowBytes else { throw SpreadsheetError.tooLarge(.row(line, limit: limits.rowBytes)) }
                return start
            }
            guard end - start <= limits.rowBytes else { throw SpreadsheetError.tooLarge(.row(line, limit: limits.rowBytes)) }
            lastLine = line
            try body(SheetRow(line: line, cells: try cells(bytes, line: line, from: tagEnd + 1, to: end)))
            index = end + Self.rowClose.count
        }
        if let dataEnd {
            inTail = true
            if final { collectHyperlinks(bytes, from: dataEnd) }
            return final ? bytes.count : dataEnd
        }
        if final { return bytes.count }
        // Keep a little tail: a "<row" or "</sheetData>" may be split across chunks.
        return max(index, bytes.count - 16)
    }

    private func cells(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, from: Int, to: Int) throws -> [String?] {
        let slots = columns?.slots
        var cells: [String?] = slots == nil ? [] : [String?](repeating: nil, count: columns!.count)
        var index = from
        var nextColumn = 0
        while let start = XMLBytes.find(Self.cellOpen, in: bytes, from: index, to: to, anchor: 1) {
            let after = bytes[start + 2]
            guard after == 0x20 || after == 0x3E || after == 0x2F, let tagEnd = XMLBytes.find([0x3E], in: bytes, from: start, to: to) else {
                index = start + 2
                continue
            }
            let column = XMLBytes.attribute(Self.r, in: bytes, from: start, to: tagEnd).flatMap { XMLBytes.column(bytes, $0) } ?? nextColumn
            guard column < limits.columns else { throw SpreadsheetError.tooLarge(.columns(row: line, limit: limits.columns)) }
            nextColumn = column + 1
            if bytes[tagEnd - 1] == 0x2F { index = tagEnd + 1; continue }
            // A cell the reader does not want: the next "<c" search steps over its value.
            var slot = column
            if let slots {
                guard column < slots.count, slots[column] >= 0 else { index = tagEnd + 1; continue }
                slot = slots[column]
            }
            let close = XMLBytes.find(Self.cellClose, in: bytes, from: tagEnd, to: to, anchor: 2) ?? to
            let type = XMLBytes.attribute(Self.t, in: bytes, from: start, to: tagEnd).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
            var value: String?
            if type == "inlineStr" {
                value = Self.runs(bytes, from: tagEnd, to: close)
            } else if let open = XMLBytes.find(Self.valueOpen, in: bytes, from: tagEnd, to: close, anchor: 1),
                      let end = XMLBytes.find(Self.valueClose, in: bytes, from: open, to: close, anchor: 2) {
                let range = (open + 3)..<end
                switch type {
                case "s": value = XMLBytes.integer(bytes, range).flatMap { $0 < sharedStrings.count ? sharedStrings[$0] : nil }
                case "b": value = XMLBytes.integer(bytes, range) == 1 ? "TRUE" : "FALSE"
                default: value = XMLBytes.text(bytes, range)
                }
            }
            if let value {
                guard limits.fitsCell(value) else {
                    throw SpreadsheetError.tooLarge(.cell(row: line, limit: limits.cellCharacters))
                }
                if cells.count <= slot { cells.append(contentsOf: repeatElement(nil, count: slot - cells.count + 1)) }
                cells[slot] = value
            }
            index = close
        }
        return cells
    }

    /// The text of every `<t>` between `from` and `to`, joined.
    static func runs(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> String {
        var text = ""
        var index = from
        while let open = XMLBytes.find(Array("<t".utf8), in: bytes, from: index, to: to) {
            let after = bytes[open + 2]
            guard after == 0x20 || after == 0x3E, let tagEnd = XMLBytes.find([0x3E], in: bytes, from: open, to: to) else { index = open + 2; continue }
            guard bytes[tagEnd - 1] != 0x2F else { index = tagEnd + 1; continue }
            guard let close = XMLBytes.find(Array("</t>".utf8), in: bytes, from: tagEnd, to: to) else { break }
            text += XMLBytes.text(bytes, (tagEnd + 1)..<close)
            index = close + 4
        }
        return text
    }

    private mutating func collectHyperlinks(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) {
        var index = from
        while let start = XMLBytes.find(Self.hyperlinkOpen, in: bytes, from: index, to: bytes.count),
              let end = XMLBytes.find([0x3E], in: bytes, from: start, to: bytes.count) {
            if let ref = XMLBytes.attribute(Array("ref".utf8), in: bytes, from: start, to: end),
               let id = XMLBytes.attribute(Array("r:id".utf8), in: bytes, from: start, to: end) {
                hyperlinks[XMLBytes.text(bytes, ref)] = XMLBytes.text(bytes, id)
            }
            index = end
        }
    }
}
