import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// /respond: a responder's open requests, each with the page its one-time link opens (where they
/// say whether they are going, and later file the field report).
struct MyRequestsPage: Sendable, Equatable, Codable {
    struct Request: Sendable, Equatable, Codable {
        let request: ResponderRequest
        /// The request's page, `/respond/{token}`: the same one the text or email links to.
        let path: String
    }

    let requests: [Request]
}

enum MyRequestsRenderer {
    static func render(_ page: MyRequestsPage, _ chrome: Chrome) -> HTML {
        let l = chrome.language
        func t(_ text: DispatchText) -> String { Text.dispatch(text).in(l) }
        let items: [HTML] = page.requests.map { item in
            let request = item.request
            return """
            <li class="request"><h2>\(Text.hotline(.reference).in(l)) \(request.reference)</h2>
            <p>\(t(.state(request.state))) · \(t(.sentAt(chrome.dateTime(request.sentAt))))</p>
            \(request.note.map { HTML("<p>\(t(.noteShort)): \($0)</p>") })
            <p class="hint">\(t(.answerUntil(chrome.dateTime(request.expiresAt))))</p>
            <p><a class="button" href="\(item.path)">\(t(.openRequest))</a></p></li>
            """
        }
        let body: HTML = """
        <h1>\(t(.myRequestsTitle))</h1>
        <p>\(t(.myRequestsIntro))</p>
        \(page.requests.isEmpty ? HTML("<p>\(t(.myRequestsNone))</p>") : HTML("<ol class=\"requests\">\(items)</ol>"))
        """
        return Layout.page(chrome, title: t(.myRequestsTitle), body: body)
    }
}
