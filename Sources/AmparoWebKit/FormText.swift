import AmparoDomain
import Foundation

/// A form's optional text: the trimmed value (nil when empty), or a 422 saying to keep it short
/// and free of control characters. `joiningLines`: a text area's line breaks become spaces.
public enum FormText {
    public static func field(_ fields: [String: String], _ name: String, limit: Int, joiningLines: Bool = true) throws -> String? {
        let raw = joiningLines ? fields[name].map(SingleLineText.joiningLines) : fields[name]
        guard case .success(let value) = SingleLineText.validate(raw, maxLength: limit, required: false) else {
            throw UserFacingError(status: .unprocessableEntity, text: .cases(.errorText))
        }
        return value.isEmpty ? nil : value
    }
}

/// A required one-line text as a typed form checks it: trimmed, a text area's line breaks as
/// spaces, no control characters, at most `limit` code points; nil when it cannot be kept.
public enum LineText {
    public static func validate(_ raw: String, limit: Int) -> String? {
        try? SingleLineText.validate(SingleLineText.joiningLines(raw), maxLength: limit, required: true).get()
    }
}

/// A note keeps its paragraphs: line breaks are allowed, other control characters are not.
public enum NoteText {
    public static func validate(_ raw: String?, limit: Int = 4000) -> String? {
        let text = (raw ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.unicodeScalars.count <= limit,
              !text.unicodeScalars.contains(where: { $0 != "\n" && $0.properties.generalCategory == .control }) else { return nil }
        return text
    }
}
