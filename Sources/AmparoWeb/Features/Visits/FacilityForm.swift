import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Foundation

/// A facility as a case worker typed it: a name and a two-letter state, the rest optional.
struct FacilityForm: TypedForm {
    enum Field: String, Hashable, Sendable, Codable, CaseIterable {
        case name, kind, city, county, state, visitingHours, idRules, dressCode, approval, languages

        var limit: Int {
            switch self {
            case .county: 120
            case .state: 2
            default: 300
            }
        }
    }

    var values: [Field: String] = [:]

    init() {}

    init(fields: [String: String]) {
        for field in Field.allCases { values[field] = fields[field.rawValue] ?? "" }
    }

    init(_ facts: FacilityFacts) {
        values = [.name: facts.name, .kind: facts.kind.rawValue, .city: facts.city ?? "", .county: facts.county ?? "", .state: facts.state,
                  .visitingHours: facts.visitingHours ?? "", .idRules: facts.idRules ?? "", .dressCode: facts.dressCode ?? "",
                  .approval: facts.approval ?? "", .languages: facts.languages ?? ""]
    }

    subscript(_ field: Field) -> String { values[field] ?? "" }

    func validated(_: Void) -> Result<FacilityFacts, FormRefusal<Field>> {
        var wrong = Set<Field>()
        func text(_ field: Field) -> String? {
            do { return try FormText.field([field.rawValue: self[field]], field.rawValue, limit: field.limit) } catch {
                wrong.insert(field)
                return nil
            }
        }
        let name = text(.name), state = text(.state)?.uppercased()
        if name == nil { wrong.insert(.name) }
        if !(state.map { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } } ?? false) { wrong.insert(.state) }
        let facts = FacilityFacts(
            name: name ?? "", kind: FacilityKind(rawValue: self[.kind]) ?? .countyJail, city: text(.city), county: text(.county), state: state ?? "",
            visitingHours: text(.visitingHours), idRules: text(.idRules), dressCode: text(.dressCode), approval: text(.approval),
            languages: text(.languages))
        if let refusal = FormRefusal(wrong) { return .failure(refusal) }
        return .success(facts)
    }
}
