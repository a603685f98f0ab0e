import AmparoDomain
import Foundation
import Vapor

extension Operations {
    /// Runs the server until it is stopped: migrate, print the first-run link if needed, serve.
    public static func serve(_ config: AmparoConfig) async throws {
        let app = try await Application.make(Environment(name: "production", arguments: ["amparo", "serve"]))
        do {
            try await configure(app, config)
            try await app.autoMigrate()
            try await DetainerImporter.recoverInterrupted(app)
            if let link = try await setupLinkIfNeeded(app) {
                // Straight to the terminal, not the log: the link is a secret for the operator only.
                FileHandle.standardOutput.write(Data("""

                    Amparo has no organization yet. Open this one-time link to set it up (valid 24 hours):

                        \(link)


                    """.utf8))
            }
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Builds the application through the same `configure` as the server, migrates, runs `body`,
    /// and shuts down: what every CLI command does.
    public static func withApplication<T: Sendable>(
        _ config: AmparoConfig, _ body: @Sendable (Application) async throws -> T
    ) async throws -> T {
        var config = config
        config.runScheduler = false
        config.runDelivery = false
        let app = try await Application.make(Environment(name: "production", arguments: ["amparo"]))
        do {
            try await configure(app, config)
            try await app.autoMigrate()
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
