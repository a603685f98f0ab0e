import Fluent
import Foundation

/// The one row of settings an admin keeps on the settings page (see `SettingsStore`).
public final class SettingsModel: Model, @unchecked Sendable {
    public static let schema = "settings"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "hotline_number") public var hotlineNumber: String?
    /// An IANA identifier ("America/Chicago").
    @OptionalField(key: "time_zone") public var timeZone: String?
    @OptionalField(key: "mail_host") public var mailHost: String?
    @OptionalField(key: "mail_port") public var mailPort: Int?
    @OptionalField(key: "mail_security") public var mailSecurity: String?
    @OptionalField(key: "mail_username") public var mailUsername: String?
    @OptionalField(key: "mail_password_sealed") public var mailPasswordSealed: String?
    @OptionalField(key: "mail_from") public var mailFrom: String?
    @OptionalField(key: "twilio_sid") public var twilioSID: String?
    @OptionalField(key: "twilio_token_sealed") public var twilioTokenSealed: String?
    @OptionalField(key: "twilio_from") public var twilioFrom: String?
    @OptionalField(key: "signal_url") public var signalURL: String?
    @OptionalField(key: "signal_number") public var signalNumber: String?
    @OptionalField(key: "updated_at") public var updatedAt: Date?

    public init() {}
}
