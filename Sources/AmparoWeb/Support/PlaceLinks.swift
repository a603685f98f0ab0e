import AmparoPersistence
import AmparoWebKit

extension SiteURL {
    /// A state's or county's public page.
    static func place(_ place: PlaceRecord) -> SiteURL {
        place.kind == .county ? .county(place.stateCode, place.slug) : .state(place.stateCode)
    }
}
