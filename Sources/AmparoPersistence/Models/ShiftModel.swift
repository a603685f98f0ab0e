import Fluent
import Foundation

/// A weekly on-call shift: one member, one duty (dispatcher or responder), one team's region.
public final class ShiftModel: Model, @unchecked Sendable {
    public static let schema = "shifts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "team_id") public var teamID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "duty") public var duty: String
    @Field(key: "weekday") public var weekday: Int
    @Field(key: "start_minute") public var startMinute: Int
    @Field(key: "duration_minutes") public var durationMinutes: Int
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(id: UUID = UUID(), teamID: UUID, userID: UUID, duty: String, weekday: Int, startMinute: Int,
                durationMinutes: Int, createdAt: Date) {
        self.id = id
        self.teamID = teamID
        self.userID = userID
        self.duty = duty
        self.weekday = weekday
        self.startMinute = startMinute
        self.durationMinutes = durationMinutes
        self.createdAt = createdAt
    }
}

/// One occurrence of a shift offered by whoever holds it; taken when a colleague accepts it.
public final class ShiftSwapModel: Model, @unchecked Sendable {
    public static let schema = "shift_swaps"

    @ID(key: .id) public var id: UUID?
    @Field(key: "shift_id") public var shiftID: UUID
    /// The local date the occurrence starts, "yyyy-MM-dd".
    @Field(key: "occurrence_date") public var occurrenceDate: String
    @Field(key: "from_user_id") public var fromUserID: UUID
    @OptionalField(key: "to_user_id") public var toUserID: UUID?
    @Field(key: "offered_at") public var offeredAt: Date
    @OptionalField(key: "taken_at") public var takenAt: Date?

    public init() {}

    public init(id: UUID = UUID(), shiftID: UUID, occurrenceDate: String, fromUserID: UUID, offeredAt: Date) {
        self.id = id
        self.shiftID = shiftID
        self.occurrenceDate = occurrenceDate
        self.fromUserID = fromUserID
        self.offeredAt = offeredAt
    }
}
