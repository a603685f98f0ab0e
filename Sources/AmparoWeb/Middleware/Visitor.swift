import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Crypto
import Fluent
import Vapor

/// Who is asking: the signed-in member (if any), their session, their language and their CSRF token.
struct Visitor: Sendable {
    var user: UserModel?
    var session: SessionModel?
    var language: Language
    var csrfToken: String
    /// Set when the request came with a personal API token instead of a session.
    var apiToken: APITokenModel?

    var roles: RoleSet? { user?.roles }
    var isSignedIn: Bool { session?.sessionStage == .active && user != nil }
}

/// Cookie names: the `__Host-` prefix only where the browser will accept it (Secure, over TLS).
struct CookieNames {
    let session: String
    let browser: String
    static let language = "amparo_lang"

    init(secure: Bool) {
        session = secure ? "__Host-amparo_session" : "amparo_session"
        browser = secure ? "__Host-amparo_browser" : "amparo_browser"
    }
}

extension Request {
    private struct VisitorKey: StorageKey { typealias Value = Visitor }

    var visitor: Visitor {
        get { storage[VisitorKey.self] ?? Visitor(language: .en, csrfToken: "") }
        set { storage[VisitorKey.self] = newValue }
    }

    var hasVisitor: Bool { storage[VisitorKey.self] != nil }

    var language: Language {
        if hasVisitor { return visitor.language }
        return Language(rawValue: cookies[CookieNames.language]?.string ?? "")
            ?? Language.negotiate(acceptLanguage: headers.first(name: .acceptLanguage)) ?? .en
    }

    var cookieNames: CookieNames { CookieNames(secure: isSecure) }

    func cookie(_ value: String, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: maxAge, path: "/", isSecure: isSecure, isHTTPOnly: true, sameSite: .strict)
    }
}

/// Loads the session from its cookie, ends it when idle or past its absolute lifetime, picks the
/// language, and binds a CSRF token to the session (or, before sign-in, to a random browser cookie).
struct VisitorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The API (bearer tokens) and provider webhooks (signatures) ignore cookies, so no CSRF either.
        if request.url.path.hasPrefix("/api/") || request.url.path.hasPrefix("/hooks/") {
            request.visitor = Visitor(
                language: Language.negotiate(acceptLanguage: request.headers.first(name: .acceptLanguage)) ?? .en,
                csrfToken: "")
            return try await next.respond(to: request)
        }
        let names = request.cookieNames
        let cookies = request.cookies  // parsed from the header on every access: once is enough
        let now = request.amparo.clock.now()
        var user: UserModel?
        var session: SessionModel?
        var clearSessionCookie = false

        if let token = cookies[names.session]?.string, !token.isEmpty {
            let found = try await request.amparo.sessionCache.session(tokenDigest: SecretDigest.of(token), on: request.db)?
                .makeModel()
            if let found, isLive(found, now: now, config: request.amparo.config) {
                session = found
                user = found.user
                if now.timeIntervalSince(found.lastSeenAt) > 60 {  // one write a minute, not one per request
                    found.lastSeenAt = now
                    try await found.save(on: request.db)
                }
            } else {
                if let found { try await found.delete(on: request.db) }
                clearSessionCookie = true
            }
        }

        var newBrowserID: String?
        let binding: String
        if let session {
            binding = "session:\(session.tokenDigest)"
        } else if let browser = cookies[names.browser]?.string, browser.count >= 32 {
            binding = "browser:\(browser)"
        } else {
            let fresh = request.amparo.random.token()
            newBrowserID = fresh
            binding = "browser:\(fresh)"
        }

        let language = user?.language.flatMap(Language.init(rawValue:))
            ?? Language(rawValue: cookies[CookieNames.language]?.string ?? "")
            ?? Language.negotiate(acceptLanguage: request.headers.first(name: .acceptLanguage))
            ?? .en

        request.visitor = Visitor(
            user: user, session: session, language: language,
            csrfToken: CSRF.token(binding: binding, key: request.amparo.csrfKey))

        let response = try await next.respond(to: request)
        if clearSessionCookie && response.cookies[names.session] == nil {
            response.cookies[names.session] = .expired
        }
        // A publicly cacheable answer (a stylesheet, a script) carries no cookie: a shared cache
        // would hand one visitor's browser id to the next.
        let publicCacheable = response.headers.first(name: .cacheControl)?.contains("public") == true
        if let newBrowserID, response.cookies[names.browser] == nil, !publicCacheable {
            response.cookies[names.browser] = request.cookie(newBrowserID, maxAge: nil)
        }
        return response
    }

    private func isLive(_ session: SessionModel, now: Date, config: AmparoConfig) -> Bool {
        guard now < session.expiresAt, now.timeIntervalSince(session.lastSeenAt) < config.sessionIdleTimeout else {
            return false
        }
        return !session.user.isDisabled
    }
}

extension Request {
    private struct FormFieldsKey: StorageKey { typealias Value = [String: [String]] }

    /// Whether the body is a url-encoded form, read from the raw header (Vapor's `contentType` parses
    /// every directive, on every call).
    var isURLEncodedForm: Bool {
        guard let value = headers.first(name: .contentType) else { return false }
        return value.utf8.count >= 33 && value.lowercased().hasPrefix("application/x-www-form-urlencoded")
    }

    /// The collected url-encoded body, parsed once per request (nil for other content types).
    var formFields: [String: [String]]? {
        if let parsed = storage[FormFieldsKey.self] { return parsed }
        guard isURLEncodedForm, let body = body.data else { return nil }
        let parsed = FormBody.parse(body.readableBytesView)
        storage[FormFieldsKey.self] = parsed
        return parsed
    }

    /// The signed-in member (or the API token's owner) a change is made by. Routes that call it
    /// sit behind a member policy, so a missing one is a sign-in to ask for, not a crash.
    func member() throws -> UserID {
        guard let id = visitor.user?.id else { throw Abort(.unauthorized) }
        return UserID(id)
    }

    /// Each field's first value, as a `TypedForm` reads them (empty for other content types).
    var formValues: [String: String] { (formFields ?? [:]).compactMapValues(\.first) }
}

enum CSRF {
    static let fieldName = CSRFField.name
    static let headerName = "X-CSRF-Token"

    static func token(binding: String, key: SymmetricKey) -> String {
        Base64URL.encode(Array(HMAC<SHA256>.authenticationCode(for: Data(binding.utf8), using: key)))
    }

    /// Reads the token from the form field or the header and compares in constant time.
    static func verify(_ request: Request) async throws -> Bool {
        let expected = request.visitor.csrfToken
        guard !expected.isEmpty else { return false }
        var presented = request.headers.first(name: headerName)
        if presented == nil, request.isURLEncodedForm {
            _ = try await request.body.collect(max: 1 << 20).get()
            presented = request.formFields?[fieldName]?.first
        } else if presented == nil, request.headers.contentType == .formData {
            // A streamed upload (a large file) carries the token in its address instead of a field.
            presented = request.query[String.self, at: fieldName]
            if presented == nil {
                _ = try await request.body.collect(max: 1 << 20).get()
                presented = try? request.content.get(String.self, at: fieldName)
            }
        }
        guard let presented else { return false }
        return constantTimeEquals(Array(presented.utf8), Array(expected.utf8))
    }
}
