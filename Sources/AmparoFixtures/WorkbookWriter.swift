import Foundation
import ZIPFoundation

/// A cell to write: text (kept once in the shared strings, as Excel does), a whole number, or a
/// day (days since 1970-01-01, written as an Excel serial with a date format).
public enum WorkbookCell: Sendable, Equatable {
    case text(String)
    case number(Int)
    case date(Int)
    case empty
}

/// Writes an xlsx workbook sheet by sheet, row by row. Each sheet's XML goes to a temporary file
/// as it is written, so a workbook of millions of rows needs memory only for its distinct strings.
public final class WorkbookWriter {
    private let url: URL
    private let folder: URL
    private var sheetNames: [String] = []
    private var strings: [String: Int] = [:]
    private var stringOrder: [String] = []
    private var stringCount = 0

    public init(url: URL) throws {
        self.url = url
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("amparo-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Adds a sheet; `fill` writes its rows through the writer it is given.
    public func addSheet(named name: String, _ fill: (inout SheetWriter) throws -> Void) throws {
        sheetNames.append(name)
        let path = folder.appendingPathComponent("sheet\(sheetNames.count).xml")
        FileManager.default.createFile(atPath: path.path, contents: nil)
        let handle = try FileHandle(forWritingTo: path)
        defer { try? handle.close() }
        var sheet = SheetWriter(handle: handle, workbook: self)
        sheet.buffer.append(contentsOf: Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#.utf8))
        try fill(&sheet)
        sheet.buffer.append(contentsOf: Array("</sheetData></worksheet>".utf8))
        try sheet.flush()
    }

    func stringIndex(_ text: String) -> Int {
        stringCount += 1
        if let index = strings[text] { return index }
        let index = stringOrder.count
        strings[text] = index
        stringOrder.append(text)
        return index
    }

    /// Writes the parts that name the sheets and the shared strings, and zips it all (deflate).
    public func close() throws {
        var shared = Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(stringCount)" uniqueCount="\#(stringOrder.count)">"#.utf8)
        for text in stringOrder {
            shared.append(contentsOf: Array("<si><t xml:space=\"preserve\">".utf8))
            SheetWriter.escape(text, into: &shared)
            shared.append(contentsOf: Array("</t></si>".utf8))
        }
        shared.append(contentsOf: Array("</sst>".utf8))
        let sheets = sheetNames.enumerated().map { index, name in
            "<sheet name=\"\(Self.attribute(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        let relations = sheetNames.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        let n = sheetNames.count
        let overrides = sheetNames.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        let parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\(overrides)</Types>
            """).utf8)),
            ("_rels/.rels", Array(("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """).utf8)),
            ("xl/workbook.xml", Array(("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(sheets)</sheets></workbook>
            """).utf8)),
            ("xl/_rels/workbook.xml.rels", Array(("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relations)\
            <Relationship Id="rId\(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId\(n + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
            """).utf8)),
            ("xl/styles.xml", Array(("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill>\
            <fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2">\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            </cellXfs></styleSheet>
            """).utf8)),
            ("xl/sharedStrings.xml", shared),
        ]
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        for index in sheetNames.indices {
            try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", fileURL: folder.appendingPathComponent("sheet\(index + 1).xml"),
                                 compressionMethod: .deflate, bufferSize: 1 << 20)
        }
    }

    static func attribute(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
    }
}

/// Writes one sheet's rows.
public struct SheetWriter {
    let handle: FileHandle
    unowned let workbook: WorkbookWriter
    var buffer: [UInt8] = []
    private var line = 0
    private static let letters: [[UInt8]] = (0..<702).map { Array(columnName($0).utf8) }

    init(handle: FileHandle, workbook: WorkbookWriter) {
        self.handle = handle
        self.workbook = workbook
        buffer.reserveCapacity(1 << 20)
    }

    /// 0 → "A", 26 → "AA".
    static func columnName(_ column: Int) -> String {
        var number = column + 1, text = ""
        while number > 0 {
            text = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + text
            number = (number - 1) / 26
        }
        return text
    }

    public mutating func row(_ cells: [WorkbookCell]) throws {
        line += 1
        let lineDigits = Array(String(line).utf8)
        buffer.append(contentsOf: "<row r=\"".utf8)
        buffer.append(contentsOf: lineDigits)
        buffer.append(contentsOf: [0x22, 0x3E])
        for (column, cell) in cells.enumerated() {
            let value: String
            var attributes = ""
            switch cell {
            case .empty: continue
            case .text(let text): value = String(workbook.stringIndex(text)); attributes = " t=\"s\""
            case .number(let number): value = String(number)
            case .date(let days): value = String(days + 25_569); attributes = " s=\"1\""
            }
            buffer.append(contentsOf: "<c r=\"".utf8)
            buffer.append(contentsOf: Self.letters[column])
            buffer.append(contentsOf: lineDigits)
            buffer.append(0x22)
            buffer.append(contentsOf: attributes.utf8)
            buffer.append(contentsOf: "><v>".utf8)
            buffer.append(contentsOf: value.utf8)
            buffer.append(contentsOf: "</v></c>".utf8)
        }
        buffer.append(contentsOf: "</row>".utf8)
        if buffer.count > 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    static func escape(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: Array("&amp;".utf8))
            case 0x3C: out.append(contentsOf: Array("&lt;".utf8))
            case 0x3E: out.append(contentsOf: Array("&gt;".utf8))
            default: out.append(byte)
            }
        }
    }
}

/// Writes RFC 4180 CSV to a file, buffered.
public struct CSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    public init(url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 0)
    }

    public mutating func row(_ fields: [String]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(0x2C) }
            if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                buffer.append(0x22)
                for byte in field.utf8 {
                    if byte == 0x22 { buffer.append(0x22) }
                    buffer.append(byte)
                }
                buffer.append(0x22)
            } else {
                buffer.append(contentsOf: field.utf8)
            }
        }
        buffer.append(contentsOf: [0x0D, 0x0A])
        if buffer.count > 1 << 20 { try flush() }
    }

    public mutating func close() throws {
        try flush()
        try handle.close()
    }

    private mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
