import AmparoDomain
import AmparoWeb
import ArgumentParser
import Foundation

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply database migrations (the server also does this at start).")
    @OptionGroup var data: DataOptions

    func run() async throws {
        try await Operations.withApplication(data.config()) { _ in }
        print("The database is up to date.")
    }
}

extension Role: ExpressibleByArgument {}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage member accounts.",
        subcommands: [Create.self, Disable.self, ResetSecondFactor.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a member and print their one-time invitation link (they choose their own password).")
        @OptionGroup var data: DataOptions
        @Option(help: "Email address.") var email: String
        @Option(help: "Full name.") var name: String
        @Option(help: "Mobile phone (optional).") var phone: String?
        @Option(help: "A role to hold (repeatable): \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: [Role]
        @Option(name: .customLong("team"), help: "A team to join (repeatable).") var teams: [String] = []

        func validate() throws {
            if role.isEmpty { throw ValidationError("Give at least one --role.") }
        }

        func run() async throws {
            let (email, name, phone, role, teams) = (email, name, phone, role, teams)
            let link = try await Operations.withApplication(data.config()) { app in
                try await Operations.createUser(app, email: email, name: name, phone: phone, roles: RoleSet(role), teamNames: teams)
            }
            print("Created. Send this invitation link privately (valid 72 hours):\n\n    \(link)\n")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions and API tokens.")
        @OptionGroup var data: DataOptions
        @Option(help: "Email address.") var email: String

        func run() async throws {
            let email = email
            try await Operations.withApplication(data.config()) { try await Operations.disableUser($0, email: email) }
            print("Disabled.")
        }
    }

    struct ResetSecondFactor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-2fa", abstract: "Clear an account's second factor; they enrol again at next sign-in.")
        @OptionGroup var data: DataOptions
        @Option(help: "Email address.") var email: String

        func run() async throws {
            let email = email
            try await Operations.withApplication(data.config()) { try await Operations.resetSecondFactor($0, email: email) }
            print("Two-step sign-in reset. The member sets it up again at next sign-in.")
        }
    }
}

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the encryption keys.", subcommands: [Rotate.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a new data key and re-seal every sealed value with it, in batches.",
            discussion: "Safe to interrupt: run again with --resume to finish re-sealing without adding another key.")
        @OptionGroup var data: DataOptions
        @Option(help: "Rows per batch.") var batchSize = 500
        @Flag(help: "Finish an interrupted rotation instead of adding a new key.") var resume = false

        func run() async throws {
            let config = try data.config()
            if !resume {
                let id = try Operations.addDataKey(config)
                print("New data key \(id) is now current.")
            }
            let batchSize = batchSize
            let count = try await Operations.withApplication(config) { app in
                try await Operations.resealAll(app, batchSize: batchSize) { column, n in print("  re-sealed \(n) in \(column)") }
            }
            print("Done: \(count) values re-sealed.")
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Work with the audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the audit log's hash chain; exits 1 if it is broken.")
        @OptionGroup var data: DataOptions

        func run() async throws {
            let config = try data.config()
            let (checked, problem, checkpoint) = try await Operations.withApplication(config) { try await Operations.verifyAudit($0) }
            if let problem {
                print("BROKEN after \(checked) good entries: \(problem)")
                throw ExitCode(1)
            }
            print("Intact: \(checked) entries checked.")
            if let checkpoint {
                print("The head checkpoint (\(config.auditHeadURL.path)) names entry \(checkpoint), which is there unchanged.")
            } else if checked > 0 {
                // An install from before checkpoints, or a restore of an older backup; the next audited action writes one.
                print("No head checkpoint at \(config.auditHeadURL.path): deleted newest entries would not show until one is written.")
            }
        }
    }
}

struct Purge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every retention rule once (the server runs them hourly).")
    @OptionGroup var data: DataOptions

    func run() async throws {
        let results = try await Operations.withApplication(data.config()) { await Operations.purge($0) }
        var failed = false
        for (name, removed) in results {
            print("\(name): \(removed.map { "\($0) removed" } ?? "FAILED")")
            failed = failed || removed == nil
        }
        if failed { throw ExitCode(1) }
    }
}

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an encrypted backup (database snapshot + key file) while Amparo runs.",
        discussion: "The passphrase comes from AMPARO_BACKUP_PASSPHRASE or is asked for. Keep it apart from the backup.")
    @OptionGroup var data: DataOptions
    @Option(name: .shortAndLong, help: "The backup file to write.") var output: String

    func run() async throws {
        let passphrase = try readSecret(prompt: "Backup passphrase", environment: "AMPARO_BACKUP_PASSPHRASE")
        let url = URL(fileURLWithPath: output)
        try await Operations.withApplication(data.config()) { try await Operations.backup($0, to: url, passphrase: passphrase) }
        print("Backup written to \(url.path).")
    }
}

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Restore an encrypted backup into the data folder (or DATABASE_URL). Stop the server first.")
    @OptionGroup var data: DataOptions
    @Option(name: .shortAndLong, help: "The backup file to read.") var input: String
    @Flag(help: "Replace existing data.") var force = false

    func run() async throws {
        let passphrase = try readSecret(prompt: "Backup passphrase", environment: "AMPARO_BACKUP_PASSPHRASE")
        let restored = try Operations.restore(data.config(), from: URL(fileURLWithPath: input), passphrase: passphrase, force: force)
        print("Restored \(restored.joined(separator: ", ")).")
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a fictional demo data set (organization, teams, one member per role with invitation links).")
    @OptionGroup var data: DataOptions
    @Option(help: "The port the server will listen on, for the links (default: $AMPARO_PORT or 8080; AMPARO_PUBLIC_URL wins).") var port: Int?

    func run() async throws {
        var config = try data.config()
        if let port { config.port = port }
        let members = try await Operations.withApplication(config) { try await Operations.loadDemo($0) }
        print("Demo data loaded. Invitation links (open one to choose a password and sign in as that member):")
        for member in members {
            print("  \(member.roles.stored.padding(toLength: 12, withPad: " ", startingAt: 0)) \(member.name): \(member.link ?? "(already there)")")
        }
    }
}

struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Deliver queued alerts (email, SMS, Signal) from this process; several may run at once on PostgreSQL.",
        discussion: "The server delivers in-process too. Channels come from AMPARO_SMTP, AMPARO_TWILIO_*, AMPARO_SIGNAL_*.")
    @OptionGroup var data: DataOptions
    @Flag(help: "Stop when nothing is due instead of waiting for more.") var untilEmpty = false

    func run() async throws {
        let untilEmpty = untilEmpty
        let tried = try await Operations.withApplication(data.config()) { try await Operations.runWorker($0, untilEmpty: untilEmpty) }
        if untilEmpty { print("Tried \(tried) messages; nothing more is due.") }
    }
}

struct LoadTestData: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load-test-data",
        abstract: "Fill an empty test database with fictional subscribers and an alert to them all (for scripts/bench-alerts), or with fictional cases (scripts/bench-cases).")
    @OptionGroup var data: DataOptions
    @Option(help: "How many subscribers.") var subscribers = 100_000
    @Option(help: "Domain of the fictional email addresses.") var emailDomain = "sink.test"
    @Option(help: "Instead of subscribers: this many cases, and a case worker's session (printed as JSON).") var cases = 0
    @Option(help: "Timeline entries per case.") var eventsPerCase = 20

    func run() async throws {
        if cases > 0 {
            let (count, events) = (cases, eventsPerCase)
            let result = try await Operations.withApplication(data.config()) { try await Operations.seedCases($0, cases: count, eventsPerCase: events) }
            let encoder = JSONEncoder()
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        let (count, domain) = (subscribers, emailDomain)
        let result = try await Operations.withApplication(data.config()) { app in
            try await Operations.seedSubscribers(app, count: count, emailDomain: domain)
            return try await Operations.publishLoadTestAlert(app)
        }
        print("queued \(result.queued) messages in \(String(format: "%.3f", result.seconds)) s")
    }
}

struct Import287g: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-287g",
        abstract: "Import one of ICE's 287(g) lists (xlsx as published, or CSV) as a new snapshot; the same file again changes nothing.")
    @OptionGroup var data: DataOptions
    @Option(help: "Which list: participating or pending.") var list: AgreementList = .participating
    @Argument(help: "The file.") var file: String

    func run() async throws {
        let bytes = try readInput(file)
        let (list, name) = (list, URL(fileURLWithPath: file).lastPathComponent)
        try report(try await Operations.withApplication(data.config()) { app in
            try await Operations.import287g(app, data: bytes, fileName: name, list: list)
        })
    }
}

extension AgreementList: ExpressibleByArgument {}

struct ImportCounties: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-counties",
        abstract: "Load the Census Bureau's county list (national_county.txt or national_county2020.txt): FIPS codes for every county.")
    @OptionGroup var data: DataOptions
    @Argument(help: "The file.") var file: String

    func run() async throws {
        // The Census has published these lists in Latin-1 as well as UTF-8.
        let bytes = try readInput(file)
        let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .isoLatin1) ?? ""
        try report(try await Operations.withApplication(data.config()) { try await Operations.importCounties($0, text: text) })
    }
}

struct ImportCountyShapes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-county-shapes",
        abstract: "Load county outlines for the US map from the Census Bureau's cartographic boundary file as GeoJSON (e.g. cb_2023_us_county_20m).")
    @OptionGroup var data: DataOptions
    @Argument(help: "The GeoJSON file.") var file: String

    func run() async throws {
        let bytes = try readInput(file)
        try report(try await Operations.withApplication(data.config()) { try await Operations.importCountyShapes($0, data: bytes) })
    }
}
