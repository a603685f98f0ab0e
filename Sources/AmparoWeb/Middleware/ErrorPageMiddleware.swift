import AmparoDomain
import AmparoWebKit
import Vapor

/// Turns every error into a page a person can act on (HTML in their language, JSON under /api),
/// and never shows internals. Unexpected errors are logged without request data.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let status: HTTPResponseStatus
            var message: String?
            var headers = HTTPHeaders()
            if let abort = error as? any AbortError {
                status = abort.status
                headers = abort.headers
                if let userFacing = error as? UserFacingError {
                    message = userFacing.text.in(request.language)
                } else if status.code < 500, abort.reason != status.reasonPhrase {
                    message = abort.reason
                }
            } else if error is DecodingError {
                status = .badRequest
            } else {
                status = .internalServerError
            }
            if status.code >= 500 {
                request.logger.error("unhandled error: \(String(reflecting: type(of: error))): \(error)")
            }
            let language = request.language
            let text = message ?? Text.httpStatus(Int(status.code)).in(language)
            if request.url.path.hasPrefix("/api/") {
                let body = APIErrorBody(error: .init(status: Int(status.code), message: text))
                let response = Response(status: status, headers: headers)
                try response.content.encode(body, as: .json)
                return response
            }
            let response = htmlResponse(
                Layout.page(
                    request, title: Text.errorTitle(Int(status.code)).in(language),
                    body: ErrorViews.body(status: Int(status.code), message: text, language: language)),
                status: status)
            for (name, value) in headers where name.lowercased() != "content-type" && name.lowercased() != "content-length" {
                response.headers.replaceOrAdd(name: name, value: value)
            }
            return response
        }
    }
}

struct APIErrorBody: Content {
    struct Detail: Content {
        let status: Int
        let message: String
    }
    let error: Detail
}

enum ErrorViews {
    static func body(status: Int, message: String, language: Language) -> HTML {
        """
        <h1>\(Text.errorTitle(status).in(language))</h1>
        <p>\(message)</p>
        <p><a href="/">\(Text.backHome.in(language))</a></p>
        """
    }
}
