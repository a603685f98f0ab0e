import AmparoDomain
import Foundation

/// A policy as the forms give it (a place's page, a won campaign): kind, a position of that kind,
/// instrument, the day it took effect, the document that says so (required: every public policy
/// has its source), criteria. Nil when any of it does not hold.
public enum PolicyForm {
    public static func policy(_ fields: [String: String]) -> PolicyRecord? {
        guard let kind = fields["kind"].flatMap(PolicyKind.init(rawValue:)),
              let position = fields["position"].flatMap(PolicyPosition.init(rawValue:)), kind.positions.contains(position),
              let instrument = fields["instrument"].flatMap(PolicyInstrument.init(rawValue:)),
              let effective = fields["effectiveOn"].flatMap(Day.init)?.description,
              let document = fields["document"]?.trimmingCharacters(in: .whitespaces), document.hasPrefix("https://"), document.count <= 500,
              !document.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" }),
              let criteria = try? Optional(FormText.field(fields, "criteria", limit: 2000)) else { return nil }
        return PolicyRecord(kind: kind, position: position, instrument: instrument, effectiveOn: effective, criteria: criteria, documentURL: document)
    }
}
