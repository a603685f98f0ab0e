/// Proposes the county of a jail from its name, as ICE's detainer records give it ("HARRIS COUNTY
/// JAIL", "MULTNOMAH CO DETENTION CTR", "EAST BATON ROUGE PARISH PRISON", "MIAMI-DADE TGK"):
/// the longest county name of the same state found as whole words in the facility's name. A
/// person confirms every proposal; a name that fits no county (state and federal prisons) is
/// listed for a person to place.
public enum FacilityMatcher {
    public struct County: Sendable {
        public let id: String
        /// `Normalized.words` of the county's name ("MIAMI DADE COUNTY").
        public let nameKey: String

        public init(id: String, nameKey: String) {
            self.id = id
            self.nameKey = nameKey
        }
    }

    /// Words that mean the facility is not a county's (a state or federal prison).
    static let notCounty: Set<String> = ["TDCJ", "CDCR", "FDC", "FCI", "USP", "FMC", "FPC", "DOC", "STATE", "FEDERAL", "BOP"]

    public static func propose(facility name: String, among counties: [County]) -> String? {
        let words = Normalized.words(name).split(separator: " ").map(String.init)
        guard !words.isEmpty, !words.contains(where: { notCounty.contains($0) && $0 != "STATE" }) || words.contains("COUNTY") else { return nil }
        let padded = " " + words.map { $0 == "CO" || $0 == "CNTY" ? "COUNTY" : $0 }.joined(separator: " ") + " "
        var best: (id: String, length: Int)?
        for county in counties {
            // "MIAMI DADE COUNTY" → "MIAMI DADE"; the name alone matches too ("MIAMI DADE TGK").
            let base = county.nameKey.split(separator: " ").filter { $0 != "COUNTY" && $0 != "PARISH" && $0 != "BOROUGH" }.joined(separator: " ")
            guard !base.isEmpty else { continue }
            let full = " \(county.nameKey) ", bare = " \(base) "
            let length: Int
            if padded.contains(full) { length = full.count + 100 }  // the whole name, "COUNTY" included, wins
            else if padded.contains(bare) { length = bare.count }
            else { continue }
            if length > (best?.length ?? 0) { best = (county.id, length) }
        }
        return best?.id
    }
}
