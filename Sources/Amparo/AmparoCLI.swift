import AmparoWeb
import ArgumentParser
import Logging

@main
struct AmparoCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amparo",
        abstract: "Amparo: rapid response, case support and campaigns for immigrant-defense groups.",
        discussion: """
            With no command, Amparo serves on http://127.0.0.1:8080 with an embedded SQLite database in \
            ./amparo-data. Set DATABASE_URL=postgres://... to use PostgreSQL instead.
            """,
        subcommands: [
            Serve.self, Migrate.self, UserCommand.self, KeysCommand.self, AuditCommand.self, Backup.self,
            Restore.self, Demo.self, Purge.self, Worker.self, LoadTestData.self, Import287g.self, ImportCounties.self, ImportCountyShapes.self,
            GenerateDetainers.self, ImportDetainers.self, Stats.self, Crosswalk.self,
        ],
        defaultSubcommand: Serve.self
    )

    static func main() async {
        // The process's only logging set-up: every logger is redacted and never below info.
        LoggingSystem.bootstrap { label in
            RedactingLogHandler(wrapping: StreamLogHandler.standardError(label: label), minimumLevel: .info)
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
