import Foundation

/// An alert's text, in English, Spanish or both: a coordinator who writes only one language can
/// still warn everyone. An empty text is no text.
public struct AlertText: Sendable, Equatable, Codable {
    public var english: String?
    public var spanish: String?

    public init(english: String?, spanish: String?) {
        self.english = english.flatMap { $0.isEmpty ? nil : $0 }
        self.spanish = spanish.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var isEmpty: Bool { english == nil && spanish == nil }

    /// What a subscriber reading `language` gets: their own language's text, else the other one,
    /// and whether it is the other one (so the message can say so).
    public func text(for language: Language) -> (text: String, otherLanguage: Bool)? {
        let own = language == .es ? spanish : english
        if let own { return (own, false) }
        return (english ?? spanish).map { ($0, true) }
    }
}

/// The exact message a subscriber receives: the same function writes it for the preview and for
/// delivery, so the preview cannot promise one thing and the worker send another.
public struct AlertMessage: Sendable, Equatable, Codable {
    public let subject: String
    public let body: String

    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }

    /// `organization`: the group's name, in the subject and as the signature. `stopLink`: the
    /// subscriber's own link to stop alerts.
    public static func compose(organization: String, place: String, text: AlertText, language: Language, stopLink: String) -> AlertMessage? {
        guard let (words, other) = text.text(for: language) else { return nil }
        let marker = other ? Text.alerts(.onlyInOtherLanguage(language == .es ? .en : .es)).in(language) + " " : ""
        return AlertMessage(
            subject: Text.alerts(.alertSubject(organization: organization, place: place)).in(language),
            body: "\(marker)\(place): \(words)\n\n— \(organization)\n\(Text.alerts(.stopFooter(stopLink)).in(language))")
    }
}
