import AmparoDomain
import AmparoWeb
import ArgumentParser
import Foundation

/// Options every command shares: where the data lives.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder for the SQLite database and the key file (default: $AMPARO_DATA or ./amparo-data).")
    var dataDirectory: String?

    func config() throws -> AmparoConfig {
        var config = try AmparoConfig.fromEnvironment()
        if let dataDirectory {
            let url = URL(fileURLWithPath: dataDirectory, isDirectory: true)
            let wasDefault = config.database == .sqlite(path: config.dataDirectory.appendingPathComponent("amparo.sqlite").path)
            config.dataDirectory = url
            if wasDefault { config.database = .sqlite(path: url.appendingPathComponent("amparo.sqlite").path) }
        }
        return config
    }
}

/// The bytes of a file a command was given, or a failure that names it.
func readInput(_ path: String) throws -> Data {
    guard let bytes = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
    return bytes
}

/// Prints what an import did; a refused import exits 1.
func report(_ summary: Operations.ImportSummary) throws {
    print(summary.message)
    if summary.failed { throw ExitCode(1) }
}

struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Reads a secret without echoing it when stdin is a terminal; from the environment first.
func readSecret(prompt: String, environment name: String) throws -> String {
    if let value = ProcessInfo.processInfo.environment[name], !value.isEmpty { return value }
    FileHandle.standardError.write(Data("\(prompt): ".utf8))
    let isTerminal = isatty(STDIN_FILENO) == 1
    var original = termios()
    if isTerminal {
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
    }
    defer {
        if isTerminal {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
    }
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw CommandFailure("no passphrase given (set \(name) or type it when asked)")
    }
    return line
}
