import Foundation

/// The people an admin pastes to invite them together: one per line, as typed or as copied from a
/// spreadsheet. A line's fields are split by tabs when it has any, else by commas or semicolons,
/// and read by what they look like, in any order: the one with an "@" is the email, one made of
/// digits and phone punctuation is the phone, the rest (a name, or first and last name in two
/// columns) is the name. Blank lines are skipped; a header line ("name, email") is too.
public struct PastedPeople: Sendable, Equatable {
    public struct Person: Sendable, Equatable, Codable {
        /// The line's number in what was pasted, from 1, for the refusal to point at.
        public let line: Int
        public let name: String
        public let email: String
        public let phone: String
    }

    /// More than this at once is refused: a coordinator's list, not a mailing list.
    public static let maximum = 200

    public let people: [Person]

    public init(_ text: String) {
        var people: [Person] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let separators: Set<Character> = line.contains("\t") ? ["\t"] : [",", ";"]
            let fields = line.split(whereSeparator: { separators.contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var name: [String] = [], email = "", phone = ""
            for field in fields {
                if field.contains("@"), email.isEmpty {
                    email = field
                } else if phone.isEmpty, Self.looksLikePhone(field) {
                    phone = field
                } else {
                    name.append(field)
                }
            }
            if email.isEmpty, people.isEmpty, Self.isHeader(fields) { continue }
            people.append(Person(line: index + 1, name: name.joined(separator: " "), email: email, phone: phone))
        }
        self.people = people
    }

    /// Digits with the punctuation people write phones with, and enough digits to be one.
    static func looksLikePhone(_ field: String) -> Bool {
        let allowed = Set("0123456789+()-. ")
        return field.allSatisfy { allowed.contains($0) } && field.filter(\.isNumber).count >= 7
    }

    private static func isHeader(_ fields: [String]) -> Bool {
        let words: Set<String> = ["name", "nombre", "email", "e-mail", "correo", "phone", "teléfono", "telefono", "first name", "last name", "apellido"]
        return !fields.isEmpty && fields.allSatisfy { words.contains($0.lowercased()) }
    }

    /// Lines that give an email already given on an earlier line: (line, earlier line).
    public var repeatedEmails: [(line: Int, earlier: Int)] {
        var first: [String: Int] = [:], repeated: [(Int, Int)] = []
        for person in people where !person.email.isEmpty {
            let key = person.email.lowercased()
            if let earlier = first[key] { repeated.append((person.line, earlier)) } else { first[key] = person.line }
        }
        return repeated
    }
}
