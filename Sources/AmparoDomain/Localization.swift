/// The languages every page and message comes in.
public enum Language: String, CaseIterable, Codable, Sendable {
    case en
    case es

    public var nativeName: String {
        switch self {
        case .en: "English"
        case .es: "Español"
        }
    }

    /// Picks the best supported language from an Accept-Language header ("es-MX,es;q=0.9,en;q=0.8").
    public static func negotiate(acceptLanguage header: String?) -> Language? {
        guard let header else { return nil }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag.lowercased(), quality)
        }
        for (tag, quality) in ranked.sorted(by: { $0.1 > $1.1 }) where quality > 0 {
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            if let language = Language(rawValue: primary) { return language }
        }
        return nil
    }
}
