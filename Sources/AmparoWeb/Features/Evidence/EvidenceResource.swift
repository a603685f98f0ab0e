import AmparoDomain
import Foundation

/// A place's figures as public JSON: the page's report, with counts from 1 to 4 as null (`amparo
/// stats` gives operators the exact ones). The JSON download and the API serve this same value.
struct EvidenceResource: Encodable {
    let place: String
    let from: String, to: String
    let figures: DetainerFigures
    let sources: [EvidenceQueries.Source]
    let whatIf: [String: Int?]

    init(_ report: EvidenceReport) {
        place = report.placeName
        (from, to) = report.span
        figures = report.figures
        sources = report.sources
        whatIf = Dictionary(uniqueKeysWithValues: WhatIf.allCases.map { ($0.rawValue, DetainerFigures.suppressed($0.fewerHandedOver(report.figures))) })
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        encoder.userInfo[DetainerFigures.suppressSmallCounts] = true
        return encoder
    }()
}
