import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reverse proxies whose forwarding headers Amparo believes (`AMPARO_TRUSTED_PROXIES`).
///
/// A client writes whatever `X-Forwarded-For` it likes and each proxy appends the address it saw, so
/// only the entries added by proxies we run can be believed: the client is the rightmost entry that
/// is not one of ours, and only when the connection itself comes from one of ours. Taking the first
/// entry instead would let anyone be a new source on every request.
public struct TrustedProxies: Sendable, Equatable {
    /// An address block: 4 or 16 bytes and how many leading bits must match.
    struct Network: Sendable, Equatable {
        let bytes: [UInt8]
        let prefixLength: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var bitsLeft = prefixLength
            for (mine, theirs) in zip(bytes, address) where bitsLeft > 0 {
                let mask: UInt8 = bitsLeft >= 8 ? 0xFF : ~(0xFF >> UInt8(bitsLeft))
                if mine & mask != theirs & mask { return false }
                bitsLeft -= 8
            }
            return true
        }
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let entry: String
        public var description: String {
            "AMPARO_TRUSTED_PROXIES: \"\(entry)\" is not an address or a block such as 10.0.0.0/8 or fd00::/8"
        }
    }

    let networks: [Network]

    /// Forwarding headers are ignored: the connection's own address is the client.
    public static let none = TrustedProxies(networks: [])
    /// A proxy on the same machine (nginx or Caddy in front of Amparo): `AMPARO_TRUST_PROXY=1`.
    public static let loopback = TrustedProxies(networks: [
        Network(bytes: [127, 0, 0, 0], prefixLength: 8),
        Network(bytes: Array(repeating: 0, count: 15) + [1], prefixLength: 128),
    ])

    /// A comma-separated list of addresses and CIDR blocks: `127.0.0.1, 10.0.0.0/8, fd00::/8`.
    public init(parsing list: String) throws(ParseError) {
        var networks: [Network] = []
        for entry in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let bytes = Self.addressBytes(parts[0]) else { throw ParseError(entry: entry) }
            let length = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let length, (0...bytes.count * 8).contains(length) else { throw ParseError(entry: entry) }
            networks.append(Network(bytes: bytes, prefixLength: length))
        }
        self.networks = networks
    }

    init(networks: [Network]) { self.networks = networks }

    public var isEmpty: Bool { networks.isEmpty }

    public func trusts(_ address: String) -> Bool {
        guard let bytes = Self.addressBytes(address) else { return false }
        return networks.contains { $0.contains(bytes) }
    }

    /// Where a request came from: the connection's peer, or, when that peer is one of our proxies,
    /// the rightmost `X-Forwarded-For` hop that is not (every value of the header, in order).
    public func client(peer: String?, forwardedFor values: [String]) -> String? {
        guard let peer, trusts(peer) else { return peer }
        let hops = values.flatMap { $0.split(separator: ",") }
            .map { Self.stripPort($0.trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.isEmpty }
        return hops.last { !trusts($0) } ?? hops.first ?? peer
    }

    /// Whether the connection's peer may speak for the client (`X-Forwarded-Proto`).
    public func believesHeaders(from peer: String?) -> Bool {
        guard let peer else { return false }
        return trusts(peer)
    }

    /// "203.0.113.5:4711" and "[2001:db8::1]:443" as proxies sometimes write them, without the port.
    static func stripPort(_ hop: String) -> String {
        if hop.hasPrefix("["), let end = hop.firstIndex(of: "]") {
            return String(hop[hop.index(after: hop.startIndex)..<end])
        }
        if hop.filter({ $0 == ":" }).count == 1, let colon = hop.firstIndex(of: ":") {
            return String(hop[..<colon])
        }
        return hop
    }

    /// 4 bytes for IPv4, 16 for IPv6; an IPv4-mapped IPv6 address counts as its IPv4 address.
    static func addressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF { return Array(bytes[12...]) }
        return bytes
    }
}
