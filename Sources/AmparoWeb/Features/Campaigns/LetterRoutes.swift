import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Vapor

/// A letter's public page: the text, the confirmed signers, and a form for organizations. The
/// contact gets a link; a GET shows a button (mail scanners open links), the POST confirms.
struct LetterRoutes: RouteCollection {
    static let purpose = "letter-signature"

    let clock: any WallClock
    let sealer: FieldSealer
    let linkKey: SymmetricKey
    let services: AmparoServices

    func boot(routes: any RoutesBuilder) throws {
        let letters = routes.grouped("letters")
        letters.get(":letterID", use: show).policy(.open)
        letters.post(":letterID", use: sign).policy(.open)
        letters.get("confirm", ":token", use: confirmPage).policy(.capabilityLink)
        letters.post("confirm", ":token", use: confirm).policy(.capabilityLink)

        routes.get("api", "v1", "letters", ":letterID") { try APIResource.json(try await letterPage($0, try await find($0)), for: $0, cacheable: true) }.policy(.open)
    }

    private func store(_ req: Request) -> CampaignsStore { CampaignsStore(req.db, sealer: sealer) }

    func letterPage(_ req: Request, _ letter: LetterRecord, typed: LetterPage.Typed = .init(), problem: LetterPage.Problem? = nil,
                    checkEmail: Bool = false) async throws -> LetterPage {
        LetterPage(letter: letter, signers: try await store(req).signers(of: letter.id), typed: typed, problem: problem, checkEmail: checkEmail)
    }

    func show(req: Request) async throws -> Response {
        htmlResponse(CampaignRenderer.render(try await letterPage(req, try await find(req)), req.chrome))
    }

    func sign(req: Request) async throws -> Response {
        let letter = try await find(req)
        let fields = req.formValues
        let typed = LetterPage.Typed(organization: fields["organization"] ?? "", type: fields["type"] ?? "", city: fields["city"] ?? "", email: fields["email"] ?? "")
        func answer(_ problem: LetterPage.Problem?, status: HTTPResponseStatus, checkEmail: Bool = false) async throws -> Response {
            htmlResponse(CampaignRenderer.render(try await letterPage(req, letter, typed: problem == nil ? .init() : typed, problem: problem,
                                                                     checkEmail: checkEmail), req.chrome), status: status)
        }
        guard letter.open else { return try await answer(.closed, status: .unprocessableEntity) }
        guard let slot = try await req.takePublicSlot("letter") else { return try await answer(.tooMany, status: .tooManyRequests) }
        let email = typed.email.trimmingCharacters(in: .whitespaces)
        guard let organization = try? FormText.field(fields, "organization", limit: 200), let type = SignerType(rawValue: typed.type),
              let city = try? FormText.field(fields, "city", limit: 120), Accounts.validate(email: email, name: organization, phone: nil).isEmpty else {
            await slot.giveBack()
            return try await answer(.invalid, status: .unprocessableEntity)
        }
        // One signature per contact and letter; signing again only sends the link again.
        let store = store(req), language = req.language
        func notice(_ signature: UUID) throws -> NoticeModel {
            let link = services.config.baseURL + SiteURL.letterConfirm(CapabilityToken.make(Self.purpose, id: signature, key: linkKey)).path
            return try Notice.make(channel: .email, to: email, subject: Text.campaigns(.confirmSubject).in(language),
                                   body: Text.campaigns(.confirmBody(letter: letter.title, link: link)).in(language),
                                   purpose: "letter.confirm", recordID: signature, services: services)
        }
        if let existing = try await store.signature(of: letter.id, contact: email) {
            if !existing.confirmed {
                try await store.queue(try notice(existing.id))
                services.delivery.wake()
            }
        } else {
            try await store.sign(letter.id, organization: organization, type: type, city: city, contact: email, at: clock.now(), notice: notice)
            services.delivery.wake()
        }
        return try await answer(nil, status: .ok, checkEmail: true)
    }

    func confirmPage(req: Request) async throws -> Response {
        guard let token = req.parameters.get("token"), let signature = try await signature(req) else {
            return htmlResponse(CampaignRenderer.invalidLink(req.chrome), status: .notFound)
        }
        return htmlResponse(CampaignRenderer.confirm(token: token, organization: signature.organization, req.chrome))
    }

    func confirm(req: Request) async throws -> Response {
        guard let signature = try await signature(req) else { return htmlResponse(CampaignRenderer.invalidLink(req.chrome), status: .notFound) }
        try await store(req).confirmSignature(signature.id, at: clock.now())
        return req.redirect(to: SiteURL.letter(signature.letter).path)
    }

    private func signature(_ req: Request) async throws -> PendingSignature? {
        guard let id = req.linkedID(purpose: Self.purpose, key: linkKey) else { return nil }
        return try await store(req).pendingSignature(id)
    }

    private func find(_ req: Request) async throws -> LetterRecord {
        try await req.record("letterID", missing: .campaigns(.noLetters), find: store(req).letter)
    }
}
