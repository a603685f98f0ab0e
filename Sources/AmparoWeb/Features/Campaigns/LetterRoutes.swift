import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// A letter's public page: the text, the confirmed signers, and a form for organizations. The
/// contact gets a link; a GET shows a button (mail scanners open links), the POST confirms.
struct LetterRoutes: RouteCollection {
    static let purpose = "letter-signature"

    func boot(routes: any RoutesBuilder) throws {
        let letters = routes.grouped("letters")
        letters.get(":letterID", use: show).policy(.open)
        letters.post(":letterID", use: sign).policy(.open)
        letters.get("confirm", ":token", use: confirmPage).policy(.capabilityLink)
        letters.post("confirm", ":token", use: confirm).policy(.capabilityLink)
    }

    func show(req: Request) async throws -> Response {
        try await LetterViews.page(req, try await find(req), notice: nil, problem: nil)
    }

    func sign(req: Request) async throws -> Response {
        let letter = try await find(req)
        guard letter.open else { return try await LetterViews.page(req, letter, notice: nil, problem: .campaigns(.closedLetter)) }
        guard let slot = try await req.takePublicSlot("letter") else { return try await LetterViews.page(req, letter, notice: nil, problem: .alerts(.tooMany)) }
        let fields = req.formValues
        guard let organization = try? FormText.field(fields, "organization", limit: 200), let type = fields["type"].flatMap(SignerType.init(rawValue:)),
              let city = try? FormText.field(fields, "city", limit: 120), let email = fields["email"]?.trimmingCharacters(in: .whitespaces),
              Accounts.validate(email: email, name: organization, phone: nil).isEmpty else {
            await slot.giveBack()
            return try await LetterViews.page(req, letter, notice: nil, problem: .campaigns(.errorSign))
        }
        let sealer = req.amparo.sealer
        let index = sealer.blindIndex(email, kind: .email)
        // One signature per contact and letter; signing again only sends the link again.
        let existing = try await LetterSignatureModel.query(on: req.db).filter(\.$letterID == letter.id!).filter(\.$contactIndex == index).first()
        let signature: LetterSignatureModel
        if let existing {
            signature = existing
        } else {
            let id = UUID()
            signature = LetterSignatureModel(id: id, letterID: letter.id!, organization: organization, signerType: type.rawValue, city: city,
                                             contactSealed: try sealer.seal(email, context: SealedColumn.letterSignatureContact.context(rowID: id)),
                                             contactIndex: index, createdAt: req.amparo.clock.now())
        }
        if signature.confirmedAt == nil {
            let link = "\(req.amparo.config.baseURL)/letters/confirm/\(CapabilityToken.make(Self.purpose, id: signature.id!, key: req.amparo.linkKey))"
            let language = req.language
            let notice = try Notice.make(channel: .email, to: email, subject: Text.campaigns(.confirmSubject).in(language),
                                         body: Text.campaigns(.confirmBody(letter: letter.title, link: link)).in(language),
                                         purpose: "letter.confirm", recordID: signature.id, services: req.amparo)
            try await req.db.transaction { db in
                if existing == nil { try await signature.create(on: db) }
                try await notice.create(on: db)
            }
            req.amparo.delivery.wake()
        }
        return try await LetterViews.page(req, letter, notice: .campaigns(.checkEmail), problem: nil)
    }

    func confirmPage(req: Request) async throws -> Response {
        guard let signature = try await signature(req) else { return LetterViews.message(req, .campaigns(.linkInvalid), status: .notFound) }
        return LetterViews.confirm(req, token: req.parameters.get("token")!, organization: signature.organization)
    }

    func confirm(req: Request) async throws -> Response {
        guard let signature = try await signature(req) else { return LetterViews.message(req, .campaigns(.linkInvalid), status: .notFound) }
        if signature.confirmedAt == nil {
            signature.confirmedAt = req.amparo.clock.now()
            try await signature.save(on: req.db)
        }
        return req.redirect(to: "/letters/\(signature.letterID.uuidString)")
    }

    private func signature(_ req: Request) async throws -> LetterSignatureModel? {
        try await req.linkedRecord(LetterSignatureModel.self, purpose: Self.purpose)
    }

    private func find(_ req: Request) async throws -> LetterModel {
        try await req.record(LetterModel.self, "letterID", missing: .campaigns(.noLetters))
    }
}

/// Signatures never confirmed are deleted after 14 days, with their contacts.
struct UnconfirmedSignaturesRule: PurgeRule {
    let name = "letters.unconfirmed"
    let database: @Sendable () -> any Database

    func purge(now: Date) async throws -> Int {
        let stale = try await LetterSignatureModel.query(on: database()).filter(\.$confirmedAt == nil).filter(\.$createdAt < now.addingTimeInterval(-14 * 86_400)).all()
        try await LetterSignatureModel.query(on: database()).filter(\.$id ~~ stale.compactMap(\.id)).delete()
        return stale.count
    }
}
