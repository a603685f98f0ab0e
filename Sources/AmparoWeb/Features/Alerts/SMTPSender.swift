import AmparoDomain
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Where mail goes and how Amparo signs in there.
public struct SMTPServer: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var security: SMTPSecurity
    public var username: String?
    public var password: String?
    public var from: String
    /// A PEM file of certificates to trust besides the system's (a relay with its own certificate authority).
    public var trustRootsFile: String?
    /// How long a reply may take: a server that goes quiet fails the message instead of holding it.
    public var replyTimeout: TimeAmount = .seconds(60)

    public init(host: String, port: Int, security: SMTPSecurity, username: String? = nil, password: String? = nil, from: String,
                trustRootsFile: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.from = from
        self.trustRootsFile = trustRootsFile
    }

    var isLoopback: Bool { ["localhost", "127.0.0.1", "::1"].contains(host.lowercased()) }
}

/// SMTP to a mail provider or a relay: STARTTLS or implicit TLS, AUTH PLAIN or LOGIN. Keeps up to
/// `limit` sessions open and sends each message on an idle one (MAIL, RCPT, DATA), instead of a
/// new connection, greeting, TLS handshake and sign-in per message.
actor SMTPSender: ChannelSender {
    let server: SMTPServer
    let group: any EventLoopGroup
    let limit: Int
    /// Relays close idle connections (Postfix after 300 s); ours are dropped well before.
    static let idleLimit: Duration = .seconds(30)

    private var idle: [(session: SMTPSession, since: ContinuousClock.Instant)] = []
    private var opened = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(server: SMTPServer, group: any EventLoopGroup, limit: Int = 8) {
        self.server = server
        self.group = group
        self.limit = limit
    }

    func send(_ message: OutgoingMessage) async throws {
        let (session, reused) = try await acquire()
        do {
            try await session.send(message)
            release(session)
        } catch SMTPSession.Stale.closed where reused {
            // The relay closed a session that sat idle before our MAIL was read: nothing was sent,
            // so the message goes once more on a new session.
            discard(session)
            let (fresh, _) = try await acquire(reuse: false)
            do { try await fresh.send(message); release(fresh) } catch { discard(fresh); throw error }
        } catch {
            discard(session)
            throw error
        }
    }

    private func acquire(reuse: Bool = true) async throws -> (SMTPSession, Bool) {
        while true {
            let now = ContinuousClock.now
            while reuse, let entry = idle.popLast() {
                if now - entry.since < Self.idleLimit, entry.session.isOpen { return (entry.session, true) }
                discard(entry.session)
            }
            if opened < limit {
                opened += 1
                do { return (try await SMTPSession.open(server, group: group), false) } catch {
                    opened -= 1
                    wakeOne()
                    throw error
                }
            }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    private func release(_ session: SMTPSession) {
        idle.append((session, .now))
        wakeOne()
    }

    private func discard(_ session: SMTPSession) {
        session.close()
        opened -= 1
        wakeOne()
    }

    private func wakeOne() {
        if !waiting.isEmpty { waiting.removeFirst().resume() }
    }
}

/// One command of the dialogue and the reply code it needs. `label` names it in errors and logs:
/// never the command itself, which may carry a password.
struct SMTPStep: Sendable {
    let command: String?
    let expect: Int
    let label: String

    init(_ command: String?, _ expect: Int, label: String? = nil) {
        self.command = command
        self.expect = expect
        self.label = label ?? command.map { String($0.prefix { $0 != " " && $0 != ":" }) } ?? "greeting"
    }
}

/// One SMTP connection, greeted, secured, signed in and EHLO'd, sending one message at a time for
/// its pool. The dialogue runs on the connection's event loop (`SMTPClientHandler`): a message
/// costs one hop there and one back, not one per command.
final class SMTPSession: Sendable {
    /// The connection was closed before the relay read our MAIL command: the message was not sent.
    enum Stale: Error { case closed }

    private let channel: any Channel
    private let handler: NIOLoopBound<SMTPClientHandler>
    private let from: String

    private init(channel: any Channel, handler: NIOLoopBound<SMTPClientHandler>, from: String) {
        self.channel = channel
        self.handler = handler
        self.from = from
    }

    var isOpen: Bool { channel.isActive }

    static func open(_ server: SMTPServer, group: any EventLoopGroup) async throws -> SMTPSession {
        if server.username != nil, server.security == .none, !server.isLoopback {
            throw DeliveryError.permanent("SMTP: a password is only sent over TLS; choose STARTTLS or TLS")
        }
        let tls = try tlsContext(server)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.seconds(10))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if server.security == .tls {
                            try channel.pipeline.syncOperations.addHandler(try tlsHandler(tls, server))
                        }
                        try channel.pipeline.syncOperations.addHandler(SMTPClientHandler(replyTimeout: server.replyTimeout))
                    }
                }
                .connect(host: server.host, port: server.port).get()
        } catch {
            throw DeliveryError.temporary("SMTP connect: \(error)")
        }
        let handler = try await channel.pipeline.handler(type: SMTPClientHandler.self).map {
            NIOLoopBound($0, eventLoop: channel.eventLoop)
        }.get()
        let session = SMTPSession(channel: channel, handler: handler, from: server.from)
        do {
            var capabilities = try await session.run([SMTPStep(nil, 220), SMTPStep("EHLO amparo", 250)])
            if server.security == .starttls {
                guard capabilities.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else {
                    throw DeliveryError.permanent("SMTP: the server does not offer STARTTLS")
                }
                _ = try await session.run([SMTPStep("STARTTLS", 220)])
                let ssl = try tlsHandler(tls, server)
                try await channel.eventLoop.submit { try channel.pipeline.syncOperations.addHandler(ssl, position: .first) }.get()
                capabilities = try await session.run([SMTPStep("EHLO amparo", 250)])
            }
            if let username = server.username {
                try await session.signIn(username: username, password: server.password ?? "", capabilities: capabilities)
            }
        } catch SMTPSession.Stale.closed {
            session.close()
            throw DeliveryError.temporary("SMTP: the server closed the connection while it was being set up")
        } catch {
            session.close()
            throw error
        }
        return session
    }

    private static func tlsContext(_ server: SMTPServer) throws -> NIOSSLContext? {
        guard server.security != .none else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = server.trustRootsFile {
            configuration.additionalTrustRoots = [.file(file)]
        }
        do { return try NIOSSLContext(configuration: configuration) } catch {
            throw DeliveryError.permanent("SMTP TLS set-up: \(error)")
        }
    }

    private static func tlsHandler(_ context: NIOSSLContext?, _ server: SMTPServer) throws -> NIOSSLClientHandler {
        guard let context else { throw DeliveryError.permanent("SMTP TLS set-up") }
        // An address has no name to send (SNI); its certificate is checked against the address.
        let isAddress = server.host.contains(":") || server.host.allSatisfy { $0.isNumber || $0 == "." }
        return try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : server.host)
    }

    /// AUTH PLAIN when offered (one round trip), else AUTH LOGIN.
    private func signIn(username: String, password: String, capabilities: [String]) async throws {
        let mechanisms = Set(capabilities.filter { $0.uppercased().hasPrefix("AUTH") }
            .flatMap { $0.uppercased().dropFirst(4).split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init) })
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        if mechanisms.contains("PLAIN") {
            _ = try await run([SMTPStep("AUTH PLAIN " + base64("\0\(username)\0\(password)"), 235, label: "AUTH")])
        } else if mechanisms.contains("LOGIN") {
            _ = try await run([SMTPStep("AUTH LOGIN", 334, label: "AUTH"), SMTPStep(base64(username), 334, label: "AUTH"),
                               SMTPStep(base64(password), 235, label: "AUTH")])
        } else {
            throw DeliveryError.permanent("SMTP: the server offers no sign-in Amparo speaks (PLAIN or LOGIN)")
        }
    }

    func send(_ message: OutgoingMessage) async throws {
        _ = try await run([
            SMTPStep("MAIL FROM:<\(from)>", 250), SMTPStep("RCPT TO:<\(message.to)>", 250), SMTPStep("DATA", 354),
            SMTPStep(MailFormat.render(message, from: from) + "\r\n.", 250, label: "message"),
        ])
    }

    /// Runs the steps; answers the lines of the last reply (EHLO's are the server's capabilities).
    private func run(_ steps: [SMTPStep]) async throws -> [String] {
        let loop = channel.eventLoop
        let promise = loop.makePromise(of: [String].self)
        loop.execute { self.handler.value.start(steps, promise: promise) }
        return try await promise.futureResult.get()
    }

    func close() { channel.close(promise: nil) }
}

/// Drives one command-reply sequence at a time on the event loop: writes a command, reads its
/// reply ("250-more" lines until "250 last"), checks the code, writes the next.
final class SMTPClientHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var context: ChannelHandlerContext?
    private let replyTimeout: TimeAmount
    /// Counts sequences, so a timer set for one that finished leaves the next alone.
    private var sequence = 0
    private var steps: ArraySlice<SMTPStep> = []
    private var promise: EventLoopPromise<[String]>?
    private var first = true
    private var line: [UInt8] = []
    /// The lines of the reply being read, without their codes.
    private var replyLines: [String] = []
    private var closed = false
    /// Why TLS failed, kept for a sequence that starts after the handshake already broke.
    private var tlsFailure: (any Error)?
    /// Replies that came before anyone waited for them (the greeting often beats `start`).
    private var early: [[UInt8]] = []

    init(replyTimeout: TimeAmount) { self.replyTimeout = replyTimeout }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func start(_ steps: [SMTPStep], promise: EventLoopPromise<[String]>) {
        if let tlsFailure { return promise.fail(tlsFailure) }
        guard !closed, let context else { return promise.fail(SMTPSession.Stale.closed) }
        self.steps = steps[...]
        self.promise = promise
        first = true
        sequence += 1
        let current = sequence, limit = replyTimeout
        context.eventLoop.scheduleTask(in: limit) { [weak self] in self?.expire(current, after: limit) }
        writeCurrent(context)
        let replies = early
        early = []
        for text in replies { reply(context, text) }
    }

    private func writeCurrent(_ context: ChannelHandlerContext) {
        guard let step = steps.first, let command = step.command else { return }
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: command + "\r\n")), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        for byte in buffer.readableBytesView {
            if byte == UInt8(ascii: "\n") {
                reply(context, line)
                line.removeAll(keepingCapacity: true)
            } else if byte != UInt8(ascii: "\r") {
                line.append(byte)
            }
        }
    }

    private func reply(_ context: ChannelHandlerContext, _ text: [UInt8]) {
        guard let step = steps.first else { return early.append(text) }
        replyLines.append(String(decoding: text.dropFirst(4), as: UTF8.self))
        if text.count >= 4, text[3] == UInt8(ascii: "-") { return }  // more lines of this reply follow
        let lines = replyLines
        replyLines = []
        let code = Int(String(decoding: text.prefix(3), as: UTF8.self)) ?? 0
        guard code == step.expect else {
            // The server's own words say why (a wrong password, a refused sender); they hold nothing of ours.
            let why = "SMTP \(step.label) answered \(code) \(lines.joined(separator: " ").prefix(200))"
            return finish(.failure(code >= 500 ? DeliveryError.permanent(why) : DeliveryError.temporary(why)))
        }
        steps = steps.dropFirst()
        first = false
        if steps.isEmpty { finish(.success(lines)) } else { writeCurrent(context) }
    }

    /// The server said nothing in time: the sequence fails (nothing was taken, or it is retried as a
    /// message that may have gone) and the connection is closed.
    private func expire(_ expired: Int, after limit: TimeAmount) {
        guard expired == sequence, promise != nil else { return }
        finish(.failure(DeliveryError.temporary("SMTP: no answer within \(limit.nanoseconds / 1_000_000_000) seconds")))
        context?.close(promise: nil)
    }

    private func finish(_ result: Result<[String], any Error>) {
        let promise = self.promise
        self.promise = nil
        steps = []
        promise?.completeWith(result)
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        // Closed before the first command of a sequence was answered: nothing was accepted.
        finish(.failure(first ? SMTPSession.Stale.closed : DeliveryError.temporary("SMTP server closed the connection")))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A TLS failure (an untrusted certificate, say) is worth its own words.
        let failure: any Error
        if error is NIOSSLError || error is BoringSSLError {
            failure = DeliveryError.permanent("SMTP TLS: \(error)")
            tlsFailure = failure
        } else if first {
            failure = SMTPSession.Stale.closed
        } else {
            failure = DeliveryError.temporary("SMTP: \(error)")
        }
        finish(.failure(failure))
        context.close(promise: nil)
    }
}

enum MailFormat {
    /// A plain-text UTF-8 message; the body in base64 so no line or byte can break the SMTP dialogue.
    static func render(_ message: OutgoingMessage, from: String) -> String {
        let subject = "=?UTF-8?B?\(Data(message.subject.utf8).base64EncodedString())?="
        let body = Data(message.body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let date = DateFormatter.rfc2822.string(from: Date())
        return ([
            "From: \(from)", "To: <\(message.to)>", "Subject: \(subject)", "Date: \(date)",
            "Message-ID: <\(message.idempotencyKey)@amparo>",
        ] + (message.unsubscribeURL.map { ["List-Unsubscribe: <\($0)>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click"] } ?? []) + [
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", body,
        ]).joined(separator: "\r\n")
    }
}

extension DateFormatter {
    static let rfc2822: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()
}
