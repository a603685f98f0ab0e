import AmparoDomain
import AmparoFixtures
import AmparoWeb
import ArgumentParser
import Foundation

struct GenerateDetainers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-detainers",
        abstract: "Write a fictional detainer file shaped like the Deportation Data Project's releases (same headers, codes and quirks), deterministic from a seed.")
    @Option(help: "Rows to write.") var rows: Int = 10_000
    @Option(help: "Seed: the same seed writes the same file.") var seed: UInt64 = 1
    @Option(help: "Header of which release: jul2025 or latest.") var release: DetainerRelease = .latest
    @Option(help: "xlsx (ICE's preamble, several sheets) or csv.") var format: DetainerSampleFile.Format = .xlsx
    @Option(name: .customLong("sheet-rows"), help: "Rows per sheet in an xlsx.") var sheetRows: Int = 200_000
    @Option(name: .customLong("bad-row-every"), help: "Put a defect (bad date, unknown code, unknown state) in one row of every N (0: none).") var badRowEvery: Int = 0
    @Option(help: "Generated county jails beyond the named ones.") var facilities: Int = 400
    @Argument(help: "The file to write.") var file: String

    func run() async throws {
        guard rows >= 0, sheetRows > 0 else { throw ValidationError("--rows must be 0 or more and --sheet-rows more than 0") }
        var options = DetainerSampleFile.Options(rows: rows, seed: seed)
        options.release = release
        options.format = format
        options.sheetRows = sheetRows
        options.badRowEvery = badRowEvery
        options.extraFacilities = facilities
        try DetainerSampleFile.write(to: URL(fileURLWithPath: file), options)
    }
}

extension DetainerRelease: ExpressibleByArgument {}
extension DetainerSampleFile.Format: ExpressibleByArgument {}
extension Operations.StatsFormat: ExpressibleByArgument {}

struct ImportDetainers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-detainers",
        abstract: "Import ICE detainer records (xlsx as the Deportation Data Project publishes them, or CSV): whole or not at all; the same file again changes nothing.")
    @OptionGroup var data: DataOptions
    @Flag(name: .customLong("no-progress"), help: "No progress bar.") var noProgress = false
    @Argument(help: "The file.") var file: String

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw CommandFailure("cannot read \(file)") }
        let progress = !noProgress
        try report(try await Operations.withApplication(data.config()) { app in
            try await Operations.importDetainers(app, url: url, fileName: url.lastPathComponent, progressBar: progress)
        })
    }
}

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Detainer figures for the nation, a state, a county or a facility, as the evidence pages show them.")
    @OptionGroup var data: DataOptions
    @Option(help: "State (TX or Texas).") var state: String?
    @Option(help: "County within --state (\"Harris County\" or harris-county).") var county: String?
    @Option(help: "Facility code within --state (ICE's DETLOC).") var facility: String?
    @Option(help: "First month, YYYY-MM.") var from: String?
    @Option(help: "Last month, YYYY-MM.") var to: String?
    @Option(help: "text, csv or json.") var format: Operations.StatsFormat = .text
    @Option(help: "en or es.") var language: String = "en"

    func run() async throws {
        guard county == nil || state != nil, facility == nil || state != nil else { throw ValidationError("--county and --facility need --state") }
        let language: Language = language == "es" ? .es : .en
        let (state, county, facility, from, to, format) = (state, county, facility, from, to, format)
        try report(try await Operations.withApplication(data.config()) { app in
            try await Operations.detainerStats(app, state: state, county: county, facility: facility, from: from, to: to, format: format, language: language)
        })
    }
}

struct Crosswalk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosswalk",
        abstract: "List the jails named by imported detainer records and their counties; --confirm-proposed confirms every county Amparo proposed.")
    @OptionGroup var data: DataOptions
    @Flag(name: .customLong("confirm-proposed"), help: "Confirm every proposed county (after checking the list).") var confirmProposed = false

    func run() async throws {
        let confirm = confirmProposed
        try report(try await Operations.withApplication(data.config()) { try await Operations.crosswalk($0, confirmProposed: confirm) })
    }
}
