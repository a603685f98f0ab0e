import Vapor

/// Public data as files: CSV (RFC 4180, UTF-8) and JSON, named for saving.
public enum Downloads {
    public enum Format: String { case html, csv, json }

    public static func format(_ req: Request) -> Format { req.query[String.self, at: "format"].flatMap(Format.init(rawValue:)) ?? .html }

    public static func csv(_ header: [String], _ rows: [[String]], name: String) -> Response {
        func field(_ text: String) -> String {
            // A leading =, +, - or @ would run as a formula in a spreadsheet: quote it as text.
            let safe = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text
            return safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
        }
        let body = ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).csv\"")
        return response
    }

    public static func json<T: Encodable>(_ value: T, name: String) throws -> Response {
        let response = Response(status: .ok)
        try response.content.encode(value, as: .json)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).json\"")
        return response
    }
}
