import AmparoDomain
import AmparoImport
import AmparoPersistence
import Crypto
import Fluent
import Foundation

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
    }

    /// Rows of an xlsx (by its zip signature) or a CSV file.
    static func rows(of data: Data) -> (rows: [(line: Int, cells: [String?])], links: [Int: [Int: String]])? {
        var rows: [(line: Int, cells: [String?])] = []
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard let sheet = try? Spreadsheet(data: data), let hyperlinks = try? sheet.rows(sheet: nil, { rows.append(($0.line, $0.cells)) }) else { return nil }
            return (rows, Spreadsheet.byCell(hyperlinks))
        }
        guard (try? CSVReader.rows(data, { rows.append(($0.line, $0.cells)) })) != nil else { return nil }
        return (rows, [:])
    }

    func run(data: Data, fileName: String, list: AgreementList, actor: String) async throws -> Outcome {
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        if let earlier = try await AgreementImportModel.query(on: db).filter(\.$fileDigest == digest).filter(\.$list == list.rawValue).first() {
            return .alreadyImported(earlier)
        }
        guard let (rows, links) = Self.rows(of: data) else { return .unreadable }
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
            var places = PlaceDirectory(db: db, now: now)
            // What this list showed before, by agreement key.
            let known = try await AgreementRecordModel.query(on: db).filter(\.$list == list.rawValue).filter(\.$status != AgreementStatus.ended.rawValue).all()
            let knownAgencies = try await AgencyModel.query(on: db).filter(\.$id ~~ Set(known.map(\.agencyID))).all()
            let agencyKeys = Dictionary(uniqueKeysWithValues: knownAgencies.map { ($0.id!, "\($0.stateCode)|\($0.nameKey)") })
            var byKey: [String: AgreementRecordModel] = [:]
            for agreement in known { byKey["\(agencyKeys[agreement.agencyID] ?? "")|\(agreement.model)"] = agreement }
            var listed = Set<String>()
            for row in parsed.agreements where listed.insert(row.key).inserted {
                if let existing = byKey[row.key] {
                    existing.lastImportID = snapshot.id!
                    existing.signedOn = row.signedOn ?? existing.signedOn
                    existing.moaLink = row.moaLink ?? existing.moaLink
                    try await existing.save(on: db)
                    snapshot.unchanged += 1
                    continue
                }
                let agency = try await places.agency(for: row)
                let agreement = AgreementRecordModel(agencyID: agency.id!, model: row.model.rawValue, list: list.rawValue, status: list.status.rawValue,
                                                     importID: snapshot.id!)
                agreement.signedOn = row.signedOn
                agreement.moaLink = row.moaLink
                try await agreement.create(on: db)
                try await AgreementChangeModel(importID: snapshot.id!, agreementID: agreement.id!, change: "added").create(on: db)
                snapshot.added += 1
            }
            for (key, agreement) in byKey where !listed.contains(key) {
                agreement.status = AgreementStatus.ended.rawValue
                agreement.endedImportID = snapshot.id
                try await agreement.save(on: db)
                try await AgreementChangeModel(importID: snapshot.id!, agreementID: agreement.id!, change: "removed").create(on: db)
                snapshot.removed += 1
            }
            try await snapshot.save(on: db)
        }
        try await services.audit.append(on: db, actor: actor, action: "places.import.\(list.rawValue)", recordType: "agreement_import", recordID: snapshot.id!.uuidString)
        return .imported(snapshot, warnings: parsed.warnings)
    }
}

/// Finds or adds the states, counties and agencies an import names, remembering what it saw.
struct PlaceDirectory {
    let db: any Database
    let now: Date
    private var counties: [String: JurisdictionModel] = [:]
    private var agencies: [String: AgencyModel] = [:]

    init(db: any Database, now: Date) {
        self.db = db
        self.now = now
    }

    /// The county an agreement row names, or the one in a sheriff's name ("Bay County Sheriff's Office").
    mutating func county(named raw: String?, agency: String, kind: AgencyKind?, state: USState) async throws -> JurisdictionModel? {
        var name = raw
        if name == nil, kind == .county, let range = agency.range(of: " County", options: .caseInsensitive) {
            name = String(agency[..<range.upperBound])
        }
        guard let name else { return nil }
        return try await county(name, state: state)
    }

    mutating func county(_ name: String, state: USState) async throws -> JurisdictionModel {
        let key = "\(state.code)|\(Normalized.words(name))"
        if let known = counties[key] { return known }
        let found = try await JurisdictionModel.query(on: db).filter(\.$kind == "county").filter(\.$stateCode == state.code)
            .filter(\.$nameKey == Normalized.words(name)).first()
        let county: JurisdictionModel
        if let found {
            county = found
        } else {
            county = JurisdictionModel(kind: "county", name: name, stateCode: state.code, fips: nil, createdAt: now)
            try await county.create(on: db)
        }
        counties[key] = county
        return county
    }

    mutating func agency(for row: AgreementRow) async throws -> AgencyModel {
        let key = "\(row.state.code)|\(Normalized.words(row.agency))"
        if let known = agencies[key] { return known }
        let county = try await self.county(named: row.county, agency: row.agency, kind: row.kind, state: row.state)
        let found = try await AgencyModel.query(on: db).filter(\.$stateCode == row.state.code).filter(\.$nameKey == Normalized.words(row.agency)).first()
        let agency: AgencyModel
        if let found {
            agency = found
        } else {
            agency = AgencyModel(name: row.agency, kind: row.kind?.rawValue, stateCode: row.state.code, countyID: county?.id, createdAt: now)
            try await agency.create(on: db)
        }
        agencies[key] = agency
        return agency
    }
}
