import NIOConcurrencyHelpers
import Vapor

/// Work that runs beside the server while it runs (delivery, the Signal inbox, retention): started
/// when the server has booted, cancelled when it shuts down.
struct BackgroundTask: LifecycleHandler {
    let work: @Sendable () async -> Void
    /// Nudges the work out of a wait so it notices the cancellation at once.
    let interrupt: @Sendable () -> Void
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(interrupt: @escaping @Sendable () -> Void = {}, _ work: @escaping @Sendable () async -> Void) {
        self.work = work
        self.interrupt = interrupt
    }

    /// Runs `body` every `seconds` until the server stops.
    static func every(_ seconds: Double, _ body: @escaping @Sendable () async -> Void) -> BackgroundTask {
        BackgroundTask {
            while !Task.isCancelled {
                await body()
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            }
        }
    }

    func didBootAsync(_ application: Application) async throws {
        let work = work
        task.withLockedValue { $0 = Task { await work() } }
    }

    func shutdownAsync(_ application: Application) async {
        task.withLockedValue { $0?.cancel() }
        interrupt()
    }
}

/// Ends the live pages' streams when the server stops (a browser reconnects to whichever server is up).
struct LiveEventsShutdown: LifecycleHandler {
    let events: LiveEvents

    func shutdownAsync(_ application: Application) async { events.endAll() }
}

struct PasswordWorkShutdown: LifecycleHandler {
    let work: PasswordWork

    func shutdownAsync(_ application: Application) async { work.shutdown() }
}
