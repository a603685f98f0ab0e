import AmparoDomain
import AmparoWebKit
import Foundation

/// Every operation of /api/v1, from which /api/v1/openapi.json is built: responses are read from
/// the same Codable page values the routes answer with. `APITests` checks this list against the
/// router both ways.
enum APIOperations {
    static let description = "Personal API tokens act with their owner's roles. Create one on your account page (full access or read-only, for 30, 90 or 365 days) and send it as Authorization: Bearer <token>. A read-only token is refused (403) anything but GET."

    static func document() throws -> Data {
        try OpenAPIBuilder.document(title: "Amparo API", version: "1.0.0", description: description, operations: all)
    }

    static let state = APIOperation.Parameter("state", in: .path, description: "A state's or territory's postal code, e.g. tx", schema: .type("string"))
    static let county = APIOperation.Parameter("county", in: .path, description: "The county's slug, e.g. harris-county", schema: .type("string"))
    static let month = JSONSchema(["type": "string", "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$"])
    static let period = [APIOperation.Parameter("from", in: .query, description: "First month, YYYY-MM", schema: month),
                         APIOperation.Parameter("to", in: .query, description: "Last month, YYYY-MM", schema: month)]

    /// What POST /api/v1/teams accepts: the same rules as the team form.
    static let newTeam = JSONSchema([
        "type": "object", "required": ["name"],
        "properties": [
            "name": ["type": "string", "maxLength": 120, "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$",
                     "description": "Not blank, no control characters; spaces around it are trimmed. Lengths count Unicode code points."],
            "region": ["type": ["string", "null"], "maxLength": 120, "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]*$", "description": "null or absent means no region"],
        ],
    ])

    static let all: [APIOperation] = [
        .get("/api/v1/health", id: "health", summary: "Liveness", access: .open, response: .of(HealthDTO.self, named: "Health")),
        .get("/api/v1/me", id: "me", summary: "The token's owner", access: .token, response: .of(MeDTO.self, named: "Me")),
        .get("/api/v1/teams", id: "listTeams", summary: "Teams and regions", access: .token, response: .arrayOf(TeamDTO.self, named: "Team")),
        APIOperation("post", "/api/v1/teams", id: "createTeam", summary: "Create a team (admins and coordinators)", access: .token,
                     response: .of(TeamDTO.self, named: "Team"), status: 201, problems: [400, 409, 413, 415, 422], requestBody: newTeam,
                     extra: ["headers": ["Location": ["description": "The new team's address", "schema": ["type": "string"]]],
                             "links": ["GetTeamByID": ["operationId": "getTeam", "parameters": ["teamID": "$response.body#/id"]]]]),
        .get("/api/v1/teams/{teamID}", id: "getTeam", summary: "One team", access: .token, parameters: [.id("teamID")], response: .of(TeamDTO.self, named: "Team")),
        .get("/api/v1/users", id: "listUsers", summary: "Members (admins)", access: .token, response: .arrayOf(UserDTO.self, named: "User")),
        .get("/api/v1/users/{userID}", id: "getUser", summary: "One member (admins; the read is audited)", access: .token, parameters: [.id("userID")],
             response: .of(UserDTO.self, named: "User")),
        .get("/api/v1/audit/verify", id: "verifyAudit", summary: "Check the audit log's hash chain (admins)", access: .token,
             response: .of(AuditVerificationDTO.self, named: "AuditVerification")),
        .get("/api/v1/hotline/reports", id: "listReports",
             summary: "The hotline inbox: reports newest first, new ones first within a page (dispatchers and coordinators; the read is audited)", access: .token,
             parameters: [
                .init("status", in: .query, description: "open (the default), all, or one status", schema: .strings(["open", "all"] + ReportStatus.allCases.map(\.rawValue))),
                .init("since", in: .query, description: "Reports received from this day (YYYY-MM-DD, UTC) or instant (RFC 3339) on", schema: .type("string")),
                .init("limit", in: .query, schema: JSONSchema(["type": "integer", "minimum": 1, "maximum": .integer(InboxRoutes.pageSize)])),
                .init("cursor", in: .query, description: "The nextCursor of the page before", schema: .type("string")),
             ], response: .of(InboxPage.self), problems: [400]),
        .get("/api/v1/hotline/shifts", id: "getShifts", summary: "Who is on call now, your next shifts, open swaps and the weekly schedule (members who see shifts)",
             access: .token, response: .of(ShiftsPage.self)),
        .get("/api/v1/hotline/alerts", id: "listAlerts",
             summary: "Every published alert, newest first, with delivery by channel and status and why messages failed (members who work the hotline)",
             access: .token, response: .of(AlertsPage.self)),
        .get("/api/v1/evidence", id: "getEvidenceNation", summary: "ICE's detainers over a period, for the nation (public; counts from 1 to 4 are null)",
             access: .open, cacheable: true, parameters: period, response: .stated("Evidence", EvidenceResource.jsonSchema), problems: [400]),
        .get("/api/v1/evidence/{state}", id: "getEvidenceState", summary: "ICE's detainers over a period, for a state (public)", access: .open, cacheable: true,
             parameters: [state] + period, response: .stated("Evidence", EvidenceResource.jsonSchema), problems: [400]),
        .get("/api/v1/evidence/{state}/{county}", id: "getEvidenceCounty",
             summary: "ICE's detainers over a period, for a county's confirmed jails, with the what-if (public)", access: .open, cacheable: true,
             parameters: [state, county] + period, response: .stated("Evidence", EvidenceResource.jsonSchema), problems: [400]),
        .get("/api/v1/places", id: "listPlaceStates", summary: "Every state with its 287(g) agreements in force, by model (public)", access: .open,
             cacheable: true, response: .of(PlaceStatesPage.self)),
        .get("/api/v1/places/{state}", id: "getPlaceState", summary: "A state: its policies, agreements and counties (public)", access: .open, cacheable: true,
             parameters: [state], response: .of(PlaceStatePage.self)),
        .get("/api/v1/places/{state}/{county}", id: "getPlaceCounty",
             summary: "A county: what governs it, its policy history, agreements (ended ones too), campaigns, facilities (public)", access: .open,
             cacheable: true, parameters: [state, county], response: .of(PlaceCountyPage.self)),
        .get("/api/v1/places/imports", id: "listPlaceImports", summary: "The latest imports of ICE's 287(g) lists (organizers and analysts)", access: .token,
             response: .of(PlaceImportsPage.self)),
        .get("/api/v1/places/imports/{importID}", id: "getPlaceImport", summary: "One import: the agreements it added and ended (organizers and analysts)",
             access: .token, parameters: [.id("importID")], response: .of(PlaceImportPage.self)),
        .get("/api/v1/records", id: "listRecordsRequests",
             summary: "Public-records requests, newest first, with where each stands against its next deadline (organizers and legal)", access: .token,
             response: .of(RecordsListPage.self)),
        .get("/api/v1/records/{requestID}", id: "getRecordsRequest",
             summary: "A records request: its deadlines under its state's law, its history (notes and messages unsealed), documents received and the steps that may follow (organizers and legal)",
             access: .token, parameters: [.id("requestID")], response: .of(RecordsRequestPage.self)),
        .get("/api/v1/events", id: "listEvents", summary: "Trainings and events to come, soonest first (public)", access: .open, cacheable: true,
             response: .of(EventsPage.self)),
        .get("/api/v1/events/{eventID}", id: "getEvent", summary: "An event with its seats left and whether sign-up is open (public)", access: .open,
             cacheable: true, parameters: [.id("eventID")], response: .of(EventPage.self)),
        .get("/api/v1/events/manage", id: "listManagedEvents", summary: "Every event, latest first, past ones too (organizers)", access: .token,
             response: .of(EventsManagePage.self)),
        .get("/api/v1/events/manage/{eventID}", id: "getEventRegistrations", summary: "Who signed up for an event and who came, names unsealed (organizers)",
             access: .token, parameters: [.id("eventID")], response: .of(EventRegistrationsPage.self)),
        .get("/api/v1/campaigns", id: "listCampaigns", summary: "Every campaign, newest first, with its place, goal and status (organizers)", access: .token,
             response: .of(CampaignsPage.self)),
        .get("/api/v1/campaigns/{campaignID}", id: "getCampaign",
             summary: "A campaign: decision makers, timeline, letters with their confirmed signatures, outcome (organizers)", access: .token,
             parameters: [.id("campaignID")], response: .of(CampaignPage.self)),
        .get("/api/v1/letters/{letterID}", id: "getLetter", summary: "A sign-on letter with its confirmed signers, never their contacts (public)",
             access: .open, cacheable: true, parameters: [.id("letterID")], response: .of(LetterPage.self)),
        .get("/api/v1/stories", id: "listStories", summary: "Stories published with their tellers' consent, in the reviewed words (public)", access: .open,
             cacheable: true, response: .of(StoriesPage.self)),
    ]
}
