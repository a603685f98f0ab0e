import AmparoWebKit
import NIOPosix
import Vapor

/// Password hashing (bcrypt, slow by design) on threads of its own, at most one hash per thread at a
/// time, with a short queue behind them. A sign-in flood waits briefly or is told to come back (429);
/// it never takes the threads SQLite runs on, so the database keeps answering everyone else.
final class PasswordWork: Sendable {
    /// The queue is full: come back in a few seconds.
    static let busy = UserFacingError(status: .tooManyRequests, text: .errorSignInBusy, headers: ["Retry-After": "5"])

    /// Whether `error` is `busy`, for the forms that answer it on their own page.
    static func isBusy(_ error: any Error) -> Bool { (error as? UserFacingError)?.text == busy.text }

    private let pool: NIOThreadPool
    private let gate: WorkGate

    init(threads: Int, queueLimit: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
        gate = WorkGate(permits: max(1, threads), queueLimit: queueLimit)
    }

    /// Throws `busy` when the queue is full.
    func verify(_ password: String, against hash: String, with hasher: some PasswordHasher & Sendable) async throws -> Bool {
        try await run { try hasher.verify(password, created: hash) }
    }

    func hash(_ password: String, with hasher: some PasswordHasher & Sendable) async throws -> String {
        try await run { try hasher.hash(password) }
    }

    func shutdown() {
        try? pool.syncShutdownGracefully()
    }

    private func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        guard await gate.enter() else { throw Self.busy }
        do {
            let value = try await pool.runIfActive(work)
            await gate.leave()
            return value
        } catch {
            await gate.leave()
            throw error
        }
    }
}

/// A counting semaphore with a bounded line: `enter` waits for a permit, or answers false at once
/// when `queueLimit` callers are already waiting.
actor WorkGate {
    private var free: Int
    private let queueLimit: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(permits: Int, queueLimit: Int) {
        free = permits
        self.queueLimit = queueLimit
    }

    func enter() async -> Bool {
        if free > 0 {
            free -= 1
            return true
        }
        guard waiting.count < queueLimit else { return false }
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    func leave() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

extension Request {
    /// Checks a password on the password threads; throws `PasswordWork.busy` when their queue is full.
    func passwordMatches(_ password: String, hash: String) async throws -> Bool {
        try await amparo.passwordWork.verify(password, against: hash, with: application.password)
    }

    func hashPassword(_ password: String) async throws -> String {
        try await amparo.passwordWork.hash(password, with: application.password)
    }

    /// The hash, or nil when the password threads are busy: the form is then shown again with what
    /// was typed (`busyAnswer`), rather than the error page.
    func hashPasswordUnlessBusy(_ password: String) async throws -> String? {
        do {
            return try await hashPassword(password)
        } catch where PasswordWork.isBusy(error) {
            return nil
        }
    }
}

extension Response {
    /// Marks a form shown again because the password threads were busy: 429, come back in 5 s.
    func busyAnswer() -> Response {
        status = PasswordWork.busy.status
        headers.add(contentsOf: PasswordWork.busy.headers)
        return self
    }
}
