import Foundation

/// The most an import file may make Amparo read, named in one place and in every refusal: a small
/// file that inflates to gigabytes, a row or a cell that never ends, is refused early and in bounded
/// memory rather than read to the end. The defaults are far above ICE's and the Deportation Data
/// Project's real files (their parts inflate 6 to 12 times; a cell holds a name or a code).
public struct ImportLimits: Sendable, Equatable {
    /// Uncompressed bytes of every part of a workbook together.
    public var workbookBytes: Int64 = 8 << 30
    /// Uncompressed bytes of the shared strings, which are held in memory while the rows are read.
    public var sharedStringBytes: Int64 = 128 << 20
    /// Uncompressed bytes of each small part (the workbook, its relationships).
    public var partBytes: Int64 = 16 << 20
    /// How many times its compressed size an entry may inflate to (deflate allows about 1000).
    public var inflationRatio: Int64 = 100
    /// Bytes of one row, as XML or CSV.
    public var rowBytes = 4 << 20
    /// Characters of one cell: Excel's own limit.
    public var cellCharacters = 32_767
    /// Columns of one row: Excel's own limit.
    public var columns = 16_384
    /// Bytes of a 287(g) list, read whole (ICE's lists are under 100 KB).
    public var listBytes = 20 << 20

    public init() {}

    /// Whether a cell's text is within `cellCharacters` (counted as Excel counts, in UTF-16). The byte
    /// count comes first: it is free, and no short cell needs the character count.
    public func fitsCell(_ text: String) -> Bool {
        text.utf8.count <= cellCharacters || text.utf16.count <= cellCharacters
    }

    public static let standard = ImportLimits()

    /// Which limit a file went past.
    public enum Exceeded: Error, Equatable, Sendable, Codable, CustomStringConvertible {
        case workbook(limit: Int64)
        case file(limit: Int64)
        case sharedStrings(limit: Int64)
        case part(String, limit: Int64)
        case inflation(String, ratio: Int64)
        case row(Int, limit: Int)
        case cell(row: Int, limit: Int)
        case sharedString(limit: Int)
        case columns(row: Int, limit: Int)

        public var description: String {
            switch self {
            case .workbook(let limit): "the workbook inflates to more than \(Self.size(limit))"
            case .file(let limit): "the file is larger than \(Self.size(limit))"
            case .sharedStrings(let limit): "its shared strings inflate to more than \(Self.size(limit))"
            case .part(let name, let limit): "\(name) inflates to more than \(Self.size(limit))"
            case .inflation(let name, let ratio): "\(name) inflates to more than \(ratio) times its compressed size, as no real spreadsheet does"
            case .row(let row, let limit): "row \(row) is longer than \(Self.size(Int64(limit)))"
            case .cell(let row, let limit): "a cell in row \(row) holds more than \(Self.count(limit, ",")) characters"
            case .sharedString(let limit): "one of its shared strings holds more than \(Self.count(limit, ",")) characters"
            case .columns(let row, let limit): "row \(row) has more than \(Self.count(limit, ",")) columns"
            }
        }

        public var spanish: String {
            switch self {
            case .workbook(let limit): "el libro se descomprime a más de \(Self.size(limit))"
            case .file(let limit): "el archivo pasa de \(Self.size(limit))"
            case .sharedStrings(let limit): "sus textos compartidos se descomprimen a más de \(Self.size(limit))"
            case .part(let name, let limit): "\(name) se descomprime a más de \(Self.size(limit))"
            case .inflation(let name, let ratio): "\(name) se descomprime a más de \(ratio) veces su tamaño comprimido, algo que ninguna hoja real hace"
            case .row(let row, let limit): "la fila \(row) ocupa más de \(Self.size(Int64(limit)))"
            case .cell(let row, let limit): "una celda de la fila \(row) tiene más de \(Self.count(limit, ".")) caracteres"
            case .sharedString(let limit): "uno de sus textos compartidos tiene más de \(Self.count(limit, ".")) caracteres"
            case .columns(let row, let limit): "la fila \(row) tiene más de \(Self.count(limit, ".")) columnas"
            }
        }

        /// 32767 → "32,767" in English, "32.767" in Spanish.
        static func count(_ number: Int, _ separator: String) -> String {
            var digits = String(number), groups: [String] = []
            while digits.count > 3 { groups.insert(String(digits.suffix(3)), at: 0); digits.removeLast(3) }
            return ([digits] + groups).joined(separator: separator)
        }

        static func size(_ bytes: Int64) -> String {
            bytes >= 1 << 30 ? "\(bytes >> 30) GB" : bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes >> 10) KB"
        }
    }
}
