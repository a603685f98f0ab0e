import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import Vapor

/// Fictional cases for the case benchmark (scripts/bench-cases): never on a real deployment.
extension Operations {
    public struct LoadTestCases: Codable, Sendable {
        /// A signed-in case worker's session cookie value (the benchmark's browser).
        public let sessionToken: String
        /// Cases of that worker's team, for the case page.
        public let caseIDs: [UUID]
        public let county: String
        public let year: Int
        public let seconds: Double
    }

    static let loadTestSteps: [CustodyStep] = [
        .arrested, .booked, .detainerLodged, .jailResponse, .localCustodyEnded, .transferredToICE, .detained, .facilityTransfer,
        .hearing, .bond, .hearing, .facilityTransfer, .hearing, .bond, .hearing, .detained, .hearing, .facilityTransfer, .hearing, .released,
    ]

    /// The timeline of case `n`: every 25th is still held on the detainer (no transfer, no release),
    /// so the case list has holds to rank.
    static func loadTestStep(_ k: Int, case n: Int) -> CustodyStep {
        let step = loadTestSteps[k % loadTestSteps.count]
        guard n % 25 == 0 else { return step }
        return [.transferredToICE, .released].contains(step) ? .hearing : step
    }

    /// `cases` cases spread over 50 teams and 36 counties across three years, each with
    /// `eventsPerCase` timeline entries (names and a quarter of the details sealed as real ones are),
    /// and a case worker in the first team with a session.
    public static func seedCases(_ app: Application, cases: Int, eventsPerCase: Int) async throws -> LoadTestCases {
        let services = app.amparo, db = app.db
        let clock = ContinuousClock(), started = clock.now
        let now = services.clock.now()
        let threeYears: TimeInterval = 3 * 365 * 86_400
        let teams = (0..<50).map { TeamModel(name: "Load team \($0)", region: "Load region \($0)") }
        for team in teams { try await team.create(on: db) }
        let accounts = Accounts(db: db, services: services)
        let (worker, _) = try await accounts.create(email: "load.worker@example.org", name: "Load Worker", roles: [.caseWorker], teamIDs: [teams[0].id!],
                                                    passwordHash: "-")
        worker.totpEnabled = true
        worker.totpSecretSealed = try services.sealer.seal("AAAAAAAAAAAAAAAA", context: SealedColumn.userTOTPSecret.context(rowID: worker.id!))
        try await worker.save(on: db)
        let token = services.random.token()
        try await SessionModel(tokenDigest: SecretDigest.of(token), userID: worker.id!, stage: .active, now: now, expiresAt: now + 30 * 86_400).create(on: db)

        var sample: [UUID] = []
        // One statement holds at most ~1,000 events (bind limits); one transaction holds 20 statements.
        let perStatement = max(1, 1000 / max(1, eventsPerCase)), perTransaction = perStatement * 20
        for first in stride(from: 0, to: cases, by: perTransaction) {
            let chunks = stride(from: first, to: min(first + perTransaction, cases), by: perStatement).map { ($0..<min($0 + perStatement, cases)).map { ($0, UUID()) } }
            for chunk in chunks { for (n, id) in chunk where n % teams.count == 0 && sample.count < 200 { sample.append(id) } }
            try await db.transaction { db in
                for chunk in chunks {
                    try await insertLoadTestCases(chunk, eventsPerCase: eventsPerCase, teams: teams, worker: worker.id!, now: now, services: services, on: db)
                }
            }
        }
        let elapsed = clock.now - started
        let year = Calendar(identifier: .gregorian).component(.year, from: now.addingTimeInterval(-threeYears / 2))
        return LoadTestCases(sessionToken: token, caseIDs: sample, county: "County 07", year: year,
                             seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    private static func insertLoadTestCases(
        _ chunk: [(Int, UUID)], eventsPerCase: Int, teams: [TeamModel], worker: UUID, now: Date, services: AmparoServices, on db: any Database
    ) async throws {
        let threeYears: TimeInterval = 3 * 365 * 86_400
        var caseRows = db.sql.insert(into: CaseModel.schema).columns(
            "id", "team_id", "status", "opened_by", "opened_at", "person_name_sealed", "language",
            "hold_started_at", "hold_ended_at", "hold_warrant", "whereabouts_step", "whereabouts_place")
        var eventRows = db.sql.insert(into: CaseEventModel.schema).columns(
            "id", "case_id", "step", "occurred_at", "place", "county", "detainer_form", "judicial_warrant", "jail_response", "detail_sealed",
            "recorded_by", "recorded_at")
        for (n, id) in chunk {
            let opened = now.addingTimeInterval(-Double((n &* 7919) % Int(threeYears)))
            let county = "County \(String(format: "%02d", n % 36))"
            var entries: [CaseProgress.Entry] = []
            for k in 0..<eventsPerCase {
                let eventID = UUID(), step = loadTestStep(k, case: n), occurred = opened.addingTimeInterval(Double(k) * 30 * 3600)
                let form = step == .detainerLodged ? DetainerForm.i247A : nil, answer = step == .jailResponse ? JailResponse.honored : nil
                entries.append(.init(event: CustodyEvent(step: step, at: occurred, detainerForm: form, jailResponse: answer), facility: nil, place: "\(county) Jail"))
                let detail = k % 4 == 0 ? try services.sealer.seal("Detalle \(n)-\(k)", context: SealedColumn.caseEventDetail.context(rowID: eventID)) : nil
                eventRows = eventRows.values([
                    SQLBind(eventID), SQLBind(id), SQLBind(step.rawValue), SQLBind(occurred),
                    SQLBind("\(county) Jail"), SQLBind(county), SQLBind(form?.rawValue),
                    SQLBind(false), SQLBind(answer?.rawValue), SQLBind(detail),
                    SQLBind(worker), SQLBind(now),
                ])
            }
            let progress = CaseProgress.from(entries)
            caseRows = caseRows.values([
                SQLBind(id), SQLBind(teams[n % teams.count].id!), SQLBind("open"), SQLBind(worker), SQLBind(opened),
                SQLBind(try services.sealer.seal("Persona \(n)", context: SealedColumn.casePersonName.context(rowID: id))),
                SQLBind(n % 3 == 0 ? "Mam" : "Español"),
                SQLBind(progress.hold?.startedAt), SQLBind(progress.hold?.endedAt), SQLBind(progress.hold?.judicialWarrant),
                SQLBind(progress.whereabouts?.step.rawValue), SQLBind(progress.whereabouts?.place),
            ])
        }
        try await caseRows.run()
        if eventsPerCase > 0 { try await eventRows.run() }
    }
}
