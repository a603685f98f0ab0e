import AmparoDomain
import Vapor

/// A fragment of HTML. Interpolated strings are escaped; only other `HTML` values go in raw, so
/// user input cannot become markup by accident.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public let rendered: String

    public init(unsafeRaw: String) { rendered = unsafeRaw }

    public init(stringLiteral value: String) { rendered = value }

    public init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.output }

    public var description: String { rendered }

    public static let empty = HTML(unsafeRaw: "")

    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { output += literal }
        public mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }
        public mutating func appendInterpolation(_ number: Int) { output += String(number) }
        public mutating func appendInterpolation(_ html: HTML) { output += html.rendered }
        public mutating func appendInterpolation(_ list: [HTML]) { for item in list { output += item.rendered } }
        public mutating func appendInterpolation(_ html: HTML?) { output += html?.rendered ?? "" }
    }

    /// Escapes markup, and drops bidirectional embedding, override and isolate controls
    /// (U+202A–U+202E, U+2066–U+2069): Amparo's text never needs them, and in a stranger's report
    /// they reorder what the dispatcher reads ("photo\u{202E}gpj.exe"). Right-to-left writing itself
    /// needs none of them.
    public static func escape(_ text: String) -> String {
        // Most text has nothing to escape: answer it as is, without building a copy. (0xE2 leads
        // every control dropped here, and also common punctuation such as ’ and —.)
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xE2 })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension HTML: Equatable {}

extension HTML: AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        htmlResponse(self, status: .ok)
    }
}

public func htmlResponse(_ html: HTML, status: HTTPResponseStatus = .ok) -> Response {
    var headers = HTTPHeaders()
    headers.contentType = .html
    headers.replaceOrAdd(name: .cacheControl, value: "no-store")
    return Response(status: status, headers: headers, body: .init(string: html.rendered))
}
