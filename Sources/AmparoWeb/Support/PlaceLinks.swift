import AmparoPersistence
import AmparoWebKit

extension SiteURL {
    /// A state's or county's public page.
    static func place(_ place: JurisdictionModel) -> SiteURL {
        place.kind == PlaceRecord.Kind.county.rawValue ? .county(place.stateCode, place.slug) : .state(place.stateCode)
    }
}
