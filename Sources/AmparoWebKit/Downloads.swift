import Vapor

/// Public data as files: CSV (RFC 4180, UTF-8) and JSON, named for saving.
public enum Downloads {
    public enum Format: String { case html, csv, json }

    public static func format(_ req: Request) -> Format { req.query[String.self, at: "format"].flatMap(Format.init(rawValue:)) ?? .html }

    public static func csv(_ header: [String], _ rows: [[String]], name: String) -> Response {
        func field(_ text: String) -> String {
            let safe = neutralised(text)
            return safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
        }
        let body = ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).csv\"")
        return response
    }

    /// A cell a spreadsheet would run as a formula, quoted as text with a leading apostrophe (OWASP's
    /// advice). Spreadsheets skip what cannot be seen before the first character they read, so the test
    /// is on Unicode scalars after whitespace, format characters (ZWJ, BOM, bidi controls) and combining
    /// marks: `=` followed by U+0301 is one grapheme, but a spreadsheet still reads `=`.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        if first == "\t" || first == "\r" { return "'" + text }
        let visible = text.unicodeScalars.first { scalar in
            !(scalar.properties.isWhitespace || invisible.contains(scalar.properties.generalCategory))
        }
        guard let visible, formulaStarts.contains(visible) else { return text }
        return "'" + text
    }

    private static let invisible: Set<Unicode.GeneralCategory> = [.format, .nonspacingMark, .enclosingMark, .spacingMark, .control]
    /// `= + - @` and their full-width forms, which spreadsheets in East Asian locales read as the same.
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    public static func json<T: Encodable>(_ value: T, name: String) throws -> Response {
        let response = Response(status: .ok)
        try response.content.encode(value, as: .json)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).json\"")
        return response
    }
}
