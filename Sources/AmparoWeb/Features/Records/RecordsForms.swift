import AmparoDomain
import AmparoWebKit

/// A new request, as typed.
struct NewRecordsRequestForm: TypedForm {
    enum Field: String, Hashable, Sendable, Codable, CaseIterable { case agency, subject, state, via, sentOn }

    struct Valid {
        let agency: String
        let subject: String
        let state: String
        let via: RecordsChannel
        let sentOn: Day
    }

    var agency = ""
    var subject = ""
    var state = "OR"
    var via = RecordsChannel.email.rawValue
    var sentOn = ""

    init() {}

    init(fields: [String: String]) {
        agency = fields["agency"] ?? ""
        subject = fields["subject"] ?? ""
        state = fields["state"] ?? ""
        via = fields["via"] ?? ""
        sentOn = fields["sentOn"] ?? ""
    }

    /// `today`: in the organization's time zone; a request is not sent in the future.
    func validated(_ today: Day) -> Result<Valid, FormRefusal<Field>> {
        let agency = LineText.validate(agency, limit: 300)
        let subject = NoteText.validate(subject)
        let law = RecordsLaw.law(for: state)
        let via = RecordsChannel(rawValue: via)
        let sent = Day(sentOn).flatMap { $0 <= today ? $0 : nil }
        guard let agency, let subject, let law, let via, let sent else {
            return .failure(FormRefusal(Set([agency == nil ? .agency : nil, subject == nil ? .subject : nil, law == nil ? .state : nil,
                                             via == nil ? .via : nil, sent == nil ? .sentOn : nil].compactMap { $0 }))!)
        }
        return .success(Valid(agency: agency, subject: subject, state: law.state, via: via, sentOn: sent))
    }
}

/// A step in a request's life, as typed: a status on a day, with a fee asked, an extension notice
/// and a note.
struct RecordsStatusForm: TypedForm {
    enum Field: String, Hashable, Sendable, Codable, CaseIterable { case status, onDay, fees, note }

    struct Valid {
        let status: RecordsStatus
        let day: Day
        let feesCents: Int?
        let extended: Bool
        let note: String?
    }

    var status = ""
    var onDay = ""
    var fees = ""
    var extended = false
    var note = ""

    init(onDay: Day) { self.onDay = onDay.description }

    init(fields: [String: String]) {
        status = fields["status"] ?? ""
        onDay = fields["onDay"] ?? ""
        fees = fields["fees"] ?? ""
        extended = fields["extended"] == "yes"
        note = fields["note"] ?? ""
    }

    func validated(_ request: RecordsRequest) -> Result<Valid, FormRefusal<Field>> {
        let next = RecordsStatus(rawValue: status).flatMap { request.status.next.contains($0) ? $0 : nil }
        let day = Day(onDay).flatMap { $0 >= request.sentOn ? $0 : nil }
        let fee = fees.trimmingCharacters(in: .whitespaces)
        let cents = fee.isEmpty ? .some(nil) : Cents.parse(fee).map { Optional($0) }
        // nil: refused; .some(nil): no note.
        let note: String?? = (try? SingleLineText.validate(SingleLineText.joiningLines(note), maxLength: 2000, required: false).get()).map { $0.isEmpty ? nil : $0 }
        guard let next, let day, let cents, let note else {
            return .failure(FormRefusal(Set([next == nil ? .status : nil, day == nil ? .onDay : nil, cents == nil ? .fees : nil,
                                             note == nil ? .note : nil].compactMap { $0 }))!)
        }
        return .success(Valid(status: next, day: day, feesCents: cents, extended: extended, note: note))
    }
}

/// A message to or from the agency, as typed.
struct RecordsMessageForm: TypedForm {
    enum Field: String, Hashable, Sendable, Codable, CaseIterable { case direction, onDay, body }

    struct Valid {
        let received: Bool
        let day: Day
        let body: String
    }

    var direction = "received"
    var onDay = ""
    var body = ""

    init(onDay: Day) { self.onDay = onDay.description }

    init(fields: [String: String]) {
        direction = fields["direction"] ?? ""
        onDay = fields["onDay"] ?? ""
        body = fields["body"] ?? ""
    }

    func validated(_ request: RecordsRequest) -> Result<Valid, FormRefusal<Field>> {
        let received: Bool? = direction == "received" ? true : direction == "sent" ? false : nil
        let day = Day(onDay).flatMap { $0 >= request.sentOn ? $0 : nil }
        let body = NoteText.validate(body)
        guard let received, let day, let body else {
            return .failure(FormRefusal(Set([received == nil ? .direction : nil, day == nil ? .onDay : nil, body == nil ? .body : nil].compactMap { $0 }))!)
        }
        return .success(Valid(received: received, day: day, body: body))
    }
}
