import Crypto
import Foundation
import Vapor

/// A page value served as the API's JSON resource. Public resources carry an ETag and answer a
/// matching If-None-Match with 304, so a coalition's script polling a county costs a hash.
public enum APIResource {
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    public static func json<T: Encodable>(_ value: T, for request: Request, cacheable: Bool, encoder: JSONEncoder = APIResource.encoder) throws -> Response {
        let body = try encoder.encode(value)
        var headers = HTTPHeaders()
        headers.contentType = .json
        guard cacheable else {
            headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return Response(status: .ok, headers: headers, body: .init(data: body))
        }
        let tag = "\"" + SHA256.hash(data: body).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
        headers.replaceOrAdd(name: .eTag, value: tag)
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        let presented = request.headers[.ifNoneMatch].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        if presented.contains(tag) || presented.contains("*") {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(data: body))
    }
}
