import AmparoDomain
import Fluent
import Foundation

/// A person the group supports through the pipeline. Who they are is sealed; the A-number is for
/// the legal role only. Immigration status is not a field.
public final class CaseModel: Model, @unchecked Sendable {
    public static let schema = "cases"

    @ID(key: .id) public var id: UUID?
    /// The verified hotline report where the person was detained, if the case began there.
    @OptionalField(key: "report_id") public var reportID: UUID?
    /// The team that may see the case; none: every case worker (the intake queue).
    @OptionalField(key: "team_id") public var teamID: UUID?
    @Field(key: "status") public var status: String
    @Field(key: "opened_by") public var openedBy: UUID
    @Field(key: "opened_at") public var openedAt: Date
    @OptionalField(key: "person_name_sealed") public var personNameSealed: String?
    @OptionalField(key: "birth_date_sealed") public var birthDateSealed: String?
    @OptionalField(key: "phone_sealed") public var phoneSealed: String?
    @OptionalField(key: "a_number_sealed") public var aNumberSealed: String?
    @OptionalField(key: "language") public var language: String?
    /// What the person or family agreed to share, and with whom, in their words as recorded.
    @OptionalField(key: "consent_sealed") public var consentSealed: String?
    @OptionalField(key: "consent_by") public var consentBy: UUID?
    @OptionalField(key: "consent_at") public var consentAt: Date?
    @OptionalField(key: "closed_at") public var closedAt: Date?
    /// When the person's data was erased (on request, or after retention); the case stays for counts.
    @OptionalField(key: "erased_at") public var erasedAt: Date?
    /// The legal referral: the organization and attorney (public professionals) and where it stands.
    @OptionalField(key: "referral_organization") public var referralOrganization: String?
    @OptionalField(key: "referral_attorney") public var referralAttorney: String?
    @OptionalField(key: "referral_status") public var referralStatus: String?
    /// The timeline's hold clock and whereabouts, kept here for the case list (`CaseProgressWrites`).
    @OptionalField(key: "hold_started_at") public var holdStartedAt: Date?
    @OptionalField(key: "hold_ended_at") public var holdEndedAt: Date?
    @OptionalField(key: "hold_warrant") public var holdWarrant: Bool?
    @OptionalField(key: "whereabouts_step") public var whereaboutsStep: String?
    @OptionalField(key: "whereabouts_facility_id") public var whereaboutsFacilityID: UUID?
    @OptionalField(key: "whereabouts_place") public var whereaboutsPlace: String?

    public init() {}

    public init(reportID: UUID?, teamID: UUID?, openedBy: UUID, openedAt: Date) {
        self.id = UUID()
        self.reportID = reportID
        self.teamID = teamID
        self.status = "open"
        self.openedBy = openedBy
        self.openedAt = openedAt
    }

    /// The progress last computed from the timeline.
    public var progress: CaseProgress {
        CaseProgress(
            hold: holdStartedAt.map { HoldClock(startedAt: $0, endedAt: holdEndedAt, judicialWarrant: holdWarrant ?? false) },
            whereabouts: whereaboutsStep.flatMap(CustodyStep.init(rawValue:)).map {
                CaseProgress.Whereabouts(step: $0, facility: whereaboutsFacilityID, place: whereaboutsPlace)
            })
    }

    public func record(_ progress: CaseProgress) {
        holdStartedAt = progress.hold?.startedAt
        holdEndedAt = progress.hold?.endedAt
        holdWarrant = progress.hold?.judicialWarrant
        whereaboutsStep = progress.whereabouts?.step.rawValue
        whereaboutsFacilityID = progress.whereabouts?.facility
        whereaboutsPlace = progress.whereabouts?.place
    }
}

/// One step of the custody timeline. Corrections add a new event and point the old one at it.
public final class CaseEventModel: Model, @unchecked Sendable {
    public static let schema = "case_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "step") public var step: String
    @Field(key: "occurred_at") public var occurredAt: Date
    /// A jail, a facility, a court: public places, plain for the counts.
    @OptionalField(key: "place") public var place: String?
    /// Where the information came from (a family member, the jail roster, ICE's detainee locator).
    @OptionalField(key: "provenance") public var source: String?
    @OptionalField(key: "detainer_form") public var detainerForm: String?
    @Field(key: "judicial_warrant") public var judicialWarrant: Bool
    @OptionalField(key: "jail_response") public var jailResponse: String?
    /// Free detail (agency, probable-cause boxes, bond amount…), sealed.
    @OptionalField(key: "detail_sealed") public var detailSealed: String?
    @Field(key: "recorded_by") public var recordedBy: UUID
    @Field(key: "recorded_at") public var recordedAt: Date
    @OptionalField(key: "replaced_by") public var replacedBy: UUID?
    /// The arresting or holding agency (a public body).
    @OptionalField(key: "agency") public var agency: String?
    /// A detainer's probable-cause boxes, as `ProbableCause` codes joined by commas.
    @OptionalField(key: "probable_cause") public var probableCause: String?
    @OptionalField(key: "hearing_kind") public var hearingKind: String?
    @OptionalField(key: "bond_cents") public var bondCents: Int?
    @OptionalField(key: "bond_stage") public var bondStage: String?
    /// The county of the place, for the counts by county (free text until the places registry).
    @OptionalField(key: "county") public var county: String?
    /// The facility in the registry, when the place is one.
    @OptionalField(key: "facility_id") public var facilityID: UUID?

    public init() {}

    /// The entry with its place, as the case's progress reads it.
    public var progressEntry: CaseProgress.Entry? {
        custodyEvent.map { CaseProgress.Entry(event: $0, facility: facilityID, place: place) }
    }

    /// The entry as the hold clock reads it; nil for a step this version does not know.
    public var custodyEvent: CustodyEvent? {
        guard let step = CustodyStep(rawValue: step) else { return nil }
        return CustodyEvent(step: step, at: occurredAt, detainerForm: detainerForm.flatMap(DetainerForm.init(rawValue:)),
                            judicialWarrant: judicialWarrant, jailResponse: jailResponse.flatMap(JailResponse.init(rawValue:)))
    }

    public init(id: UUID = UUID(), caseID: UUID, step: String, occurredAt: Date, recordedBy: UUID, recordedAt: Date) {
        self.id = id
        self.caseID = caseID
        self.step = step
        self.occurredAt = occurredAt
        self.judicialWarrant = false
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// The legal team was told that a hold (identified by when it began, so a corrected timeline or a
/// second hold counts anew) crossed a threshold.
public final class HoldAlertModel: Model, @unchecked Sendable {
    public static let schema = "hold_alerts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "hold_started_at") public var holdStartedAt: Date
    @Field(key: "threshold_hours") public var thresholdHours: Int
    @Field(key: "sent_at") public var sentAt: Date

    public init() {}

    public init(caseID: UUID, holdStartedAt: Date, thresholdHours: Int, sentAt: Date) {
        self.id = UUID()
        self.caseID = caseID
        self.holdStartedAt = holdStartedAt
        self.thresholdHours = thresholdHours
        self.sentAt = sentAt
    }
}

/// Someone in the person's family or circle: who, how to reach them, in which language and channel.
public final class CaseContactModel: Model, @unchecked Sendable {
    public static let schema = "case_contacts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @OptionalField(key: "name_sealed") public var nameSealed: String?
    @OptionalField(key: "relationship_sealed") public var relationshipSealed: String?
    /// A phone number or an email address.
    @OptionalField(key: "reach_sealed") public var reachSealed: String?
    @OptionalField(key: "language") public var language: String?
    /// phone, sms, whatsapp, signal, email…
    @OptionalField(key: "channel") public var channel: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(caseID: UUID, createdAt: Date) {
        self.id = UUID()
        self.caseID = caseID
        self.createdAt = createdAt
    }
}
