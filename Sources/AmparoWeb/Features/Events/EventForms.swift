import AmparoDomain
import AmparoWebKit
import Foundation

/// A public sign-up, as typed.
struct EventSignUpForm: TypedForm {
    enum Field: String, Hashable, Sendable, Codable, CaseIterable { case name, email }

    struct Valid {
        let name: String
        let email: String
    }

    var name = ""
    var email = ""

    init() {}

    init(fields: [String: String]) {
        name = fields["name"] ?? ""
        email = fields["email"] ?? ""
    }

    func validated(_: Void) -> Result<Valid, FormRefusal<Field>> {
        let name = LineText.validate(name, limit: 120)
        let email = email.trimmingCharacters(in: .whitespaces)
        let emailOK = EmailAddress.isValid(email)
        guard let name, emailOK else {
            return .failure(FormRefusal(Set([name == nil ? .name : nil, emailOK ? nil : .email].compactMap { $0 }))!)
        }
        return .success(Valid(name: name, email: email))
    }
}

/// A new event, as an organizer typed it.
struct NewEventForm: TypedForm {
    enum Field: String, Hashable, Sendable, Codable, CaseIterable { case kind, titleEN, titleES, startsAt, place, capacity, descriptionEN, descriptionES }

    struct Valid {
        let kind: EventKind
        let title: Bilingual
        let description: Bilingual
        let startsAt: Date
        let place: String
        let capacity: Int
    }

    var kind = ""
    var titleEN = ""
    var titleES = ""
    var startsAt = ""
    var place = ""
    var capacity = ""
    var descriptionEN = ""
    var descriptionES = ""

    init() {}

    init(fields: [String: String]) {
        kind = fields["kind"] ?? ""
        titleEN = fields["titleEN"] ?? ""
        titleES = fields["titleES"] ?? ""
        startsAt = fields["startsAt"] ?? ""
        place = fields["place"] ?? ""
        capacity = fields["capacity"] ?? ""
        descriptionEN = fields["descriptionEN"] ?? ""
        descriptionES = fields["descriptionES"] ?? ""
    }

    /// `timeZone`: the organization's, in which the start is typed.
    func validated(_ timeZone: TimeZone) -> Result<Valid, FormRefusal<Field>> {
        /// "" when none was written; nil when what was written cannot be kept.
        func paragraphs(_ text: String) -> String? {
            text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "" : NoteText.validate(text, limit: 2000)
        }
        let kind = EventKind(rawValue: kind), titleEN = LineText.validate(titleEN, limit: 200), titleES = LineText.validate(titleES, limit: 200)
        let starts = LocalDateTime.parse(startsAt, timeZone: timeZone), place = LineText.validate(place, limit: 300)
        let capacity = Int(capacity.trimmingCharacters(in: .whitespaces)).flatMap { (1...10_000).contains($0) ? $0 : nil }
        let descriptionEN = paragraphs(descriptionEN), descriptionES = paragraphs(descriptionES)
        guard let kind, let titleEN, let titleES, let starts, let place, let capacity, let descriptionEN, let descriptionES else {
            let wrong: [Field?] = [kind == nil ? .kind : nil, titleEN == nil ? .titleEN : nil, titleES == nil ? .titleES : nil, starts == nil ? .startsAt : nil,
                                   place == nil ? .place : nil, capacity == nil ? .capacity : nil, descriptionEN == nil ? .descriptionEN : nil,
                                   descriptionES == nil ? .descriptionES : nil]
            return .failure(FormRefusal(Set(wrong.compactMap { $0 }))!)
        }
        return .success(Valid(kind: kind, title: Bilingual(en: titleEN, es: titleES), description: Bilingual(en: descriptionEN, es: descriptionES),
                              startsAt: starts, place: place, capacity: capacity))
    }
}
