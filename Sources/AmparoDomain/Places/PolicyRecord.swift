import Foundation

/// A recorded policy of a state or county, with its source.
public struct PolicyRecord: Sendable, Equatable, Codable {
    public let kind: PolicyKind
    public let position: PolicyPosition
    public let instrument: PolicyInstrument
    /// YYYY-MM-DD
    public let effectiveOn: String
    public let criteria: String?
    public let documentURL: String?

    public init(kind: PolicyKind, position: PolicyPosition, instrument: PolicyInstrument, effectiveOn: String, criteria: String?, documentURL: String?) {
        self.kind = kind
        self.position = position
        self.instrument = instrument
        self.effectiveOn = effectiveOn
        self.criteria = criteria
        self.documentURL = documentURL
    }
}

/// A policy as a member records it.
public struct NewPolicy: Sendable, Equatable {
    public let place: PlaceID
    public let policy: PolicyRecord
    public let recordedBy: UserID
    public let recordedAt: Date

    public init(place: PlaceID, policy: PolicyRecord, recordedBy: UserID, recordedAt: Date) {
        self.place = place
        self.policy = policy
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

