import AmparoDomain
import AmparoPersistence
import Fluent
import SQLKit
import Vapor

/// Reports that were never confirmed (unconfirmed, false alarm, duplicate) lose what the reporter
/// wrote, the place, the pin, the callback contact, text messages, photos, field reports and the dispatchers' reasons after the retention
/// period. The bare facts (when, agency, status) stay for counts.
struct UnconfirmedReportsRule: PurgeRule {
    let name = "reports.unconfirmed"
    let retention: TimeInterval
    let database: @Sendable () -> any Database

    func purge(now: Date) async throws -> Int {
        let cutoff = now.addingTimeInterval(-retention)
        let outcomes = ReportStatus.allCases.filter(\.isPurgedAfterRetention).map { SQLBind($0.rawValue) }
        return try await database().transaction { db in
            let ids = try await db.sql.update(ReportModel.schema)
                .set("what_sealed", to: SQLLiteral.null).set("place_sealed", to: SQLLiteral.null).set("callback_index", to: SQLLiteral.null)
                .set("pin_sealed", to: SQLLiteral.null).set("callback_sealed", to: SQLLiteral.null)
                .set("purged_at", to: SQLBind(now))
                .where("outcome", .in, SQLGroupExpression(SQLList(outcomes)))
                .where("outcome_at", .lessThan, SQLBind(cutoff))
                .where("purged_at", .is, SQLLiteral.null)
                .returning("id")
                .all()
                .map { try $0.decode(column: "id", as: UUID.self) }
            for chunk in ids.chunks(of: 500) {
                try await db.sql.update(ReportEventModel.schema)
                    .set("reason_sealed", to: SQLLiteral.null)
                    .where("report_id", .in, SQLGroupExpression(SQLList(chunk.map { SQLBind($0) })))
                    .run()
                for (table, column) in [(ReportMessageModel.schema, "body_sealed"), (FieldReportModel.schema, "body_sealed"),
                                        (DispatchModel.schema, "note_sealed"), (ReportPhotoModel.schema, "data_sealed")] {
                    try await db.sql.update(table)
                        .set(SQLIdentifier(column), to: SQLLiteral.null)
                        .where("report_id", .in, SQLGroupExpression(SQLList(chunk.map { SQLBind($0) })))
                        .run()
                }
            }
            return ids.count
        }
    }
}

func hotlineRetentionRules(_ app: Application) -> [any PurgeRule] {
    [UnconfirmedReportsRule(retention: app.amparo.config.reportRetention, database: { app.db })]
}
