import AmparoDomain
import Fluent
import Foundation

/// A member who can hold a hotline shift, with their name unsealed.
public struct ShiftMember: Sendable, Equatable, Codable {
    public let id: UserID
    public let name: String
    public let roles: RoleSet

    public init(id: UserID, name: String, roles: RoleSet) {
        self.id = id
        self.name = name
        self.roles = roles
    }
}

/// One coming occurrence of a shift that its holder offered and nobody has taken yet.
public struct SwapOffer: Sendable, Equatable {
    public let id: UUID
    public let shiftID: UUID
    public let date: String
    public let from: UserID

    public init(id: UUID, shiftID: UUID, date: String, from: UserID) {
        self.id = id
        self.shiftID = shiftID
        self.date = date
        self.from = from
    }
}

/// The on-call schedule's queries: weekly shifts, taken swaps, open offers, the members and teams
/// a coordinator picks from, and the team that answers when no dispatcher is on call.
public struct ShiftsStore: Sendable {
    let db: any Database
    let sealer: FieldSealer

    public init(_ db: any Database, sealer: FieldSealer) {
        self.db = db
        self.sealer = sealer
    }

    /// Every weekly shift and every taken swap, oldest swap first (a later one wins).
    public static func schedule(on db: any Database) async throws -> (shifts: [WeeklyShift], swaps: [ShiftSwap]) {
        let shifts = try await ShiftModel.query(on: db).all().compactMap { model -> WeeklyShift? in
            guard let duty = WeeklyShift.Duty(rawValue: model.duty) else { return nil }
            return WeeklyShift(id: try model.requireID(), teamID: model.teamID, memberID: model.userID, duty: duty, weekday: model.weekday,
                               startMinute: model.startMinute, durationMinutes: model.durationMinutes)
        }
        let swaps = try await ShiftSwapModel.query(on: db).filter(\.$toUserID != nil).sort(\.$takenAt).all().compactMap { swap in
            swap.toUserID.map { ShiftSwap(shiftID: swap.shiftID, date: swap.occurrenceDate, toMemberID: $0) }
        }
        return (shifts, swaps)
    }

    public func schedule() async throws -> (shifts: [WeeklyShift], swaps: [ShiftSwap]) { try await Self.schedule(on: db) }

    /// Active dispatchers, coordinators and responders, by name.
    public func members() async throws -> [ShiftMember] {
        try await UserModel.active(holdingAnyOf: [.dispatcher, .coordinator, .responder], on: db)
            .map { ShiftMember(id: UserID(try $0.requireID()), name: $0.name(openedWith: sealer), roles: $0.roles) }
            .sorted { $0.name < $1.name }
    }

    public func openOffers() async throws -> [SwapOffer] {
        try await ShiftSwapModel.query(on: db).filter(\.$toUserID == nil).all().map {
            SwapOffer(id: try $0.requireID(), shiftID: $0.shiftID, date: $0.occurrenceDate, from: UserID($0.fromUserID))
        }
    }

    public func fallbackTeam() async throws -> TeamID? {
        try await OrganizationModel.query(on: db).first()?.callFallbackTeamID.map(TeamID.init)
    }
}
