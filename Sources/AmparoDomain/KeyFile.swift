import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The key file: kept outside the database (created on first run, mode 0600), so that a stolen
/// database file or backup reveals nothing sensitive without it.
public struct KeyFile: Codable, Sendable {
    public struct DataKey: Codable, Sendable {
        public var id: String
        public var key: String  // base64
        public var createdAt: Date
    }

    public var version: Int = 1
    public var currentKeyID: String
    public var dataKeys: [DataKey]
    public var indexKey: String

    public init(ring: KeyRing, createdAt: Date) {
        currentKeyID = ring.currentKeyID.rawValue
        dataKeys = ring.dataKeys.map { id, key in
            DataKey(id: id.rawValue, key: key.withUnsafeBytes { Data($0).base64EncodedString() }, createdAt: createdAt)
        }.sorted { $0.id < $1.id }
        indexKey = ring.indexKey.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    public func ring() throws -> KeyRing {
        var keys: [KeyID: SymmetricKey] = [:]
        for entry in dataKeys {
            guard let data = Data(base64Encoded: entry.key), data.count == 32 else { throw KeyFileError.corrupt }
            keys[KeyID(entry.id)] = SymmetricKey(data: data)
        }
        guard let index = Data(base64Encoded: indexKey), index.count == 32, keys[KeyID(currentKeyID)] != nil else {
            throw KeyFileError.corrupt
        }
        return KeyRing(dataKeys: keys, currentKeyID: KeyID(currentKeyID), indexKey: SymmetricKey(data: index))
    }

    /// Loads the key file, or creates it with fresh keys when it does not exist yet.
    public static func loadOrCreate(at url: URL, random: RandomSource, clock: WallClock) throws -> KeyRing {
        if FileManager.default.fileExists(atPath: url.path) {
            return try load(at: url)
        }
        let ring = KeyRing.generate(random: random)
        try KeyFile(ring: ring, createdAt: clock.now()).write(to: url)
        return ring
    }

    public static func load(at url: URL) throws -> KeyRing {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw KeyFileError.tooOpen(path: url.path, mode: mode)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(KeyFile.self, from: Data(contentsOf: url)).ring()
    }

    /// Writes atomically with mode 0600 from the start (never world-readable, even for a moment).
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(self)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try? FileManager.default.removeItem(at: temp)
        guard FileManager.default.createFile(atPath: temp.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw KeyFileError.cannotWrite(path: temp.path)
        }
        let handle = try FileHandle(forWritingTo: temp)
        try handle.write(contentsOf: data)
        try handle.synchronize()
        try handle.close()
        // rename(2) replaces the old file atomically: a crash leaves the old or the new file, never half of one.
        guard rename(temp.path, url.path) == 0 else { throw KeyFileError.cannotWrite(path: url.path) }
    }
}

public enum KeyFileError: Error, CustomStringConvertible {
    case corrupt
    case tooOpen(path: String, mode: Int)
    case cannotWrite(path: String)

    public var description: String {
        switch self {
        case .corrupt: "the key file is corrupt"
        case .tooOpen(let path, let mode):
            "the key file \(path) has mode \(String(mode, radix: 8)); run `chmod 600 \(path)` (others must not read it)"
        case .cannotWrite(let path): "cannot write the key file at \(path)"
        }
    }
}
