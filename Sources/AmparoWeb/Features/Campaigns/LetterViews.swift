import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

enum LetterViews {
    private static func t(_ text: CampaignsText, _ req: Request) -> String { Text.campaigns(text).in(req.language) }

    static func page(_ req: Request, _ letter: LetterModel, notice: Text?, problem: Text?) async throws -> Response {
        let l = req.language
        let signers = try await LetterSignatureModel.query(on: req.db).filter(\.$letterID == letter.id!).filter(\.$confirmedAt != nil).sort(\.$organization).all()
        let items: [HTML] = signers.map { signer in
            let type = SignerType(rawValue: signer.signerType).map { t(.type($0), req) } ?? signer.signerType
            return "<li>\(signer.organization) · \(type) · \(signer.city)</li>"
        }
        let types = SignerType.allCases.map { (value: $0.rawValue, label: t(.type($0), req)) }
        let body: HTML = """
        <h1>\(letter.title)</h1>
        \(problem.map { Form.errorSummary([$0.in(l)], language: l) })
        \(notice.map { HTML("<p class=\"notice\" role=\"status\">\($0.in(l))</p>") })
        <div class="note letter">\(letter.body)</div>
        <h2>\(t(.signers, req)) (\(signers.count))</h2>
        \(items.isEmpty ? HTML("<p>\(t(.noSigners, req))</p>") : HTML("<ul id=\"signers\">\(items)</ul>"))
        \(letter.open ? HTML("""
        <h2>\(t(.signTitle, req))</h2><p>\(t(.signIntro, req))</p>
        <form method="post" action="/letters/\(letter.id!.uuidString)">\(Layout.csrfField(req.visitor))
        \(Form.field("organization", label: t(.organization, req), autocomplete: "organization", extra: " maxlength=\"200\""))
        \(Form.select("type", label: t(.signerType, req), options: types, selected: nil))
        \(Form.field("city", label: t(.city, req), autocomplete: "address-level2", extra: " maxlength=\"120\""))
        \(Form.field("email", label: t(.contactEmail, req), type: "email", hint: t(.contactHint, req), autocomplete: "email", extra: " maxlength=\"254\""))
        <button type="submit">\(t(.sign, req))</button></form>
        """) : HTML("<p>\(t(.closedLetter, req))</p>"))
        """
        return htmlResponse(Layout.page(req, title: letter.title, body: body), status: problem == nil ? .ok : .unprocessableEntity)
    }

    static func confirm(_ req: Request, token: String, organization: String) -> Response {
        let body: HTML = """
        <h1>\(t(.confirmTitle, req))</h1><p>\(organization)</p>
        <form method="post" action="/letters/confirm/\(token)"><button type="submit">\(t(.confirmButton, req))</button></form>
        """
        return htmlResponse(Layout.page(req, title: t(.confirmTitle, req), body: body), status: .ok)
    }

    static func message(_ req: Request, _ text: Text, status: HTTPResponseStatus) -> Response {
        htmlResponse(Layout.page(req, title: t(.confirmTitle, req), body: "<h1>\(t(.confirmTitle, req))</h1><p>\(text.in(req.language))</p>"), status: status)
    }
}
