import AmparoDomain
import Fluent
import Foundation
import SQLKit

/// Every sealed column in the schema. Key rotation walks this list; a module that adds a sealed
/// column adds it here.
public struct SealedColumn: Sendable, Hashable {
    public let table: String
    public let column: String

    public func context(rowID: UUID) -> SealContext {
        SealContext(table: table, column: column, rowID: rowID.uuidString)
    }

    public static let userEmail = SealedColumn(table: UserModel.schema, column: "email_sealed")
    public static let userName = SealedColumn(table: UserModel.schema, column: "name_sealed")
    public static let userPhone = SealedColumn(table: UserModel.schema, column: "phone_sealed")
    public static let userTOTPSecret = SealedColumn(table: UserModel.schema, column: "totp_secret_sealed")

    public static let reportWhat = SealedColumn(table: ReportModel.schema, column: "what_sealed")
    public static let reportPlace = SealedColumn(table: ReportModel.schema, column: "place_sealed")
    public static let reportPin = SealedColumn(table: ReportModel.schema, column: "pin_sealed")
    public static let reportCallback = SealedColumn(table: ReportModel.schema, column: "callback_sealed")
    public static let reportEventReason = SealedColumn(table: ReportEventModel.schema, column: "reason_sealed")

    public static let reportMessageBody = SealedColumn(table: ReportMessageModel.schema, column: "body_sealed")
    public static let subscriptionContact = SealedColumn(table: SubscriptionModel.schema, column: "contact_sealed")
    public static let dispatchNote = SealedColumn(table: DispatchModel.schema, column: "note_sealed")
    public static let fieldReportBody = SealedColumn(table: FieldReportModel.schema, column: "body_sealed")
    public static let reportPhoto = SealedColumn(table: ReportPhotoModel.schema, column: "data_sealed")
    public static let noticeRecipient = SealedColumn(table: NoticeModel.schema, column: "recipient_sealed")
    public static let noticeSubject = SealedColumn(table: NoticeModel.schema, column: "subject_sealed")
    public static let noticeBody = SealedColumn(table: NoticeModel.schema, column: "body_sealed")
    public static let casePersonName = SealedColumn(table: CaseModel.schema, column: "person_name_sealed")
    public static let caseBirthDate = SealedColumn(table: CaseModel.schema, column: "birth_date_sealed")
    public static let casePhone = SealedColumn(table: CaseModel.schema, column: "phone_sealed")
    public static let caseANumber = SealedColumn(table: CaseModel.schema, column: "a_number_sealed")
    public static let caseConsent = SealedColumn(table: CaseModel.schema, column: "consent_sealed")
    public static let caseEventDetail = SealedColumn(table: CaseEventModel.schema, column: "detail_sealed")
    public static let caseContactName = SealedColumn(table: CaseContactModel.schema, column: "name_sealed")
    public static let caseContactRelationship = SealedColumn(table: CaseContactModel.schema, column: "relationship_sealed")
    public static let caseContactReach = SealedColumn(table: CaseContactModel.schema, column: "reach_sealed")
    public static let bondNote = SealedColumn(table: BondRequestModel.schema, column: "note_sealed")
    public static let caseTaskTitle = SealedColumn(table: CaseTaskModel.schema, column: "title_sealed")
    public static let caseNoteBody = SealedColumn(table: CaseNoteModel.schema, column: "body_sealed")
    public static let visitReport = SealedColumn(table: VisitModel.schema, column: "report_sealed")
    public static let recordsEventBody = SealedColumn(table: RecordsEventModel.schema, column: "body_sealed")
    public static let letterSignatureContact = SealedColumn(table: LetterSignatureModel.schema, column: "contact_sealed")
    public static let storyBody = SealedColumn(table: StoryModel.schema, column: "body_sealed")
    public static let storyName = SealedColumn(table: StoryModel.schema, column: "display_name_sealed")
    public static let storyReach = SealedColumn(table: StoryModel.schema, column: "reach_sealed")
    public static let registrationName = SealedColumn(table: EventRegistrationModel.schema, column: "name_sealed")
    public static let registrationEmail = SealedColumn(table: EventRegistrationModel.schema, column: "email_sealed")

    public static let settingsMailPassword = SealedColumn(table: SettingsModel.schema, column: "mail_password_sealed")
    public static let settingsTwilioToken = SealedColumn(table: SettingsModel.schema, column: "twilio_token_sealed")

    public static let all: [SealedColumn] = [
        .userEmail, .userName, .userPhone, .userTOTPSecret,
        .reportWhat, .reportPlace, .reportPin, .reportCallback, .reportEventReason, .reportMessageBody, .subscriptionContact,
        .dispatchNote, .fieldReportBody, .reportPhoto, .noticeRecipient, .noticeSubject, .noticeBody,
        .casePersonName, .caseBirthDate, .casePhone, .caseANumber, .caseConsent, .caseEventDetail,
        .caseContactName, .caseContactRelationship, .caseContactReach, .bondNote, .caseTaskTitle, .caseNoteBody, .visitReport, .recordsEventBody,
        .letterSignatureContact, .storyBody, .storyName, .storyReach, .registrationName, .registrationEmail,
        .settingsMailPassword, .settingsTwilioToken,
    ]
}

/// Re-seals values under the current key, in batches. Resumable: every value names its key, so a
/// rerun after an interruption simply picks up what is still under an old key.
public struct KeyRotation: Sendable {
    public let sealer: FieldSealer

    public init(sealer: FieldSealer) { self.sealer = sealer }

    public struct Progress: Sendable {
        public var resealed = 0
        public var remaining = 0
    }

    public func run(
        on database: any Database, columns: [SealedColumn] = SealedColumn.all, batchSize: Int = 500,
        onBatch: @Sendable (SealedColumn, Int) -> Void = { _, _ in }
    ) async throws -> Progress {
        var progress = Progress()
        let current = "\(FieldSealer.prefix):\(sealer.keys.currentKeyID):%"
        for column in columns {
            while true {
                let rows = try await database.sql.select()
                    .column("id").column(SQLIdentifier(column.column))
                    .from(column.table)
                    .where(SQLIdentifier(column.column), .isNot, SQLLiteral.null)
                    .where(SQLIdentifier(column.column), .notLike, SQLBind(current))
                    .limit(batchSize)
                    .all()
                if rows.isEmpty { break }
                try await database.transaction { db in
                    for row in rows {
                        let id = try row.decode(column: "id", as: UUID.self)
                        let old = try row.decode(column: column.column, as: String.self)
                        let context = column.context(rowID: id)
                        let resealed = try sealer.seal(bytes: try sealer.openBytes(old, context: context), context: context)
                        // Compare-and-set: a value changed meanwhile by the app is left for the next pass.
                        try await db.sql.update(column.table)
                            .set(SQLIdentifier(column.column), to: SQLBind(resealed))
                            .where("id", .equal, SQLBind(id))
                            .where(SQLIdentifier(column.column), .equal, SQLBind(old))
                            .run()
                    }
                }
                progress.resealed += rows.count
                onBatch(column, rows.count)
            }
        }
        return progress
    }
}

extension UserModel {
    /// The member's name, opened with the sealer; "—" when it cannot be (a rotated-away key, a
    /// row without an id).
    /// Members' names by id, unsealed: one query for a page's authors, claimers or actors.
    static func names(of ids: Set<UUID>, on db: any Database, sealer: FieldSealer) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await UserModel.query(on: db).filter(\.$id ~~ ids).all().map { user in
            (try user.requireID(), user.name(openedWith: sealer))
        })
    }

    public func name(openedWith sealer: FieldSealer) -> String {
        guard let id else { return "—" }
        return (try? sealer.open(nameSealed, context: SealedColumn.userName.context(rowID: id))) ?? "—"
    }
}
