import FluentPostgresDriver
import Foundation
import Logging
import PostgresKit
import SQLKit

/// Carries short messages between app servers that share one PostgreSQL database (NOTIFY and
/// LISTEN on one channel), so a page open on one server hears what happened on another. Each
/// message names the server that sent it, and a server ignores its own. SQLite has one server,
/// so there is nothing to carry.
public final class LiveRelay: Sendable {
    public static let channel = "amparo_live"
    /// This process, for the lifetime of the process.
    public let serverID = UUID().uuidString
    let configuration: PostgresConnection.Configuration

    public init(url: String) throws {
        configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
    }

    /// Sends `message` to every other server. PostgreSQL caps a payload at 8,000 bytes; ours are short.
    public func send(_ message: String, on db: any SQLDatabase) async throws {
        try await db.raw("SELECT pg_notify(\(bind: Self.channel), \(bind: serverID + "|" + message))").run()
    }

    /// Hands every other server's message to `receive` until the task is cancelled; a lost
    /// connection is opened again after a second.
    public func listen(logger: Logger, _ receive: @escaping @Sendable (String) -> Void) async {
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
                defer { Task { try? await connection.close() } }
                try await connection.listen(on: Self.channel) { notifications in
                    for try await notification in notifications {
                        guard let bar = notification.payload.firstIndex(of: "|") else { continue }
                        guard notification.payload[..<bar] != serverID else { continue }
                        receive(String(notification.payload[notification.payload.index(after: bar)...]))
                    }
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("live relay: \(String(reflecting: type(of: error))); listening again in a second")
            }
            try? await Task.sleep(nanoseconds: 1_000_000_000)
        }
    }
}
