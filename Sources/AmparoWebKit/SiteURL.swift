import AmparoDomain

/// Every address a page links to, built in one place so a link names a route by its case, not by
/// a path typed again. Features add their cases here as their pages move to page values.
public enum SiteURL: Sendable, Equatable {
    case home
    case places
    case placesMap
    case placeImports
    case placeImport(AgreementImportID)
    /// A state's page, by its postal code ("TX").
    case state(String)
    /// A county's page: the state's postal code and the county's slug ("harris-county").
    case county(String, String)
    /// ICE's detainer records for a state or a county (`/evidence/or`, `/evidence/or/marion`).
    case evidenceState(String)
    case evidenceCounty(String, String)
    case letter(LetterID)
    case records
    case recordsRequest(RecordsRequestID)
    case recordsStatus(RecordsRequestID)
    case recordsMessages(RecordsRequestID)
    case recordsDocuments(RecordsRequestID)
    case recordsDocument(RecordsRequestID, RecordsDocumentID)
    case events
    case event(EventID)
    case eventCancel(String)
    case eventsManage
    case eventRegistrations(EventID)
    case eventAttended(EventID, EventRegistrationID)
    case members
    /// Inviting a pasted list of people at once.
    case membersTogether
    case member(UserID)
    case memberAction(UserID, MemberAction)
    case teams
    case auditLog
    case settings
    /// Saving one part of the settings page: "organization", or a channel's name.
    case settingsPart(String)
    case settingsTest(AlertChannel)
    case campaigns
    case campaign(CampaignID)
    case campaignPart(CampaignID, CampaignPart)
    case letterSignatures(CampaignID, LetterID)
    case letterConfirm(String)
    case stories
    case newStory
    case storyQueue
    case storyReview(StoryID)
    case api(API)

    /// What an organizer adds to a campaign, each a POST under the campaign's page.
    public enum CampaignPart: String, Sendable, Equatable {
        case actions, officials, status, letters
    }

    /// What an admin does to a member's account, each a POST under the member's page.
    public enum MemberAction: String, Sendable, Equatable {
        case roles, teams, disable, enable, resetSecondFactor = "reset-2fa", invitation
    }

    /// The JSON API's resources (under /api/v1).
    public enum API: Sendable, Equatable {
        case places
        case state(String)
        case county(String, String)
        case placeImports
        case placeImport(AgreementImportID)
        case records
        case recordsRequest(RecordsRequestID)
        case events
        case event(EventID)
        case eventsManage
        case eventRegistrations(EventID)
    }

    public var path: String {
        switch self {
        case .home: "/"
        case .places: "/places"
        case .placesMap: "/places/map"
        case .placeImports: "/places/imports"
        case .placeImport(let id): "/places/imports/\(id.rawValue.uuidString)"
        case .state(let code): "/places/\(code.lowercased())"
        case .county(let code, let slug): "/places/\(code.lowercased())/\(slug)"
        case .evidenceState(let code): "/evidence/\(code.lowercased())"
        case .evidenceCounty(let code, let slug): "/evidence/\(code.lowercased())/\(slug)"
        case .letter(let id): "/letters/\(id.rawValue.uuidString)"
        case .records: "/records"
        case .recordsRequest(let id): "/records/\(id.rawValue.uuidString)"
        case .recordsStatus(let id): Self.recordsRequest(id).path + "/status"
        case .recordsMessages(let id): Self.recordsRequest(id).path + "/messages"
        case .recordsDocuments(let id): Self.recordsRequest(id).path + "/documents"
        case .recordsDocument(let id, let document): Self.recordsDocuments(id).path + "/\(document.rawValue.uuidString)"
        case .events: "/events"
        case .event(let id): "/events/\(id.rawValue.uuidString)"
        case .eventCancel(let token): "/events/cancel/\(token)"
        case .eventsManage: "/events/manage"
        case .eventRegistrations(let id): "/events/manage/\(id.rawValue.uuidString)"
        case .eventAttended(let id, let registration): Self.eventRegistrations(id).path + "/attended/\(registration.rawValue.uuidString)"
        case .members: "/admin/users"
        case .membersTogether: "/admin/users/invite-many"
        case .member(let id): "/admin/users/\(id.rawValue.uuidString)"
        case .memberAction(let id, let action): Self.member(id).path + "/" + action.rawValue
        case .teams: "/admin/teams"
        case .auditLog: "/admin/audit"
        case .settings: "/admin/settings"
        case .settingsPart(let part): "/admin/settings/\(part)"
        case .settingsTest(let channel): "/admin/settings/\(channel.rawValue)/test"
        case .campaigns: "/campaigns"
        case .campaign(let id): "/campaigns/\(id.rawValue.uuidString)"
        case .campaignPart(let id, let part): Self.campaign(id).path + "/" + part.rawValue
        case .letterSignatures(let campaign, let letter): Self.campaign(campaign).path + "/letters/\(letter.rawValue.uuidString)/signatures"
        case .letterConfirm(let token): "/letters/confirm/\(token)"
        case .stories: "/stories"
        case .newStory: "/stories/new"
        case .storyQueue: "/stories/review"
        case .storyReview(let id): "/stories/review/\(id.rawValue.uuidString)"
        case .api(let resource): "/api/v1" + resource.path
        }
    }
}

extension SiteURL.API {
    /// Each resource sits at its page's path under /api/v1.
    var path: String {
        switch self {
        case .places: SiteURL.places.path
        case .state(let code): SiteURL.state(code).path
        case .county(let code, let slug): SiteURL.county(code, slug).path
        case .placeImports: SiteURL.placeImports.path
        case .placeImport(let id): SiteURL.placeImport(id).path
        case .records: SiteURL.records.path
        case .recordsRequest(let id): SiteURL.recordsRequest(id).path
        case .events: SiteURL.events.path
        case .event(let id): SiteURL.event(id).path
        case .eventsManage: SiteURL.eventsManage.path
        case .eventRegistrations(let id): SiteURL.eventRegistrations(id).path
        }
    }
}
