import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// A timeline entry as typed, checked. Facts that belong to one step (the detainer's form and
/// boxes, the jail's answer, the hearing's kind, the bond) are kept only on that step.
struct CaseEventForm {
    let step: CustodyStep
    let occurredAt: Date
    let place: String?
    let county: String?
    let facilityID: UUID?
    let source: String?
    let agency: String?
    let detainerForm: DetainerForm?
    let judicialWarrant: Bool
    let probableCause: [ProbableCause]
    let jailResponse: JailResponse?
    let hearingKind: HearingKind?
    let bondCents: Int?
    let bondStage: BondStage?
    let detail: String?

    enum Parsed { case valid(CaseEventForm), invalid(CasesText) }

    /// The fields as typed, for the form shown again (the probable-cause boxes joined by commas).
    static func typed(_ req: Request) -> [String: String] {
        let all = req.formFields ?? [:]
        var fields = all.compactMapValues(\.first)
        fields["probableCause"] = all["probableCause"]?.joined(separator: ",")
        return fields
    }

    static func parse(_ req: Request) async throws -> Parsed {
        let all = req.formFields ?? [:]
        let fields = all.compactMapValues(\.first)
        guard let step = fields["step"].flatMap(CustodyStep.init(rawValue:)) else { return .invalid(.errorStep) }
        guard let when = fields["when"].flatMap({ LocalDateTime.parse($0, timeZone: req.amparo.timeZone) }) else { return .invalid(.errorWhen) }
        var place: String?, county: String?, source: String?, agency: String?, detail: String?
        do {
            place = try FormText.field(fields, "place", limit: 300)
            county = try FormText.field(fields, "county", limit: 120)
            source = try FormText.field(fields, "source", limit: 300)
            agency = try FormText.field(fields, "agency", limit: 300)
            detail = try FormText.field(fields, "detail", limit: 2000)
        } catch {
            return .invalid(.errorText)
        }
        // A facility from the registry names the place and its county.
        var facilityID: UUID?
        if let choice = fields["facility"], !choice.isEmpty {
            guard let id = UUID(uuidString: choice), let facility = try await FacilityModel.find(id, on: req.db) else { return .invalid(.errorText) }
            facilityID = id
            place = facility.name
            county = county ?? facility.county
        }
        var bondCents: Int?
        if step == .bond, let amount = fields["bondAmount"], !amount.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let cents = Cents.parse(amount) else { return .invalid(.errorText) }
            bondCents = cents
        }
        let detainer = step == .detainerLodged
        return .valid(CaseEventForm(
            step: step, occurredAt: when, place: place, county: county, facilityID: facilityID, source: source, agency: agency,
            detainerForm: detainer ? fields["detainerForm"].flatMap(DetainerForm.init(rawValue:)) ?? .other : nil,
            judicialWarrant: detainer && fields["judicialWarrant"] == "yes",
            probableCause: detainer ? (all["probableCause"] ?? []).compactMap(ProbableCause.init(rawValue:)) : [],
            jailResponse: step == .jailResponse ? fields["jailResponse"].flatMap(JailResponse.init(rawValue:)) : nil,
            hearingKind: step == .hearing ? fields["hearingKind"].flatMap(HearingKind.init(rawValue:)) ?? .other : nil,
            bondCents: bondCents, bondStage: step == .bond ? fields["bondStage"].flatMap(BondStage.init(rawValue:)) : nil,
            detail: detail))
    }

    func model(caseID: UUID, req: Request) throws -> CaseEventModel {
        let event = CaseEventModel(caseID: caseID, step: step.rawValue, occurredAt: occurredAt, recordedBy: req.visitor.user!.id!,
                                   recordedAt: req.amparo.clock.now())
        event.place = place
        event.county = county
        event.facilityID = facilityID
        event.source = source
        event.agency = agency
        event.detainerForm = detainerForm?.rawValue
        event.judicialWarrant = judicialWarrant
        event.probableCause = ProbableCause.stored(probableCause)
        event.jailResponse = jailResponse?.rawValue
        event.hearingKind = hearingKind?.rawValue
        event.bondCents = bondCents
        event.bondStage = bondStage?.rawValue
        event.detailSealed = try detail.map { try req.amparo.sealer.seal($0, context: SealedColumn.caseEventDetail.context(rowID: event.id!)) }
        return event
    }
}
