import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Foundation
import Vapor

extension Operations {
    /// `amparo import-detainers`: the same import as the evidence page, with a progress bar on the
    /// terminal (standard error) and the rows left out listed after it.
    public static func importDetainers(_ app: Application, url: URL, fileName: String, progressBar: Bool) async throws -> ImportSummary {
        let importer = DetainerImporter(services: app.amparo, db: app.db)
        let record: DetainerImportModel
        switch try await importer.start(url: url, fileName: fileName, actor: "cli") {
        case .alreadyImported(let earlier):
            let when = app.amparo.localTime.dateTime(earlier.finishedAt ?? earlier.startedAt)
            return ImportSummary(message: Text.evidence(.alreadyImported(when)).in(.en), failed: false)
        case .started(let started): record = started
        }
        let bar = TerminalProgress(enabled: progressBar)
        let outcome = try await importer.complete(record, url: url, progress: { bar.show($0) }) { work in try work() }
        bar.finish()
        switch outcome {
        case .alreadyImported(let earlier):
            return ImportSummary(message: Text.evidence(.alreadyImported(app.amparo.localTime.dateTime(earlier.startedAt))).in(.en), failed: false)
        case .refused(_, let refusal):
            return ImportSummary(message: Text.evidence(.importFailed(EvidenceAdminViews.refusalText(refusal, .en))).in(.en), failed: true)
        case .imported(let done):
            var lines = [Text.evidence(.importDone(imported: done.rowsImported, rejected: done.rowsRejected)).in(.en)]
            for problem in EvidenceAdminViews.problems(done).prefix(20) {
                lines.append("  \(problem.sheet) row \(problem.line), \(problem.column): \"\(problem.value)\" \(Text.evidence(.problem(problem.reason)).in(.en))")
            }
            if done.rowsRejected > 20 { lines.append("  … and \(done.rowsRejected - 20) more: /evidence/imports/\(done.id!.uuidString)?format=csv") }
            return ImportSummary(message: lines.joined(separator: "\n"), failed: false)
        }
    }

    public enum StatsFormat: String, Sendable, CaseIterable { case text, csv, json }

    /// `amparo stats`: the figures of the nation, a state, a county or a facility, as the pages show them.
    public static func detainerStats(_ app: Application, state stateText: String?, county countyName: String?, facility code: String?,
                                     from: String?, to: String?, format: StatsFormat, language: Language) async throws -> ImportSummary {
        guard let period = EvidencePeriod.parse(from: from, to: to) else {
            return ImportSummary(message: Text.evidence(.badPeriod).in(language), failed: true)
        }
        let db = app.db
        var scope = EvidenceScope.nation, name = Text.evidence(.nation).in(language), stateCode: String?
        if let stateText {
            guard let state = USState.find(stateText) else { return ImportSummary(message: "No such state: \(stateText)", failed: true) }
            scope = .state(state.code)
            name = state.name
            if let countyName {
                let key = Normalized.words(countyName)
                let counties = try await JurisdictionModel.query(on: db).filter(\.$kind == "county").filter(\.$stateCode == state.code).all()
                guard let county = counties.first(where: { $0.nameKey == key || $0.nameKey == key + " COUNTY" || $0.slug == countyName.lowercased() }) else {
                    return ImportSummary(message: Text.evidence(.noCounty).in(language), failed: true)
                }
                scope = .county(county.id!)
                name = "\(county.name), \(state.name)"
                stateCode = state.code
            } else if let code {
                guard let facility = try await DetainerFacilityModel.query(on: db).filter(\.$stateCode == state.code).filter(\.$code == code.uppercased()).first() else {
                    return ImportSummary(message: "No facility \(code) in \(state.code)", failed: true)
                }
                scope = .facility(facility.id!)
                name = "\(facility.name), \(facility.city) \(state.code)"
                stateCode = state.code
            }
        }
        let report = try await EvidenceReport.load(name: name, scope: scope, period: period, state: stateCode, on: db)
        let figures = report.figures
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            struct Body: Encodable { let place: String; let from: String; let to: String; let figures: DetainerFigures; let whatIf: [String: Int]; let sources: [String] }
            let (from, to) = report.span
            let body = Body(place: name, from: from, to: to, figures: figures,
                            whatIf: Dictionary(uniqueKeysWithValues: WhatIf.allCases.map { ($0.rawValue, $0.fewerHandedOver(figures)) }),
                            sources: report.sources.map { "\($0.fileName) sha256:\($0.fileDigest) rows:\($0.rowsCounted)" })
            return ImportSummary(message: String(decoding: try encoder.encode(body), as: UTF8.self), failed: false)
        case .csv:
            let lines = report.lines(language).map { [$0.measure, $0.key, $0.label, String($0.count), $0.share].map(csvField).joined(separator: ",") }
            return ImportSummary(message: (["measure,key,label,count,share"] + lines).joined(separator: "\n"), failed: false)
        case .text:
            let (from, to) = report.span
            var out = ["\(name) · \(from) – \(to)"]
            guard figures.lodged > 0 else { return ImportSummary(message: out[0] + "\n" + Text.evidence(.noData).in(language), failed: false) }
            let levels = figures.levels
            out.append(Text.evidence(.levelSummary(Percent.text(levels.nonCriminalOrLowerLevelShare, digits: 2), Percent.text(levels.nonCriminalShare))).in(language))
            var section = ""
            for line in report.lines(language) {
                if line.measure != section {
                    section = line.measure
                    out.append("")
                }
                let share = Double(line.share).map { String(format: "%6.1f%%", $0 * 100) } ?? ""
                out.append("  \(line.label.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(line.count).leftPadded(9)) \(share)")
            }
            out.append("")
            out.append(Text.evidence(.whatIfAssumptions).in(language))
            for source in report.sources { out.append("\(Text.evidence(.sources).in(language)): \(source.fileName) (sha256 \(source.fileDigest.prefix(12))…, \(source.rowsCounted))") }
            return ImportSummary(message: out.joined(separator: "\n"), failed: false)
        }
    }

    private static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// `amparo crosswalk`: lists each facility and its county; `confirmProposed` confirms every
    /// proposal at once (for a person who has checked the list).
    public static func crosswalk(_ app: Application, confirmProposed: Bool) async throws -> ImportSummary {
        let facilities = try await DetainerFacilityModel.query(on: app.db).sort(\.$stateCode).sort(\.$name).all()
        let counties = try await JurisdictionModel.query(on: app.db).filter(\.$id ~~ Set(facilities.compactMap { $0.jurisdictionID ?? $0.proposedJurisdictionID })).all()
        let names = Dictionary(uniqueKeysWithValues: counties.map { ($0.id!, $0.name) })
        var confirmed = 0
        var lines: [String] = []
        for facility in facilities {
            if confirmProposed, facility.matchStatus == DetainerFacilityModel.Match.proposed.rawValue, let proposed = facility.proposedJurisdictionID {
                facility.matchStatus = DetainerFacilityModel.Match.confirmed.rawValue
                facility.jurisdictionID = proposed
                facility.decidedBy = "cli"
                facility.decidedAt = app.amparo.clock.now()
                try await facility.save(on: app.db)
                confirmed += 1
            }
            let county = (facility.jurisdictionID ?? facility.proposedJurisdictionID).flatMap { names[$0] } ?? "—"
            lines.append("\(facility.stateCode)\t\(facility.code)\t\(facility.name)\t\(county)\t\(facility.matchStatus)")
        }
        if confirmProposed { lines.append("Confirmed \(confirmed) proposed counties.") }
        return ImportSummary(message: lines.joined(separator: "\n"), failed: false)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

/// A progress bar on standard error; quiet when standard error is not a terminal.
final class TerminalProgress: @unchecked Sendable {
    private let enabled: Bool
    private var last = -1

    init(enabled: Bool) { self.enabled = enabled && isatty(STDERR_FILENO) == 1 }

    func show(_ progress: DetainerFile.Progress) {
        guard enabled, progress.bytesTotal > 0 else { return }
        let percent = Int(min(100, progress.bytesRead * 100 / progress.bytesTotal))
        guard percent != last else { return }
        last = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(percent)%  \(progress.rows) rows".utf8))
    }

    func finish() {
        if enabled && last >= 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
