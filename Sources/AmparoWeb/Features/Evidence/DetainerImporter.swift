import AmparoDomain
import AmparoImport
import AmparoPersistence
import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// Imports a detainer file: a record of the import is written first (so its progress can be
/// shown), the file is read into counts, and the counts land in one transaction with the record
/// marked done: a file lands whole or not at all. The same file again (SHA-256) changes nothing.
/// For each month it covers, a newer import's counts replace those of older imports (a later
/// release restates the same months).
struct DetainerImporter {
    let services: AmparoServices
    let db: any Database

    enum Start {
        case started(DetainerImportModel)
        case alreadyImported(DetainerImportModel)
    }

    enum Outcome {
        case imported(DetainerImportModel)
        case alreadyImported(DetainerImportModel)
        case refused(DetainerImportModel, DetainerFile.Refusal)
    }

    /// Where uploads wait while they are read.
    static func uploads(_ config: AmparoConfig) -> URL { config.dataDirectory.appendingPathComponent("imports", isDirectory: true) }

    /// At start: imports the last run left reading are marked interrupted (nothing of them landed)
    /// and their uploaded files removed.
    static func recoverInterrupted(_ app: Application) async throws {
        let now = app.amparo.clock.now()
        try await DetainerImportModel.query(on: app.db).filter(\.$status == DetainerImportModel.Status.running.rawValue)
            .set(\.$status, to: DetainerImportModel.Status.failed.rawValue).set(\.$message, to: EvidenceRefusal.code(.interrupted))
            .set(\.$finishedAt, to: now).update()
        let folder = uploads(app.amparo.config)
        for file in (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [] {
            try? FileManager.default.removeItem(at: file)
        }
    }

    /// The advisory lock that makes storing an import one at a time on PostgreSQL.
    static let lockKey = 707_025

    static func digest(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(data: chunk) }
        return Hex.encode(hash.finalize())
    }

    func start(url: URL, fileName: String, actor: String) async throws -> Start {
        let digest = try Self.digest(of: url)
        if let earlier = try await DetainerImportModel.query(on: db).filter(\.$fileDigest == digest)
            .filter(\.$status == DetainerImportModel.Status.done.rawValue).first() {
            return .alreadyImported(earlier)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64) ?? 0
        let record = DetainerImportModel(fileName: String(fileName.suffix(200)), fileDigest: digest, bytesTotal: size, importedBy: actor,
                                         startedAt: services.clock.now())
        try await record.create(on: db)
        return .started(record)
    }

    /// Reads the file (through `offload`, which may run it off the event loops) and stores its counts.
    func complete(_ record: DetainerImportModel, url: URL, progress: @escaping @Sendable (DetainerFile.Progress) -> Void = { _ in },
                  offload: @Sendable (@escaping @Sendable () throws -> DetainerFile.Reading) async throws -> DetainerFile.Reading) async throws -> Outcome {
        let reading: DetainerFile.Reading
        do {
            reading = try await offload { try DetainerFile.read(url: url, progress: progress) }
        } catch let refusal as DetainerFile.Refusal {
            return try await fail(record, refusal)
        } catch {
            return try await fail(record, .notReadable)
        }
        return try await store(reading, in: record)
    }

    private func fail(_ record: DetainerImportModel, _ refusal: DetainerFile.Refusal) async throws -> Outcome {
        record.status = DetainerImportModel.Status.failed.rawValue
        record.message = EvidenceRefusal.code(refusal)
        record.finishedAt = services.clock.now()
        try await record.save(on: db)
        return .refused(record, refusal)
    }

    func store(_ reading: DetainerFile.Reading, in record: DetainerImportModel) async throws -> Outcome {
        let importID = record.id!
        let tally = reading.tally
        let already: DetainerImportModel? = try await db.transaction { db in
            // Another upload of the same file may have finished while this one was read. On
            // PostgreSQL two imports could check at once: they take turns (SQLite has one writer).
            if DatabaseKind(db) == .postgres { try await db.sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.lockKey))").run() }
            if let earlier = try await DetainerImportModel.query(on: db).filter(\.$fileDigest == record.fileDigest)
                .filter(\.$status == DetainerImportModel.Status.done.rawValue).first() { return earlier }
            let facilityIDs = try await Self.facilities(tally, db: db)
            var facilityRows: [[any Encodable & Sendable]] = []
            var areas: [DetainerAreaKey: Int] = [:]
            for (cell, count) in tally.cells {
                facilityRows.append([importID, facilityIDs[cell.facility]!, cell.month, cell.criminality.rawValue, cell.threat.rawValue, cell.outcome.rawValue, count, true])
                for area in [cell.facility.state, "US"] {
                    areas[DetainerAreaKey(area: area, month: cell.month, a: cell.criminality.rawValue, b: cell.threat.rawValue, c: cell.outcome.rawValue), default: 0] += count
                }
            }
            let areaRows: [[any Encodable & Sendable]] = areas.map { [importID, $0.key.area, $0.key.month, $0.key.a, $0.key.b, $0.key.c, $0.value, true] }
            var chargeAreas: [DetainerAreaKey: Int] = [:]
            var chargeRows: [[any Encodable & Sendable]] = []
            for (cell, count) in tally.charges {
                chargeRows.append([importID, facilityIDs[cell.facility]!, cell.month, cell.charge.prefix, count, true])
                for area in [cell.facility.state, "US"] {
                    chargeAreas[DetainerAreaKey(area: area, month: cell.month, a: cell.charge.prefix, b: 0, c: 0), default: 0] += count
                }
            }
            let chargeAreaRows: [[any Encodable & Sendable]] = chargeAreas.map { [importID, $0.key.area, $0.key.month, $0.key.a, $0.value, true] }
            let counts = ["criminality", "threat", "outcome", "count", "current"]
            try await Self.insert(db, "detainer_tallies", ["import_id", "facility_id", "month"] + counts, facilityRows)
            try await Self.insert(db, "detainer_tallies", ["import_id", "area", "month"] + counts, areaRows)
            try await Self.insert(db, "detainer_charge_tallies", ["import_id", "facility_id", "month", "charge", "count", "current"], chargeRows)
            try await Self.insert(db, "detainer_charge_tallies", ["import_id", "area", "month", "charge", "count", "current"], chargeAreaRows)
            // The newest import speaks for the months it covers.
            let months = tally.months.sorted()
            for table in ["detainer_tallies", "detainer_charge_tallies"] {
                for chunk in months.chunks(of: 500) {
                    try await db.sql.update(table).set("current", to: SQLBind(false))
                        .where("import_id", .notEqual, SQLBind(importID))
                        .where("month", .in, SQLGroupExpression(SQLList(chunk.map { SQLBind($0) }))).run()
                }
            }
            record.status = DetainerImportModel.Status.done.rawValue
            record.release = reading.release?.rawValue
            record.rowsRead = reading.rowsRead
            record.rowsImported = tally.rows
            record.rowsRejected = reading.rejected
            record.bytesRead = record.bytesTotal
            record.problems = reading.problems.isEmpty ? nil : String(decoding: try JSONEncoder().encode(reading.problems), as: UTF8.self)
            record.sheets = String(decoding: try JSONEncoder().encode(["read": reading.sheetsRead, "skipped": reading.sheetsSkipped]), as: UTF8.self)
            record.firstMonth = tally.firstMonth
            record.lastMonth = tally.lastMonth
            record.finishedAt = services.clock.now()
            try await record.save(on: db)
            return nil
        }
        if let already {
            try await record.delete(on: db)
            return .alreadyImported(already)
        }
        try await services.audit.append(on: db, actor: record.importedBy, action: "evidence.import", recordType: "detainer_import", recordID: importID.uuidString)
        return .imported(record)
    }

    /// The id of every facility the file names; new ones are added with the county Amparo proposes.
    private static func facilities(_ tally: DetainerTally, db: any Database) async throws -> [FacilityKey: UUID] {
        let states = Set(tally.facilities.keys.map(\.state))
        var ids: [FacilityKey: UUID] = [:]
        for facility in try await DetainerFacilityModel.query(on: db).filter(\.$stateCode ~~ states).all() {
            ids[FacilityKey(state: facility.stateCode, code: facility.code)] = facility.id!
        }
        let counties = try await JurisdictionModel.query(on: db).filter(\.$kind == "county").filter(\.$stateCode ~~ states).all()
        let byState = Dictionary(grouping: counties, by: \.stateCode).mapValues { $0.map { FacilityMatcher.County(id: $0.id!.uuidString, nameKey: $0.nameKey) } }
        var new: [DetainerFacilityModel] = []
        for (key, info) in tally.facilities where ids[key] == nil {
            let proposed = FacilityMatcher.propose(facility: info.name, among: byState[key.state] ?? []).flatMap(UUID.init(uuidString:))
            let facility = DetainerFacilityModel(stateCode: key.state, code: key.code, name: String(info.name.prefix(200)),
                                                 city: String(info.city.prefix(100)), aor: String(info.aor.prefix(100)), proposed: proposed)
            new.append(facility)
            ids[key] = facility.id!
        }
        for chunk in new.chunks(of: 500) { try await chunk.create(on: db) }
        return ids
    }

    private static func insert(_ db: any Database, _ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]]) async throws {
        for chunk in rows.chunks(of: 1000) {
            var insert = db.sql.insert(into: table).columns(columns)
            for row in chunk { insert = insert.values(row) }
            try await insert.run()
        }
    }
}

/// A state's (or the nation's, "US") counts, keyed for summing.
private struct DetainerAreaKey: Hashable {
    let area: String
    let month: Int
    let a: Int, b: Int, c: Int
}

/// A refusal as stored on the import record, and read back for the page.
enum EvidenceRefusal {
    static func code(_ refusal: DetainerFile.Refusal) -> String {
        switch refusal {
        case .notReadable: "notReadable"
        case .noHeader: "noHeader"
        case .noRows: "noRows"
        case .interrupted: "interrupted"
        case .malformed(let sheet, let row): "malformed|\(row)|\(sheet)"
        case .tooLarge(let exceeded): "tooLarge|" + String(decoding: (try? JSONEncoder().encode(exceeded)) ?? Data(), as: UTF8.self)
        }
    }

    static func refusal(_ code: String?) -> DetainerFile.Refusal? {
        guard let code else { return nil }
        if code.hasPrefix("tooLarge|") {
            return (try? JSONDecoder().decode(ImportLimits.Exceeded.self, from: Data(code.dropFirst(9).utf8))).map { .tooLarge($0) }
        }
        let parts = code.split(separator: "|", maxSplits: 2).map(String.init)
        switch parts[0] {
        case "notReadable": return .notReadable
        case "noHeader": return .noHeader
        case "noRows": return .noRows
        case "interrupted": return .interrupted
        case "malformed" where parts.count == 3: return .malformed(sheet: parts[2], row: Int(parts[1]) ?? 0)
        default: return nil
        }
    }
}
