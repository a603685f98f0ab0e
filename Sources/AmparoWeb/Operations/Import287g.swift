import AmparoDomain
import AmparoPersistence
import Fluent
import Foundation
import Vapor

extension Operations {
    public struct ImportSummary: Sendable {
        public let message: String
        public let failed: Bool
    }

    /// `amparo import-287g`: the same import as the places page, said in English on the terminal.
    public static func import287g(_ app: Application, data: Data, fileName: String, list: AgreementList) async throws -> ImportSummary {
        let outcome = try await AgreementImporter(services: app.amparo, db: app.db).run(data: data, fileName: fileName, list: list, actor: "cli")
        func say(_ text: PlacesText) -> String { Text.places(text).in(.en) }
        switch outcome {
        case .imported(let snapshot, let warnings):
            let lines = [say(.imported(added: snapshot.added, removed: snapshot.removed, unchanged: snapshot.unchanged))]
                + warnings.map { say(.warning(row: $0.row, column: $0.column, value: $0.value)) }
            return ImportSummary(message: lines.joined(separator: "\n"), failed: false)
        case .alreadyImported(let earlier):
            return ImportSummary(message: say(.alreadyImported(LocalDateTime.format(earlier.importedAt, timeZone: app.amparo.config.timeZone))), failed: false)
        case .refused(let problem):
            return ImportSummary(message: say(.refused(row: problem.row, column: problem.column, value: problem.value, reason: problem.reason)), failed: true)
        case .unreadable:
            return ImportSummary(message: say(.unreadable), failed: true)
        }
    }
}

extension Operations {
    /// `amparo import-counties`: the Census county list sets each county's FIPS code (matched by
    /// state and name) and adds the counties no list has named yet. Running it again changes nothing.
    public static func importCounties(_ app: Application, text: String) async throws -> ImportSummary {
        switch CensusCounties.parse(text) {
        case .failure(let problem):
            return ImportSummary(message: "Line \(problem.line) is not a Census county line (STATE,STATEFP,COUNTYFP,NAME,… or the 2020 pipe format): \(problem.text). Nothing was imported.", failed: true)
        case .success(let counties):
            let now = app.amparo.clock.now()
            let (added, updated) = try await app.db.transaction { db -> (Int, Int) in
                var (added, updated) = (0, 0)
                let known = try await JurisdictionModel.query(on: db).filter(\.$kind == "county").all()
                var byKey = Dictionary(known.map { ("\($0.stateCode)|\($0.nameKey)", $0) }, uniquingKeysWith: { first, _ in first })
                for county in counties {
                    let key = "\(county.state.code)|\(Normalized.words(county.name))"
                    if let existing = byKey[key] {
                        if existing.fips != county.fips {
                            existing.fips = county.fips
                            try await existing.save(on: db)
                            updated += 1
                        }
                    } else {
                        let created = JurisdictionModel(kind: "county", name: county.name, stateCode: county.state.code, fips: county.fips, createdAt: now)
                        try await created.create(on: db)
                        byKey[key] = created
                        added += 1
                    }
                }
                return (added, updated)
            }
            return ImportSummary(message: "\(counties.count) counties read: \(added) added, \(updated) given their FIPS code.", failed: false)
        }
    }
}
