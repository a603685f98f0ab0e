import AmparoDomain
import AmparoPersistence
import Fluent
import Foundation

/// Signatures never confirmed are deleted after 14 days, with their contacts.
struct UnconfirmedSignaturesRule: PurgeRule {
    let name = "letters.unconfirmed"
    let database: @Sendable () -> any Database

    let sealer: FieldSealer

    func purge(now: Date) async throws -> Int {
        try await CampaignsStore(database(), sealer: sealer).purgeUnconfirmedSignatures(before: now.addingTimeInterval(-14 * 86_400))
    }
}
