import AmparoWeb
import ArgumentParser

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server (the default command).")

    @OptionGroup var data: DataOptions
    @Option(help: "Address to listen on (default: $AMPARO_HOST or 127.0.0.1).") var hostname: String?
    @Option(help: "Port to listen on (default: $AMPARO_PORT or 8080).") var port: Int?

    func run() async throws {
        var config = try data.config()
        if let hostname { config.hostname = hostname }
        if let port { config.port = port }
        try await Operations.serve(config)
    }
}
