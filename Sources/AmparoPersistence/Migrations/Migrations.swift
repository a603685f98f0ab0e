import Fluent

/// The one ordered list of migrations. Append only: never edit or reorder a migration that has shipped.
public enum AmparoMigrations {
    public static let all: [any AsyncMigration] = [
        CreateFoundationSchema(),
        CreateHotlineReports(),
        CreateShifts(),
        CreateAlerts(),
        CreateReportMessages(),
        CreateBanList(),
        CreateCases(),
        AddReportRegion(),
        CreateDispatches(),
        CreateReportPhotos(),
        CreateNotices(),
        AddCallFallback(),
        CreateCaseRecords(),
        CreateHoldAlerts(),
        CreateCaseContacts(),
        AddCaseIndexes(),
        CreateCaseSupport(),
        CreateVisitation(),
        CreatePlaces(),
        CreateRecordsRequests(),
        CreateCampaigns(),
        CreateStories(),
        CreateEvents(),
        CreateCountyShapes(),
        CreateEvidence(),
        AddAPITokenAccess(),
        AddCaseProgress(),
        AddMemberReach(),
        CreateRateLimitBuckets(),
        CreateSettings(),
        AddSettingsTimeZone(),
    ]
}
