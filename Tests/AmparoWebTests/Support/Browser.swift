import Foundation
import NIOCore
import XCTVapor

@testable import AmparoWeb

/// Drives the app like a browser without JavaScript: keeps cookies, reads the CSRF token from the
/// last page, posts forms url-encoded.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var csrfToken: String?
    var headers: HTTPHeaders = [:]
    private(set) var lastBody = ""

    init(app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String, headers extra: HTTPHeaders = [:]) async throws -> BrowserResponse {
        try await send(.GET, path, headers: extra, body: nil)
    }

    /// Posts a form; the page's CSRF token is added unless `csrf` says otherwise.
    @discardableResult
    func post(
        _ path: String, _ fields: [String: String] = [:], pairs: [(String, String)] = [], csrf: CSRFChoice = .page,
        headers extra: HTTPHeaders = [:]
    ) async throws -> BrowserResponse {
        var all = fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + pairs
        switch csrf {
        case .page: if let csrfToken { all.append(("_csrf", csrfToken)) }
        case .none: break
        case .value(let value): all.append(("_csrf", value))
        }
        var body = ByteBuffer()
        body.writeString(Self.formEncode(all))
        var headers = extra
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: body)
    }

    enum CSRFChoice { case page, none, value(String) }

    /// Posts a form with files, multipart as a browser sends it, with the page's CSRF token.
    @discardableResult
    func upload(_ path: String, _ fields: [String: String], files: [(field: String, name: String, bytes: [UInt8])]) async throws -> BrowserResponse {
        let boundary = "----amparo\(UUID().uuidString.prefix(8))"
        var body = ByteBuffer()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) + [("_csrf", csrfToken ?? "")] {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await send(.POST, path, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    func send(_ method: HTTPMethod, _ path: String, headers extra: HTTPHeaders, body: ByteBuffer?) async throws -> BrowserResponse {
        var headers = self.headers
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await perform(method, path, headers: headers, body: body ?? ByteBuffer())
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[1].isEmpty || header.contains("Expires=Thu, 01 Jan 1970") {
                cookies[parts[0]] = nil
            } else {
                cookies[parts[0]] = parts[1]
            }
        }
        lastBody = response.body.string
        if let token = Self.firstMatch(#"name="_csrf" value="([^"]+)""#, in: lastBody) { csrfToken = token }
        return response
    }

    /// The address every request comes from: a proxy on this machine, as behind nginx. (Vapor's
    /// in-memory tester gives no address at all, which no real connection has.)
    static let peer = try! SocketAddress(ipAddress: "127.0.0.1", port: 40_000)

    private func perform(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer) async throws -> BrowserResponse {
        var headers = headers
        headers.replaceOrAdd(name: .contentLength, value: body.readableBytes.description)
        let request = Request(
            application: app, method: method, url: URI(path: path), headers: headers,
            collectedBody: body.readableBytes == 0 ? nil : body, remoteAddress: Self.peer,
            logger: app.logger, on: app.eventLoopGroup.next())
        try await app.asyncBoot()
        let response = try await app.responder.respond(to: request).get()
        let collected = try await response.body.collect(on: request.eventLoop).get()
        return BrowserResponse(status: response.status, headers: response.headers, body: collected ?? ByteBuffer())
    }

    static func formEncode(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        let regex = try! NSRegularExpression(pattern: pattern)
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}

/// What came back, read in full.
struct BrowserResponse: Sendable {
    let status: HTTPStatus
    let headers: HTTPHeaders
    let body: ByteBuffer

    /// The body decoded as the app's own JSON coder would.
    var content: JSONContent { JSONContent(response: self) }

    struct JSONContent {
        let response: BrowserResponse
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try ContentConfiguration.global.requireDecoder(for: .json)
                .decode(type, from: response.body, headers: response.headers)
        }
    }
}
