import AmparoDomain
import Foundation
import Vapor

extension Operations {
    /// Runs the server until it is stopped: migrate, print the first-run link if needed, serve.
    public static func serve(_ config: AmparoConfig) async throws {
        let app = try await Application.make(Environment(name: "production", arguments: ["amparo", "serve"]))
        do {
            try await configure(app, config)
            try await migrateQuietly(app)
            try await DetainerImporter.recoverInterrupted(app)
            // The HTTP server listens on a loopback port of its own; the public address is the
            // guard's, which holds every connection to ConnectionLimits first.
            app.http.server.configuration.hostname = "127.0.0.1"
            app.http.server.configuration.port = 0
            var quiet = app.logger
            quiet.logLevel = .warning
            app.http.server.configuration.logger = quiet
            try await app.startup()
            guard let serverPort = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError) }
            let listener = try await ConnectionGuard.start(host: config.hostname, port: config.port, forwardingTo: serverPort,
                                                           ledger: app.amparo.connections, group: app.eventLoopGroup)
            app.logger.notice("Server started on http://\(config.hostname):\(config.port)")
            // Last, once the server listens, so it is what the operator sees; again at every start
            // while setup is not done (each start replaces the link).
            if let link = try await setupLinkIfNeeded(app) {
                // Straight to the terminal, not the log: the link is a secret for the operator only.
                FileHandle.standardOutput.write(Data(setupBanner(link).utf8))
            }
            try await app.running?.onStop.get()
            try? await listener.stop()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// The first-run link, framed so it stands out from the log, in both languages.
    static func setupBanner(_ link: String) -> String {
        let rule = String(repeating: "=", count: 72)
        return """

            \(rule)
              Amparo is running. It has no organization yet: open this one-time link
              in your browser to set it up (valid 24 hours).
              Amparo está funcionando y aún no tiene organización: abra este enlace
              de un solo uso en su navegador para configurarla (válido 24 horas).

                  \(link)

            \(rule)


            """
    }

    /// Migrations tell their steps at debug level: at the default level a first start prints
    /// the server's address and the setup link, not fifty lines of schema changes.
    /// Then the settings page's channels are read, which the schema now holds.
    static func migrateQuietly(_ app: Application) async throws {
        let level = app.logger.logLevel
        if level > .debug { app.logger.logLevel = .notice }
        defer { app.logger.logLevel = level }
        try await app.autoMigrate()
        try await app.amparo.reloadSettings(on: app.db)
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
            try await migrateQuietly(app)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
