import AmparoDomain
import AmparoWebKit
import Vapor

extension Request {
    /// The page frame for this viewer: what a renderer needs of the request, and nothing more.
    var chrome: Chrome {
        let visitor = self.visitor
        return Chrome(language: visitor.language, csrfToken: visitor.csrfToken, path: url.path,
                      roles: visitor.isSignedIn ? visitor.roles : nil, time: amparo.localTime)
    }
}

extension Layout {
    static func page(_ request: Request, title: String, body: HTML, notice: HTML? = nil, script: String? = nil, offline: Bool = false) -> HTML {
        page(request.chrome, title: title, body: body, notice: notice, script: script, offline: offline)
    }

    static func csrfField(_ visitor: Visitor) -> HTML {
        "<input type=\"hidden\" name=\"\(CSRFField.name)\" value=\"\(visitor.csrfToken)\">"
    }
}
