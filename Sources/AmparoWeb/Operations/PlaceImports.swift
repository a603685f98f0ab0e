import AmparoDomain
import AmparoPersistence
import AmparoWebKit
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
            return ImportSummary(message: say(.alreadyImported(app.amparo.localTime.dateTime(earlier.importedAt))), failed: false)
        case .refused(let problem):
            return ImportSummary(message: say(.refused(row: problem.row, column: problem.column, value: problem.value, reason: problem.reason)), failed: true)
        case .unreadable:
            return ImportSummary(message: say(.unreadable), failed: true)
        case .tooLarge(let exceeded):
            return ImportSummary(message: say(.tooLarge(en: exceeded.description, es: exceeded.spanish)), failed: true)
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

extension Operations {
    /// `amparo import-county-shapes`: the Census cartographic boundary file (GeoJSON) becomes the
    /// map's outlines; counties the registry lacks are added with their FIPS code. Replaces earlier outlines.
    public static func importCountyShapes(_ app: Application, data: Data) async throws -> ImportSummary {
        switch CountyShapes.parse(data) {
        case .failure(.notGeoJSON):
            return ImportSummary(message: "This is not GeoJSON (a FeatureCollection of county polygons). Nothing was imported.", failed: true)
        case .failure(.noCounties):
            return ImportSummary(message: "No county in this file has a five-digit GEOID (or STATEFP and COUNTYFP) and a name. Nothing was imported.", failed: true)
        case .success(let shapes):
            let now = app.amparo.clock.now()
            let bytes = try await app.db.transaction { db -> Int in
                try await CountyShapeModel.query(on: db).delete()
                for chunk in shapes.map({ CountyShapeModel(fips: $0.fips, name: $0.name, path: $0.path) }).chunks(of: 200) { try await chunk.create(on: db) }
                let known = Set(try await JurisdictionModel.query(on: db).filter(\.$kind == "county").all().compactMap(\.fips))
                let missing = shapes.filter { !known.contains($0.fips) }.compactMap { shape -> JurisdictionModel? in
                    guard let state = USState.find(String(shape.fips.prefix(2))) else { return nil }
                    return JurisdictionModel(kind: "county", name: shape.name, stateCode: state.code, fips: shape.fips, createdAt: now)
                }
                for place in missing {
                    // A county an earlier list named without its FIPS code gets it instead of a twin.
                    if let twin = try await JurisdictionModel.query(on: db).filter(\.$kind == "county").filter(\.$stateCode == place.stateCode)
                        .filter(\.$nameKey == place.nameKey).first() {
                        twin.fips = place.fips
                        try await twin.save(on: db)
                    } else {
                        try await place.create(on: db)
                    }
                }
                return shapes.reduce(0) { $0 + $1.path.utf8.count }
            }
            return ImportSummary(message: "\(shapes.count) county outlines imported (\(bytes / 1024) KB of paths).", failed: false)
        }
    }
}
