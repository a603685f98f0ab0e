import Fluent
import Foundation
import SQLKit

/// A consistent online copy of the database, taken while the server runs.
public enum DatabaseSnapshot {
    public enum Failure: Error, CustomStringConvertible {
        case toolFailed(String)
        public var description: String {
            switch self { case .toolFailed(let message): message }
        }
    }

    /// SQLite: `VACUUM INTO` writes a transactionally consistent copy. PostgreSQL: `pg_dump` in its
    /// custom format (one consistent snapshot by design).
    public static func write(from database: any Database, postgresURL: String?, to file: URL) async throws {
        try? FileManager.default.removeItem(at: file)
        switch DatabaseKind(database) {
        case .sqlite:
            try await database.sql.raw("VACUUM INTO \(bind: file.path)").run()
        case .postgres:
            guard let url = postgresURL else { throw Failure.toolFailed("no PostgreSQL URL to back up") }
            try runTool("pg_dump", ["--format=custom", "--no-owner", "--file", file.path, "--dbname", url])
        }
    }

    /// Restores a PostgreSQL dump into the database at `url` (replacing what is there).
    public static func restorePostgres(dump: URL, url: String) throws {
        try runTool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", url, dump.path])
    }

    static func runTool(_ name: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            // The URL may hold a password: never echo the command line, only the tool's own message.
            throw Failure.toolFailed("\(name) failed (exit \(process.terminationStatus)): \(message.prefix(500))")
        }
    }
}
