import Crypto
import Foundation
import _CryptoExtras

/// An encrypted backup: the database snapshot and the key file, sealed together under a key derived
/// from a passphrase with scrypt. Without the passphrase the file reveals nothing, not even file names.
///
/// Layout: magic line, scrypt parameters (log2 N, r, p as bytes), 16-byte salt, then one AES-256-GCM
/// box (nonce, ciphertext, tag) whose plaintext is a list of (name, bytes) entries.
public enum BackupArchive {
    static let magic = Data("AMPARO-BACKUP-1\n".utf8)

    public struct Parameters: Sendable {
        public var log2N: UInt8
        public var r: UInt8
        public var p: UInt8
        /// About 1 second and 128 MiB on a small server: slow enough to make guessing expensive.
        public static let standard = Parameters(log2N: 17, r: 8, p: 1)
        /// For tests only.
        public static let fast = Parameters(log2N: 10, r: 8, p: 1)
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notABackup, wrongPassphraseOrDamaged, malformed, passphraseTooShort

        public var description: String {
            switch self {
            case .notABackup: "this file is not an Amparo backup"
            case .wrongPassphraseOrDamaged: "wrong passphrase, or the backup file is damaged"
            case .malformed: "the backup's contents are malformed"
            case .passphraseTooShort: "use a passphrase of at least 12 characters"
            }
        }
    }

    public static func seal(
        entries: [(name: String, data: Data)], passphrase: String, random: RandomSource, parameters: Parameters = .standard
    ) throws -> Data {
        guard passphrase.count >= 12 else { throw Failure.passphraseTooShort }
        var payload = Data()
        for entry in entries {
            let name = Data(entry.name.utf8)
            payload.append(contentsOf: withUnsafeBytes(of: UInt32(name.count).bigEndian, Array.init))
            payload.append(name)
            payload.append(contentsOf: withUnsafeBytes(of: UInt64(entry.data.count).bigEndian, Array.init))
            payload.append(entry.data)
        }
        let salt = Data(random.bytes(16))
        let key = try deriveKey(passphrase, salt: salt, parameters)
        let header = magic + Data([parameters.log2N, parameters.r, parameters.p]) + salt
        let box = try AES.GCM.seal(payload, using: key, nonce: AES.GCM.Nonce(data: random.bytes(12)), authenticating: header)
        return header + box.combined!
    }

    public static func open(_ archive: Data, passphrase: String) throws -> [(name: String, data: Data)] {
        let headerLength = magic.count + 3 + 16
        guard archive.count > headerLength + 28, archive.prefix(magic.count) == magic else { throw Failure.notABackup }
        let bytes = [UInt8](archive)
        let parameters = Parameters(log2N: bytes[magic.count], r: bytes[magic.count + 1], p: bytes[magic.count + 2])
        guard (10...22).contains(parameters.log2N), parameters.r > 0, parameters.p > 0 else { throw Failure.notABackup }
        let salt = Data(bytes[(magic.count + 3)..<headerLength])
        let key = try deriveKey(passphrase, salt: salt, parameters)
        let payload: Data
        do {
            let box = try AES.GCM.SealedBox(combined: Data(bytes[headerLength...]))
            payload = try AES.GCM.open(box, using: key, authenticating: Data(bytes[..<headerLength]))
        } catch {
            throw Failure.wrongPassphraseOrDamaged
        }
        var entries: [(String, Data)] = []
        var offset = 0
        let raw = [UInt8](payload)
        func read(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count >= 0, offset + count <= raw.count else { throw Failure.malformed }
            defer { offset += count }
            return raw[offset..<(offset + count)]
        }
        while offset < raw.count {
            let nameLength = try read(4).reduce(0) { $0 << 8 | Int($1) }
            let name = String(decoding: try read(nameLength), as: UTF8.self)
            let dataLength = try read(8).reduce(0) { $0 << 8 | Int($1) }
            entries.append((name, Data(try read(dataLength))))
        }
        return entries
    }

    private static func deriveKey(_ passphrase: String, salt: Data, _ parameters: Parameters) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Data(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: 1 << Int(parameters.log2N),
            blockSize: Int(parameters.r), parallelism: Int(parameters.p))
    }
}
