import Foundation
import NIOCore
import NIOPosix

/// Plain SMTP to a relay (Postfix on the same machine, say). Keeps up to `limit` sessions open and
/// sends each message on an idle one (MAIL, RCPT, DATA), instead of a new connection, greeting and
/// EHLO per message.
actor SMTPSender: ChannelSender {
    let host: String
    let port: Int
    let from: String
    let group: any EventLoopGroup
    let limit: Int
    /// Relays close idle connections (Postfix after 300 s); ours are dropped well before.
    static let idleLimit: Duration = .seconds(30)

    private var idle: [(session: SMTPSession, since: ContinuousClock.Instant)] = []
    private var opened = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(host: String, port: Int, from: String, group: any EventLoopGroup, limit: Int = 8) {
        self.host = host
        self.port = port
        self.from = from
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
                do { return (try await SMTPSession.open(host: host, port: port, group: group, from: from), false) } catch {
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

/// One SMTP connection, greeted and EHLO'd, sending one message at a time for its pool. The
/// dialogue runs on the connection's event loop (`SMTPClientHandler`): a message costs one hop
/// there and one back, not one per command.
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

    static func open(host: String, port: Int, group: any EventLoopGroup, from: String) async throws -> SMTPSession {
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.seconds(10))
                .channelInitializer { $0.pipeline.addHandler(SMTPClientHandler()) }
                .connect(host: host, port: port).get()
        } catch {
            throw DeliveryError.temporary("SMTP connect: \(error)")
        }
        let handler = try await channel.pipeline.handler(type: SMTPClientHandler.self).map {
            NIOLoopBound($0, eventLoop: channel.eventLoop)
        }.get()
        let session = SMTPSession(channel: channel, handler: handler, from: from)
        do {
            try await session.run([(nil, 220), ("EHLO amparo", 250)])
        } catch {
            session.close()
            throw error
        }
        return session
    }

    func send(_ message: OutgoingMessage) async throws {
        try await run([
            ("MAIL FROM:<\(from)>", 250), ("RCPT TO:<\(message.to)>", 250), ("DATA", 354),
            (MailFormat.render(message, from: from) + "\r\n.", 250),
        ])
    }

    private func run(_ steps: [(String?, Int)]) async throws {
        let loop = channel.eventLoop
        let promise = loop.makePromise(of: Void.self)
        loop.execute { self.handler.value.start(steps, promise: promise) }
        try await promise.futureResult.get()
    }

    func close() { channel.close(promise: nil) }
}

/// Drives one command-reply sequence at a time on the event loop: writes a command, reads its
/// reply ("250-more" lines until "250 last"), checks the code, writes the next.
final class SMTPClientHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var context: ChannelHandlerContext?
    private var steps: ArraySlice<(String?, Int)> = []
    private var promise: EventLoopPromise<Void>?
    private var first = true
    private var line: [UInt8] = []
    private var closed = false
    /// Replies that came before anyone waited for them (the greeting often beats `start`).
    private var early: [[UInt8]] = []

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func start(_ steps: [(String?, Int)], promise: EventLoopPromise<Void>) {
        guard !closed, let context else { return promise.fail(SMTPSession.Stale.closed) }
        self.steps = steps[...]
        self.promise = promise
        first = true
        writeCurrent(context)
        let replies = early
        early = []
        for text in replies { reply(context, text) }
    }

    private func writeCurrent(_ context: ChannelHandlerContext) {
        guard let (command, _) = steps.first, let command else { return }
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
        if text.count >= 4, text[3] == UInt8(ascii: "-") { return }  // more lines of this reply follow
        guard let (command, expected) = steps.first else { return early.append(text) }
        let code = Int(String(decoding: text.prefix(3), as: UTF8.self)) ?? 0
        guard code == expected else {
            let text = "SMTP \(command?.split(separator: ":").first.map(String.init) ?? "greeting") answered \(code)"
            return finish(.failure(code >= 500 ? DeliveryError.permanent(text) : DeliveryError.temporary(text)))
        }
        steps = steps.dropFirst()
        first = false
        if steps.isEmpty { finish(.success(())) } else { writeCurrent(context) }
    }

    private func finish(_ result: Result<Void, any Error>) {
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
        finish(.failure(first ? SMTPSession.Stale.closed : DeliveryError.temporary("SMTP: \(error)")))
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
