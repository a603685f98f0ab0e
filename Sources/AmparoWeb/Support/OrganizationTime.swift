import AmparoWebKit
import Foundation
import NIOConcurrencyHelpers

/// The organization's time zone as it stands now: fixed where the server starts (`AMPARO_TIMEZONE`)
/// or chosen by an admin on the settings page (UTC until then). Read as each page, message and
/// form is made, so a new choice shows at once; shifts keep their local hours under it.
public final class OrganizationTime: Sendable {
    /// The zone's name as it was chosen: Foundation on Linux calls UTC "GMT".
    private let current: NIOLockedValueBox<(time: LocalTime, identifier: String)>
    /// The environment's zone, which the settings page cannot change.
    public let fixed: TimeZone?

    init(fixed: TimeZone?) {
        self.fixed = fixed
        let zone = fixed ?? Self.utc
        current = NIOLockedValueBox((LocalTime(timeZone: zone), fixed?.identifier ?? "UTC"))
    }

    static let utc = TimeZone(identifier: "UTC")!

    public var localTime: LocalTime { current.withLockedValue { $0.time } }
    public var timeZone: TimeZone { localTime.timeZone }
    /// "America/Chicago", or "UTC".
    public var identifier: String { current.withLockedValue { $0.identifier } }

    /// The settings page's choice, an IANA identifier (nil: none yet), unless the environment fixes the zone.
    func use(_ chosen: String?) {
        guard fixed == nil else { return }
        let (zone, identifier) = chosen.flatMap { name in TimeZone(identifier: name).map { ($0, name) } } ?? (Self.utc, "UTC")
        current.withLockedValue { if $0.identifier != identifier { $0 = (LocalTime(timeZone: zone), identifier) } }
    }
}
