import AmparoDomain
import AmparoPersistence
import Fluent
import Foundation
import Vapor

/// What the command line can do to a configured application. The CLI stays a thin shell around these.
public enum Operations {
    /// The one-time setup link, while no organization exists (a new one at every start).
    public static func setupLinkIfNeeded(_ app: Application) async throws -> String? {
        try await SetupRoutes.issueSetupLinkIfNeeded(app)
    }

    /// Creates a member and returns their invitation link.
    public static func createUser(
        _ app: Application, email: String, name: String, phone: String? = nil, roles: RoleSet, teamNames: [String]
    ) async throws -> String {
        let teams = try await TeamModel.query(on: app.db).filter(\.$name ~~ teamNames).all()
        let missing = Set(teamNames).subtracting(teams.map(\.name))
        guard missing.isEmpty else {
            throw OperationError("no team named \(missing.sorted().joined(separator: ", ")); create it first")
        }
        let accounts = Accounts(db: app.db, services: app.amparo)
        do {
            let (user, token) = try await accounts.create(
                email: email, name: name, phone: phone, roles: roles, teamIDs: teams.compactMap(\.id))
            try await app.amparo.audit.append(
                on: app.db, actor: "cli", action: "user.create", recordType: "user", recordID: user.id!.uuidString)
            return "\(app.amparo.config.baseURL)/invite/\(token!)"
        } catch let problem as Accounts.Problem {
            throw OperationError(problem.text.in(.en))
        }
    }

    public static func disableUser(_ app: Application, email: String) async throws {
        let accounts = Accounts(db: app.db, services: app.amparo)
        guard let user = try await accounts.find(email: email) else { throw OperationError("no account has that email address") }
        try await accounts.setDisabled(user, true, actor: "cli")
    }

    public static func resetSecondFactor(_ app: Application, email: String) async throws {
        let accounts = Accounts(db: app.db, services: app.amparo)
        guard let user = try await accounts.find(email: email) else { throw OperationError("no account has that email address") }
        try await accounts.resetSecondFactor(user, actor: "cli")
    }

    /// Adds a new data key to the key file and makes it current. Old keys stay, to open what is not
    /// re-sealed yet.
    public static func addDataKey(_ config: AmparoConfig) throws -> KeyID {
        var ring = try KeyFile.load(at: config.keyFileURL)
        let id = ring.rotate(random: config.random)
        try KeyFile(ring: ring, createdAt: config.clock.now()).write(to: config.keyFileURL)
        return id
    }

    /// Re-seals every sealed value under the current key, in batches; safe to interrupt and rerun.
    public static func resealAll(
        _ app: Application, batchSize: Int, progress: @Sendable (String, Int) -> Void
    ) async throws -> Int {
        let result = try await KeyRotation(sealer: app.amparo.sealer).run(on: app.db, batchSize: batchSize) { column, count in
            progress("\(column.table).\(column.column)", count)
        }
        try await app.amparo.audit.append(
            on: app.db, actor: "cli", action: "keys.rotate", recordType: "key", recordID: app.amparo.sealer.keys.currentKeyID.rawValue)
        return result.resealed
    }

    public static func verifyAudit(_ app: Application) async throws -> (checked: Int64, problem: String?, checkpoint: Int64?) {
        let result = try await app.amparo.audit.verify(on: app.db)
        return (result.entriesChecked, result.problem?.description, result.checkpoint)
    }

    public static func purge(_ app: Application) async -> [(name: String, removed: Int?)] {
        await app.amparo.purge.runAll(logger: app.logger).map { ($0.name, try? $0.result.get()) }
    }

    /// Writes an encrypted backup: a consistent snapshot of the database plus the key file.
    public static func backup(_ app: Application, to output: URL, passphrase: String) async throws {
        let config = app.amparo.config
        let snapshot = FileManager.default.temporaryDirectory.appendingPathComponent("amparo-snapshot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: snapshot) }
        let postgresURL: String? = if case .postgres(let url) = config.database { url } else { nil }
        // Read before the snapshot: entries only ever follow it, so it stays a true lower bound.
        let head = FileManager.default.contents(atPath: config.auditHeadURL.path)
        try await DatabaseSnapshot.write(from: app.db, postgresURL: postgresURL, to: snapshot)
        var entries = [
            (name: postgresURL == nil ? "amparo.sqlite" : "amparo.pgdump", data: try Data(contentsOf: snapshot)),
            (name: "amparo.keys", data: try Data(contentsOf: config.keyFileURL)),
        ]
        if let head { entries.append((name: "amparo.audit-head", data: head)) }
        let sealed = try BackupArchive.seal(entries: entries, passphrase: passphrase, random: config.random)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil, attributes: [.posixPermissions: 0o600])
        try sealed.write(to: output)
        try await app.amparo.audit.append(on: app.db, actor: "cli", action: "backup.create", recordType: "backup", recordID: output.lastPathComponent)
    }

    /// Restores a backup into the data folder (SQLite) or the PostgreSQL database. The server must be stopped.
    public static func restore(_ config: AmparoConfig, from input: URL, passphrase: String, force: Bool) throws -> [String] {
        let entries = try BackupArchive.open(Data(contentsOf: input), passphrase: passphrase)
        guard let keys = entries.first(where: { $0.name == "amparo.keys" }) else {
            throw OperationError("the backup has no key file")
        }
        let fm = FileManager.default
        try fm.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if fm.fileExists(atPath: config.keyFileURL.path) && !force {
            throw OperationError("\(config.keyFileURL.path) exists; stop Amparo and pass --force to replace the current data")
        }
        switch config.database {
        case .sqlite(let path):
            guard let database = entries.first(where: { $0.name == "amparo.sqlite" }) else {
                throw OperationError("the backup holds a PostgreSQL dump; set DATABASE_URL to restore it")
            }
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
            try database.data.write(to: URL(fileURLWithPath: path))
        case .postgres(let url):
            guard let dump = entries.first(where: { $0.name == "amparo.pgdump" }) else {
                throw OperationError("the backup holds a SQLite database; unset DATABASE_URL to restore it")
            }
            let file = fm.temporaryDirectory.appendingPathComponent("amparo-restore-\(UUID().uuidString)")
            defer { try? fm.removeItem(at: file) }
            try dump.data.write(to: file)
            try DatabaseSnapshot.restorePostgres(dump: file, url: url)
        }
        try? fm.removeItem(at: config.keyFileURL)
        _ = fm.createFile(atPath: config.keyFileURL.path, contents: keys.data, attributes: [.posixPermissions: 0o600])
        // The current head would describe the data just replaced.
        try? fm.removeItem(at: config.auditHeadURL)
        if let head = entries.first(where: { $0.name == "amparo.audit-head" }) {
            _ = fm.createFile(atPath: config.auditHeadURL.path, contents: head.data, attributes: [.posixPermissions: 0o600])
        }
        return entries.map(\.name)
    }
}

public struct OperationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
