import AmparoDomain
import AmparoImport
import AmparoPersistence
import Crypto
import Fluent
import Foundation
import SQLKit

/// Imports one of ICE's 287(g) lists as a snapshot: agencies and their counties are found or
/// added, agreements new to the list are added, those no longer on it are ended, and the import
/// records which. The same file again changes nothing; a file that cannot be read changes nothing.
struct AgreementImporter {
    let services: AmparoServices
    let db: any Database

    enum Outcome {
        case imported(AgreementImportModel, warnings: [AgreementListParser.Problem])
        case alreadyImported(AgreementImportModel)
        case refused(AgreementListParser.Problem)
        case unreadable
        case tooLarge(ImportLimits.Exceeded)
    }

    enum Unreadable: Error {
        case notASpreadsheet
        case tooLarge(ImportLimits.Exceeded)
    }

    /// Rows of an xlsx (by its zip signature) or a CSV file.
    /// Bounded as the detainer importer is (`ImportLimits`): a bomb is refused, not read.
    static func rows(of data: Data) throws(Unreadable) -> (rows: [(line: Int, cells: [String?])], links: [Int: [Int: String]]) {
        let limits = ImportLimits.standard
        guard data.count <= limits.listBytes else { throw .tooLarge(.file(limit: Int64(limits.listBytes))) }
        var rows: [(line: Int, cells: [String?])] = []
        do {
            if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                let hyperlinks = try Spreadsheet(data: data).rows(sheet: nil) { rows.append(($0.line, $0.cells)) }
                return (rows, Spreadsheet.byCell(hyperlinks))
            }
            try CSVReader.rows(data) { rows.append(($0.line, $0.cells)) }
            return (rows, [:])
        } catch SpreadsheetError.tooLarge(let exceeded) {
            throw .tooLarge(exceeded)
        } catch CSVReader.Problem.tooLarge(let exceeded) {
            throw .tooLarge(exceeded)
        } catch {
            throw .notASpreadsheet
        }
    }

    func run(data: Data, fileName: String, list: AgreementList, actor: String) async throws -> Outcome {
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        if let earlier = try await AgreementImportModel.query(on: db).filter(\.$fileDigest == digest).filter(\.$list == list.rawValue).first() {
            return .alreadyImported(earlier)
        }
        let rows: [(line: Int, cells: [String?])], links: [Int: [Int: String]]
        do {
            (rows, links) = try Self.rows(of: data)
        } catch .tooLarge(let exceeded) {
            return .tooLarge(exceeded)
        } catch {
            return .unreadable
        }
        let parsed: AgreementListParser.Parsed
        switch AgreementListParser.parse(rows, links: links) {
        case .failure(let problem): return .refused(problem)
        case .success(let result): parsed = result
        }
        let now = services.clock.now()
        let snapshot = AgreementImportModel(list: list.rawValue, fileName: String(fileName.suffix(200)), fileDigest: digest, importedBy: actor, importedAt: now)
        snapshot.rows = parsed.agreements.count
        try await db.transaction { db in
            try await snapshot.create(on: db)
            var places = try await PlaceDirectory.load(states: Set(parsed.agreements.map(\.state.code)), db: db, now: now)
            // What this list showed before, by agreement key.
            let known = try await AgreementRecordModel.query(on: db).filter(\.$list == list.rawValue).filter(\.$status != AgreementStatus.ended.rawValue).all()
            let knownAgencies = try await AgencyModel.query(on: db).filter(\.$id ~~ Set(known.map(\.agencyID))).all()
            let agencyKeys = Dictionary(uniqueKeysWithValues: knownAgencies.map { ($0.id!, "\($0.stateCode)|\($0.nameKey)") })
            var byKey: [String: AgreementRecordModel] = [:]
            for agreement in known { byKey["\(agencyKeys[agreement.agencyID] ?? "")|\(agreement.model)"] = agreement }
            var listed = Set<String>(), stillListed: [UUID] = [], added: [AgreementRecordModel] = [], changes: [AgreementChangeModel] = []
            for row in parsed.agreements where listed.insert(row.key).inserted {
                if let existing = byKey[row.key] {
                    stillListed.append(existing.id!)
                    if (row.signedOn != nil && row.signedOn != existing.signedOn) || (row.moaLink != nil && row.moaLink != existing.moaLink) {
                        existing.signedOn = row.signedOn ?? existing.signedOn
                        existing.moaLink = row.moaLink ?? existing.moaLink
                        try await existing.save(on: db)
                    }
                    continue
                }
                let agency = places.agency(for: row)
                let agreement = AgreementRecordModel(agencyID: agency.id!, model: row.model.rawValue, list: list.rawValue, status: list.status.rawValue,
                                                     importID: snapshot.id!)
                agreement.signedOn = row.signedOn
                agreement.moaLink = row.moaLink
                added.append(agreement)
                changes.append(AgreementChangeModel(importID: snapshot.id!, agreementID: agreement.id!, change: "added"))
            }
            let removed = byKey.filter { !listed.contains($0.key) }.map(\.value)
            for agreement in removed {
                agreement.status = AgreementStatus.ended.rawValue
                agreement.endedImportID = snapshot.id
                try await agreement.save(on: db)
                changes.append(AgreementChangeModel(importID: snapshot.id!, agreementID: agreement.id!, change: "removed"))
            }
            // New places and agreements go in by the batch, not row by row.
            try await places.saveNew()
            for chunk in added.chunks(of: 500) { try await chunk.create(on: db) }
            for chunk in changes.chunks(of: 500) { try await chunk.create(on: db) }
            for chunk in stillListed.chunks(of: 500) {
                try await db.sql.update(AgreementRecordModel.schema).set("last_import_id", to: SQLBind(snapshot.id!))
                    .where("id", .in, SQLGroupExpression(SQLList(chunk.map { SQLBind($0) }))).run()
            }
            snapshot.added = added.count
            snapshot.removed = removed.count
            snapshot.unchanged = stillListed.count
            try await snapshot.save(on: db)
        }
        try await services.audit.append(on: db, actor: actor, action: "places.import.\(list.rawValue)", recordType: "agreement_import", recordID: snapshot.id!.uuidString)
        return .imported(snapshot, warnings: parsed.warnings)
    }
}

/// The counties and agencies of the states an import names, loaded once; those it adds are kept
/// aside and saved together.
struct PlaceDirectory {
    let db: any Database
    let now: Date
    private var counties: [String: JurisdictionModel]
    private var agencies: [String: AgencyModel]
    private var newCounties: [JurisdictionModel] = []
    private var newAgencies: [AgencyModel] = []

    static func load(states: Set<String>, db: any Database, now: Date) async throws -> PlaceDirectory {
        let counties = try await JurisdictionModel.query(on: db).filter(\.$kind == "county").filter(\.$stateCode ~~ states).all()
        let agencies = try await AgencyModel.query(on: db).filter(\.$stateCode ~~ states).all()
        return PlaceDirectory(db: db, now: now, counties: Dictionary(counties.map { ("\($0.stateCode)|\($0.nameKey)", $0) }, uniquingKeysWith: { a, _ in a }),
                              agencies: Dictionary(agencies.map { ("\($0.stateCode)|\($0.nameKey)", $0) }, uniquingKeysWith: { a, _ in a }))
    }

    private init(db: any Database, now: Date, counties: [String: JurisdictionModel], agencies: [String: AgencyModel]) {
        self.db = db
        self.now = now
        self.counties = counties
        self.agencies = agencies
    }

    /// The county an agreement row names, or the one in a sheriff's name ("Bay County Sheriff's Office").
    mutating func county(named raw: String?, agency: String, kind: AgencyKind?, state: USState) -> JurisdictionModel? {
        var name = raw
        if name == nil, kind == .county, let range = agency.range(of: " County", options: .caseInsensitive) {
            name = String(agency[..<range.upperBound])
        }
        guard let name else { return nil }
        let key = "\(state.code)|\(Normalized.words(name))"
        if let known = counties[key] { return known }
        let county = JurisdictionModel(kind: "county", name: name, stateCode: state.code, fips: nil, createdAt: now)
        counties[key] = county
        newCounties.append(county)
        return county
    }

    mutating func agency(for row: AgreementRow) -> AgencyModel {
        let key = "\(row.state.code)|\(Normalized.words(row.agency))"
        if let known = agencies[key] { return known }
        let county = county(named: row.county, agency: row.agency, kind: row.kind, state: row.state)
        let agency = AgencyModel(name: row.agency, kind: row.kind?.rawValue, stateCode: row.state.code, countyID: county?.id, createdAt: now)
        agencies[key] = agency
        newAgencies.append(agency)
        return agency
    }

    mutating func saveNew() async throws {
        for chunk in newCounties.chunks(of: 500) { try await chunk.create(on: db) }
        for chunk in newAgencies.chunks(of: 500) { try await chunk.create(on: db) }
        newCounties = []
        newAgencies = []
    }
}
