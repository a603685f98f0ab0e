import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// Public sign-up for verified alerts, with recorded consent and confirmation (double opt-in: a
/// link by email, or the link or YES by text, so nobody can sign up someone else), and the
/// one-click stop in every alert (RFC 8058: a mail client may POST it without a page).
struct SubscribeRoutes: RouteCollection {
    /// An unconfirmed sign-up is asked again at most this often, so the form cannot be used to flood someone.
    static let confirmationInterval: TimeInterval = 3600

    func boot(routes: any RoutesBuilder) throws {
        let alerts = routes.grouped("alerts")
        alerts.get("subscribe", use: form).policy(.open)
        alerts.post("subscribe", use: subscribe).policy(.open)
        alerts.get("confirm", ":token", use: confirmPage).policy(.open)
        alerts.post("confirm", ":token", use: confirm).policy(.capabilityLink)
        alerts.get("unsubscribe", ":token", use: confirmUnsubscribe).policy(.open)
        alerts.post("unsubscribe", ":token", use: unsubscribe).policy(.capabilityLink)
    }

    /// The sign-up page: the channels this server sends on, the regions, what was typed.
    private func page(_ req: Request, typed: SubscribePage.Typed = .init(), problem: SubscribePage.Problem? = nil) async throws -> SubscribePage {
        let delivery = req.amparo.delivery
        return SubscribePage(channels: AlertChannel.allCases.filter { delivery.senders($0) != nil },
                             regions: try await MembersStore(req.db, sealer: req.amparo.sealer).teams(), typed: typed, problem: problem)
    }

    func form(req: Request) async throws -> Response {
        htmlResponse(SubscribeRenderer.render(try await page(req), req.chrome))
    }

    func subscribe(req: Request) async throws -> Response {
        let fields = req.formValues
        let typed = SubscribePage.Typed(channel: fields["channel"] ?? "", contact: fields["contact"] ?? "", region: fields["region"] ?? "",
                                        language: fields["language"] ?? "")
        func refuse(_ problem: SubscribePage.Problem, _ status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
            htmlResponse(SubscribeRenderer.render(try await page(req, typed: typed, problem: problem), req.chrome), status: status)
        }
        guard let slot = try await req.takePublicSlot("subscribe") else { return try await refuse(.tooMany, .tooManyRequests) }
        // A form to fix does not count against the source.
        func refuseAndGiveBack(_ problem: SubscribePage.Problem) async throws -> Response {
            await slot.giveBack()
            return try await refuse(problem)
        }

        guard let channel = AlertChannel(rawValue: typed.channel), let language = Language(rawValue: typed.language) else { return try await refuseAndGiveBack(.choice) }
        // Nothing is taken that could never be sent: a contact for a channel this server lacks is refused.
        guard req.amparo.delivery.senders(channel) != nil else { return try await refuseAndGiveBack(.channelNotSetUp) }
        guard let contact = channel.normalize(typed.contact) else { return try await refuseAndGiveBack(.contact(channel)) }
        let teamID: UUID?
        do { teamID = try await Regions.team(fromChoice: typed.region, on: req.db)?.id } catch is UserFacingError { return try await refuseAndGiveBack(.choice) }
        guard fields["consent"] == "yes" else { return try await refuseAndGiveBack(.consent) }

        let services = req.amparo
        let index = services.sealer.blindIndex(contact, kind: channel.indexKind)
        // Signing up twice says the same, so the page tells nobody who is subscribed; an unconfirmed
        // sign-up gets a new confirmation at most once an hour.
        let now = services.clock.now()
        let existing = try await SubscriptionModel.query(on: req.db)
            .filter(\.$channel == channel.rawValue).filter(\.$contactIndex == index).filter(\.$unsubscribedAt == nil).first()
        if let existing, existing.confirmedAt != nil || now.timeIntervalSince(existing.consentedAt) < Self.confirmationInterval {
            return SubscribeViews.message(req, title: .subscribedTitle, body: .subscribedBody, status: .ok)
        }
        let subscription = existing ?? SubscriptionModel(
            id: UUID(), channel: channel.rawValue, language: language.rawValue, teamID: teamID,
            consentStatement: Text.alerts(.consentStatement).in(req.language), consentedAt: now, unsubscribeDigest: "")
        let id = subscription.id!
        subscription.consentedAt = now
        subscription.unsubscribeDigest = UnsubscribeLinks.digest(forID: id, key: services.unsubscribeKey)
        subscription.contactSealed = try services.sealer.seal(contact, context: SealedColumn.subscriptionContact.context(rowID: id))
        subscription.contactIndex = index
        let link = "\(services.config.baseURL)/alerts/confirm/\(CapabilityToken.make("subscription-confirm", id: id, key: services.linkKey))"
        let notice = try Notice.make(
            channel: channel, to: contact, subject: Text.alerts(.confirmSubject).in(language),
            body: Text.alerts(channel == .email ? .confirmEmail(link) : .confirmText(link)).in(language),
            purpose: "subscription.confirm", recordID: id, services: services)
        try await req.db.transaction { db in
            try await subscription.save(on: db)
            try await notice.create(on: db)
        }
        try await req.audit("subscription.create", recordType: "subscription", recordID: id.uuidString)
        services.delivery.wake()
        return SubscribeViews.message(req, title: .subscribedTitle, body: .subscribedBody, status: .ok)
    }

    func confirmPage(req: Request) async throws -> Response {
        guard try await pending(req) != nil else {
            return SubscribeViews.message(req, title: .confirmTitle, body: .confirmInvalid, status: .notFound)
        }
        return SubscribeViews.confirm(req, token: req.parameters.get("token") ?? "")
    }

    /// Turns the subscription on. A GET only shows the button: mail scanners open links.
    func confirm(req: Request) async throws -> Response {
        guard let subscription = try await pending(req) else {
            return SubscribeViews.message(req, title: .confirmTitle, body: .confirmInvalid, status: .notFound)
        }
        if subscription.confirmedAt == nil {
            subscription.confirmedAt = req.amparo.clock.now()
            try await subscription.save(on: req.db)
            try await req.audit("subscription.confirm", recordType: "subscription", recordID: subscription.id!.uuidString)
        }
        return SubscribeViews.message(req, title: .confirmTitle, body: .confirmedBody, status: .ok)
    }

    private func pending(_ req: Request) async throws -> SubscriptionModel? {
        guard let token = req.parameters.get("token"),
              let id = CapabilityToken.verify("subscription-confirm", token: token, key: req.amparo.linkKey),
              let subscription = try await SubscriptionModel.find(id, on: req.db), subscription.unsubscribedAt == nil else { return nil }
        return subscription
    }

    func confirmUnsubscribe(req: Request) async throws -> Response {
        guard try await find(req) != nil else {
            return SubscribeViews.message(req, title: .unsubscribeTitle, body: .unsubscribeInvalid, status: .notFound)
        }
        return SubscribeViews.unsubscribe(req, token: req.parameters.get("token") ?? "")
    }

    /// Stops every alert to this subscription and deletes its contact; the consent record stays.
    func unsubscribe(req: Request) async throws -> Response {
        guard let subscription = try await find(req) else {
            return SubscribeViews.message(req, title: .unsubscribeTitle, body: .unsubscribeInvalid, status: .notFound)
        }
        subscription.unsubscribedAt = req.amparo.clock.now()
        subscription.contactSealed = nil
        subscription.contactIndex = nil
        try await subscription.save(on: req.db)
        try await req.audit("subscription.stop", recordType: "subscription", recordID: subscription.id!.uuidString)
        return SubscribeViews.message(req, title: .unsubscribeTitle, body: .unsubscribedBody, status: .ok)
    }

    private func find(_ req: Request) async throws -> SubscriptionModel? {
        guard let token = req.parameters.get("token"), token.count >= 32 else { return nil }
        return try await SubscriptionModel.query(on: req.db)
            .filter(\.$unsubscribeDigest == SecretDigest.of(token)).filter(\.$unsubscribedAt == nil).first()
    }
}

enum SubscribeViews {
    static func message(_ req: Request, title: AlertsText, body text: AlertsText, status: HTTPResponseStatus) -> Response {
        let l = req.language
        let body: HTML = "<h1>\(Text.alerts(title).in(l))</h1><p role=\"status\">\(Text.alerts(text).in(l))</p>"
        return htmlResponse(Layout.page(req, title: Text.alerts(title).in(l), body: body), status: status)
    }

    static func confirm(_ req: Request, token: String) -> Response {
        let l = req.language
        func t(_ text: AlertsText) -> String { Text.alerts(text).in(l) }
        let body: HTML = """
        <h1>\(t(.confirmTitle))</h1><p>\(t(.confirmBody))</p>
        <form method="post" action="/alerts/confirm/\(token)"><button type="submit" id="confirm">\(t(.confirmButton))</button></form>
        """
        return htmlResponse(Layout.page(req, title: t(.confirmTitle), body: body), status: .ok)
    }

    static func unsubscribe(_ req: Request, token: String) -> Response {
        let l = req.language
        func t(_ text: AlertsText) -> String { Text.alerts(text).in(l) }
        let body: HTML = """
        <h1>\(t(.unsubscribeTitle))</h1><p>\(t(.unsubscribeBody))</p>
        <form method="post" action="/alerts/unsubscribe/\(token)">
        <button type="submit">\(t(.unsubscribeButton))</button></form>
        """
        return htmlResponse(Layout.page(req, title: t(.unsubscribeTitle), body: body), status: .ok)
    }
}

/// The stop link in every alert: derived from the subscription with a server key, so the worker can
/// write it into each message while the database holds only its digest.
enum UnsubscribeLinks {
    static func token(forID id: UUID, key: SymmetricKey) -> String {
        Base64URL.encode(Array(HMAC<SHA256>.authenticationCode(for: Data("unsubscribe:\(id.uuidString)".utf8), using: key)))
    }

    /// What the database keeps of the link: its digest.
    static func digest(forID id: UUID, key: SymmetricKey) -> String {
        SecretDigest.of(token(forID: id, key: key))
    }
}
