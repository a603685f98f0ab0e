import AmparoDomain

/// A form read into a typed value: it keeps what was typed (shown again when it is refused) and
/// checks itself into what the operation needs, or into the fields to fix, in form order. The HTML
/// form and the API call the same check, so both refuse the same input with the same fields.
public protocol TypedForm: Sendable, Equatable, Codable {
    associatedtype Field: Hashable, Sendable, Codable, CaseIterable
    associatedtype Valid
    associatedtype Context = Void

    /// What was typed, from a form body's first value per name.
    init(fields: [String: String])
    func validated(_ context: Context) -> Result<Valid, FormRefusal<Field>>
}

/// The fields of a form to fix.
public struct FormRefusal<Field: Hashable & Sendable & Codable & CaseIterable>: Error, Sendable, Equatable, Codable {
    public let fields: [Field]

    /// Nil when nothing is wrong; the fields in the order the form lists them.
    public init?(_ wrong: Set<Field>) {
        guard !wrong.isEmpty else { return nil }
        fields = Field.allCases.filter(wrong.contains)
    }

    public func contains(_ field: Field) -> Bool { fields.contains(field) }
}

extension Form {
    /// The summary at the top of a refused form: one line per field to fix.
    public static func errorSummary<Field>(_ refusal: FormRefusal<Field>?, language: Language, text: (Field) -> Text) -> HTML {
        errorSummary(refusal?.fields.map { text($0).in(language) } ?? [], language: language)
    }
}
