/// The Census Bureau's county lists, as published: `national_county.txt` (comma-separated:
/// STATE,STATEFP,COUNTYFP,COUNTYNAME,CLASSFP) and `national_county2020.txt` (pipe-separated, with
/// a header: STATE|STATEFP|COUNTYFP|COUNTYNS|COUNTYNAME|CLASSFP|FUNCSTAT).
public enum CensusCounties {
    public struct County: Sendable, Equatable {
        public let state: USState
        /// Five digits: the state's two and the county's three.
        public let fips: String
        public let name: String
    }

    public struct Problem: Error, Sendable, Equatable {
        public let line: Int
        public let text: String
    }

    public static func parse(_ text: String) -> Result<[County], Problem> {
        var counties: [County] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("STATE|") || line.hasPrefix("STATE,") { continue }
            let fields = line.contains("|") ? line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                                            : line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let nameIndex = line.contains("|") ? 4 : 3
            guard fields.count > nameIndex, let state = USState.find(fields[0]), fields[1] == state.fips,
                  fields[2].count == 3, fields[2].allSatisfy(\.isNumber), !fields[nameIndex].isEmpty else {
                return .failure(Problem(line: index + 1, text: String(line.prefix(120))))
            }
            counties.append(County(state: state, fips: state.fips + fields[2], name: fields[nameIndex]))
        }
        return .success(counties)
    }
}
