import Foundation

/// Rules for short single-line text that people type (a team name, a region). Lengths count Unicode
/// scalars, as JSON Schema's maxLength does, so the API and its OpenAPI document agree; control
/// characters are refused because PostgreSQL cannot store NUL and nobody means to type them.
public enum SingleLineText {
    public enum Problem: Error, Equatable { case empty, tooLong, controlCharacter }

    /// Text from a text area as one paragraph: each line break becomes a space (an SMS is one line).
    public static func joiningLines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    /// The trimmed value, or what is wrong with it. `raw` is measured before trimming.
    public static func validate(_ raw: String?, maxLength: Int, required: Bool) -> Result<String, Problem> {
        let raw = raw ?? ""
        if raw.unicodeScalars.count > maxLength { return .failure(.tooLong) }
        if raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .failure(.controlCharacter)
        }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty { return .failure(.empty) }
        return .success(trimmed)
    }
}
