import AmparoDomain
import AmparoPersistence
import Foundation
import Vapor

extension Operations {
    public struct ImportSummary: Sendable {
        public let message: String
        public let failed: Bool
    }

    /// `amparo import-287g`: the same import as the places page, said in English on the terminal.
    public static func import287g(_ app: Application, data: Data, fileName: String, list: AgreementList) async throws -> ImportSummary {
        let outcome = try await AgreementImporter(services: app.amparo, db: app.db).run(data: data, fileName: fileName, list: list, actor: "cli")
        func say(_ text: PlacesText) -> String { Text.places(text).in(.en) }
        switch outcome {
        case .imported(let snapshot, let warnings):
            let lines = [say(.imported(added: snapshot.added, removed: snapshot.removed, unchanged: snapshot.unchanged))]
                + warnings.map { say(.warning(row: $0.row, column: $0.column, value: $0.value)) }
            return ImportSummary(message: lines.joined(separator: "\n"), failed: false)
        case .alreadyImported(let earlier):
            return ImportSummary(message: say(.alreadyImported(LocalDateTime.format(earlier.importedAt, timeZone: app.amparo.config.timeZone))), failed: false)
        case .refused(let problem):
            return ImportSummary(message: say(.refused(row: problem.row, column: problem.column, value: problem.value, reason: problem.reason)), failed: true)
        case .unreadable:
            return ImportSummary(message: say(.unreadable), failed: true)
        }
    }
}
