/// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. schemathesis checks the
/// running server against it in CI.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Amparo API",
        "version": "1.0.0",
        "description": "Personal API tokens act with their owner's role. Create one on your account page (full access or read-only, for 30, 90 or 365 days) and send it as Authorization: Bearer <token>. A read-only token is refused (403) anything but GET."
      },
      "servers": [{"url": "/"}],
      "security": [{"bearerAuth": []}],
      "paths": {
        "/api/v1/health": {
          "get": {
            "operationId": "health", "summary": "Liveness", "security": [],
            "responses": {"200": {"description": "Up", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}}
          }
        },
        "/api/v1/me": {
          "get": {
            "operationId": "me", "summary": "The token's owner",
            "responses": {
              "200": {"description": "The member", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"}
            }
          }
        },
        "/api/v1/teams": {
          "get": {
            "operationId": "listTeams", "summary": "Teams and regions",
            "responses": {
              "200": {"description": "All teams", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Team"}}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          },
          "post": {
            "operationId": "createTeam", "summary": "Create a team (admins and coordinators)",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewTeam"}}}},
            "responses": {
              "201": {"description": "Created", "headers": {"Location": {"description": "The new team's address", "schema": {"type": "string"}}}, "links": {"GetTeamByID": {"operationId": "getTeam", "parameters": {"teamID": "$response.body#/id"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Team"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "409": {"$ref": "#/components/responses/Problem"},
              "413": {"$ref": "#/components/responses/Problem"},
              "415": {"$ref": "#/components/responses/Problem"},
              "422": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/teams/{teamID}": {
          "get": {
            "operationId": "getTeam", "summary": "One team",
            "parameters": [{"name": "teamID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {
              "200": {"description": "The team", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Team"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/users": {
          "get": {
            "operationId": "listUsers", "summary": "Members (admins)",
            "responses": {
              "200": {"description": "All members", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/User"}}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          }
        },
        "/api/v1/users/{userID}": {
          "get": {
            "operationId": "getUser", "summary": "One member (admins; the read is audited)",
            "parameters": [{"name": "userID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {
              "200": {"description": "The member", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/audit/verify": {
          "get": {
            "operationId": "verifyAudit", "summary": "Check the audit log's hash chain (admins)",
            "responses": {
              "200": {"description": "Result", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AuditVerification"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          }
        },
        "/api/v1/hotline/reports": {
          "get": {
            "operationId": "listReports", "summary": "The hotline inbox: reports newest first, new ones first within a page (dispatchers and coordinators; the read is audited)",
            "parameters": [
              {"name": "status", "in": "query", "required": false, "description": "open (the default), all, or one status", "schema": {"type": "string", "enum": ["open", "all", "new", "claimed", "verifying", "verified", "unconfirmed", "false_alarm", "duplicate", "closed"]}},
              {"name": "since", "in": "query", "required": false, "description": "Reports received from this day (YYYY-MM-DD, UTC) or instant (RFC 3339) on", "schema": {"type": "string"}},
              {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
              {"name": "cursor", "in": "query", "required": false, "description": "The nextCursor of the page before", "schema": {"type": "string"}}
            ],
            "responses": {
              "200": {"description": "One page of reports", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InboxPage"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          }
        },
        "/api/v1/evidence": {
          "get": {
            "operationId": "getEvidenceNation", "summary": "ICE's detainers over a period, for the nation (public; counts from 1 to 4 are null)", "security": [],
            "parameters": [{"name": "from", "in": "query", "required": false, "description": "First month, YYYY-MM", "schema": {"type": "string", "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$"}}, {"name": "to", "in": "query", "required": false, "description": "Last month, YYYY-MM", "schema": {"type": "string", "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$"}}, {"$ref": "#/components/parameters/IfNoneMatch"}],
            "responses": {
              "200": {"description": "The figures", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Evidence"}}}},
              "304": {"description": "Unchanged since the ETag sent in If-None-Match"},
              "400": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/evidence/{state}": {
          "get": {
            "operationId": "getEvidenceState", "summary": "ICE's detainers over a period, for a state (public)", "security": [],
            "parameters": [{"$ref": "#/components/parameters/State"}, {"name": "from", "in": "query", "required": false, "description": "First month, YYYY-MM", "schema": {"type": "string", "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$"}}, {"name": "to", "in": "query", "required": false, "description": "Last month, YYYY-MM", "schema": {"type": "string", "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$"}}, {"$ref": "#/components/parameters/IfNoneMatch"}],
            "responses": {
              "200": {"description": "The figures", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Evidence"}}}},
              "304": {"description": "Unchanged since the ETag sent in If-None-Match"},
              "400": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/evidence/{state}/{county}": {
          "get": {
            "operationId": "getEvidenceCounty", "summary": "ICE's detainers over a period, for a county's confirmed jails, with the what-if (public)", "security": [],
            "parameters": [{"$ref": "#/components/parameters/State"}, {"name": "county", "in": "path", "required": true, "description": "The county's slug, e.g. harris-county", "schema": {"type": "string"}}, {"name": "from", "in": "query", "required": false, "description": "First month, YYYY-MM", "schema": {"type": "string", "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$"}}, {"name": "to", "in": "query", "required": false, "description": "Last month, YYYY-MM", "schema": {"type": "string", "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$"}}, {"$ref": "#/components/parameters/IfNoneMatch"}],
            "responses": {
              "200": {"description": "The figures", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Evidence"}}}},
              "304": {"description": "Unchanged since the ETag sent in If-None-Match"},
              "400": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/hotline/shifts": {
          "get": {
            "operationId": "getShifts", "summary": "Who is on call now, your next shifts, open swaps and the weekly schedule (members who see shifts)",
            "responses": {
              "200": {"description": "The shifts page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ShiftsPage"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          }
        },
        "/api/v1/records": {
          "get": {
            "operationId": "listRecordsRequests", "summary": "Public-records requests, newest first, with where each stands against its next deadline (organizers and legal)",
            "responses": {
              "200": {"description": "The records page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RecordsListPage"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          }
        },
        "/api/v1/records/{requestID}": {
          "get": {
            "operationId": "getRecordsRequest", "summary": "A records request: its deadlines under its state's law, its history (notes and messages unsealed), documents received and the steps that may follow (organizers and legal)",
            "parameters": [{"name": "requestID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {
              "200": {"description": "The request", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RecordsRequestPage"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/events": {
          "get": {
            "operationId": "listEvents", "summary": "Trainings and events to come, soonest first (public)", "security": [],
            "parameters": [{"$ref": "#/components/parameters/IfNoneMatch"}],
            "responses": {
              "200": {"description": "The events page", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventsPage"}}}},
              "304": {"description": "Unchanged since the ETag sent in If-None-Match"}
            }
          }
        },
        "/api/v1/events/{eventID}": {
          "get": {
            "operationId": "getEvent", "summary": "An event with its seats left and whether sign-up is open (public)", "security": [],
            "parameters": [{"name": "eventID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}, {"$ref": "#/components/parameters/IfNoneMatch"}],
            "responses": {
              "200": {"description": "The event", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventPage"}}}},
              "304": {"description": "Unchanged since the ETag sent in If-None-Match"},
              "400": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/events/manage": {
          "get": {
            "operationId": "listManagedEvents", "summary": "Every event, latest first, past ones too (organizers)",
            "responses": {
              "200": {"description": "The events organizers manage", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventsManagePage"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          }
        },
        "/api/v1/events/manage/{eventID}": {
          "get": {
            "operationId": "getEventRegistrations", "summary": "Who signed up for an event and who came, names unsealed (organizers)",
            "parameters": [{"name": "eventID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {
              "200": {"description": "The registrations", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventRegistrationsPage"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/campaigns": {
          "get": {
            "operationId": "listCampaigns", "summary": "Every campaign, newest first, with its place, goal and status (organizers)",
            "responses": {
              "200": {"description": "The campaigns page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CampaignsPage"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          }
        },
        "/api/v1/campaigns/{campaignID}": {
          "get": {
            "operationId": "getCampaign", "summary": "A campaign: decision makers, timeline, letters with their confirmed signatures, outcome (organizers)",
            "parameters": [{"name": "campaignID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {
              "200": {"description": "The campaign", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CampaignPage"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/letters/{letterID}": {
          "get": {
            "operationId": "getLetter", "summary": "A sign-on letter with its confirmed signers, never their contacts (public)", "security": [],
            "parameters": [{"name": "letterID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}, {"$ref": "#/components/parameters/IfNoneMatch"}],
            "responses": {
              "200": {"description": "The letter", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LetterPage"}}}},
              "304": {"description": "Unchanged since the ETag sent in If-None-Match"},
              "400": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/stories": {
          "get": {
            "operationId": "listStories", "summary": "Stories published with their tellers' consent, in the reviewed words (public)", "security": [],
            "parameters": [{"$ref": "#/components/parameters/IfNoneMatch"}],
            "responses": {
              "200": {"description": "The stories", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StoriesPage"}}}},
              "304": {"description": "Unchanged since the ETag sent in If-None-Match"}
            }
          }
        },
        "/api/v1/hotline/alerts": {
          "get": {
            "operationId": "listAlerts", "summary": "Every published alert, newest first, with delivery by channel and status and why messages failed (members who work the hotline)",
            "responses": {
              "200": {"description": "The alerts page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AlertsPage"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          }
        },
        "/api/v1/places": {
          "get": {
            "operationId": "listPlaceStates", "summary": "Every state with its 287(g) agreements in force, by model (public)", "security": [],
            "parameters": [{"$ref": "#/components/parameters/IfNoneMatch"}],
            "responses": {
              "200": {"description": "The states", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlaceStatesPage"}}}},
              "304": {"description": "Unchanged since the ETag sent in If-None-Match"}
            }
          }
        },
        "/api/v1/places/{state}": {
          "get": {
            "operationId": "getPlaceState", "summary": "A state: its policies, agreements and counties (public)", "security": [],
            "parameters": [{"$ref": "#/components/parameters/State"}, {"$ref": "#/components/parameters/IfNoneMatch"}],
            "responses": {
              "200": {"description": "The state", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlaceStatePage"}}}},
              "304": {"description": "Unchanged since the ETag sent in If-None-Match"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/places/{state}/{county}": {
          "get": {
            "operationId": "getPlaceCounty", "summary": "A county: what governs it, its policy history, agreements (ended ones too), campaigns, facilities (public)", "security": [],
            "parameters": [{"$ref": "#/components/parameters/State"}, {"name": "county", "in": "path", "required": true, "description": "The county's slug, e.g. harris-county", "schema": {"type": "string"}}, {"$ref": "#/components/parameters/IfNoneMatch"}],
            "responses": {
              "200": {"description": "The county", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlaceCountyPage"}}}},
              "304": {"description": "Unchanged since the ETag sent in If-None-Match"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/v1/places/imports": {
          "get": {
            "operationId": "listPlaceImports", "summary": "The latest imports of ICE's 287(g) lists (organizers and analysts)",
            "responses": {
              "200": {"description": "The imports, newest first", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlaceImportsPage"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          }
        },
        "/api/v1/places/imports/{importID}": {
          "get": {
            "operationId": "getPlaceImport", "summary": "One import: the agreements it added and ended (organizers and analysts)",
            "parameters": [{"name": "importID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {
              "200": {"description": "The import", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlaceImportPage"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        }
      },
      "components": {
        "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        "parameters": {
          "State": {"name": "state", "in": "path", "required": true, "description": "A state's or territory's postal code, e.g. tx", "schema": {"type": "string"}},
          "IfNoneMatch": {"name": "If-None-Match", "in": "header", "required": false, "description": "An ETag from an earlier answer: 304 if nothing changed", "schema": {"type": "string"}}
        },
        "headers": {"ETag": {"description": "The resource's version, for If-None-Match", "schema": {"type": "string"}}},
        "responses": {
          "Unauthorized": {"description": "No valid API token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Forbidden": {"description": "The token's role may not do this", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Problem": {"description": "The request cannot be done as sent; the message says why", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Health": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}},
          "Team": {
            "type": "object", "required": ["id", "name", "region"],
            "properties": {"id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "region": {"type": "string"}}
          },
          "NewTeam": {
            "type": "object", "required": ["name"],
            "properties": {
              "name": {"type": "string", "maxLength": 120, "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$", "description": "Not blank, no control characters; spaces around it are trimmed. Lengths count Unicode code points."},
              "region": {"type": ["string", "null"], "maxLength": 120, "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]*$", "description": "null or absent means no region"}
            }
          },
          "Me": {
            "type": "object", "required": ["id", "name", "email", "role", "teams"],
            "properties": {
              "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "email": {"type": "string"}, "phone": {"type": ["string", "null"]},
              "role": {"type": "string"}, "language": {"type": ["string", "null"]},
              "teams": {"type": "array", "items": {"$ref": "#/components/schemas/Team"}}
            }
          },
          "User": {
            "type": "object", "required": ["id", "name", "role", "status", "twoFactor", "teams"],
            "properties": {
              "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "role": {"type": "string"},
              "status": {"type": "string", "enum": ["active", "invited", "disabled"]}, "twoFactor": {"type": "boolean"},
              "teams": {"type": "array", "items": {"$ref": "#/components/schemas/Team"}}
            }
          },
          "AuditVerification": {
            "type": "object", "required": ["intact", "entriesChecked"],
            "properties": {"intact": {"type": "boolean"}, "entriesChecked": {"type": "integer"}, "problem": {"type": ["string", "null"]}}
          },
          "AlertsPage": {
            "type": "object", "required": ["alerts", "configured"],
            "properties": {
              "alerts": {"type": "array", "items": {"$ref": "#/components/schemas/SentAlert"}},
              "configured": {"type": "array", "description": "The channels this server can send on", "items": {"type": "string", "enum": ["email", "sms", "signal"]}}
            }
          },
          "SentAlert": {
            "type": "object", "required": ["id", "reportID", "reference", "place", "text", "publishedAt", "expiresAt", "publishedBy", "recipients", "delivery", "failures"],
            "properties": {
              "id": {"type": "string", "format": "uuid"}, "reportID": {"type": "string", "format": "uuid"}, "reference": {"type": "string"},
              "place": {"type": "string"}, "region": {"type": "string", "description": "Absent: every area"},
              "text": {"type": "object", "properties": {"english": {"type": "string"}, "spanish": {"type": "string"}}},
              "publishedAt": {"type": "string", "format": "date-time"}, "expiresAt": {"type": "string", "format": "date-time"},
              "publishedBy": {"type": "string"}, "recipients": {"type": "integer"},
              "delivery": {"type": "array", "items": {"type": "object", "required": ["channel", "status", "count"], "properties": {
                "channel": {"type": "string", "enum": ["email", "sms", "signal"]},
                "status": {"type": "string", "enum": ["queued", "sending", "sent", "failed", "waiting"]}, "count": {"type": "integer"}}}},
              "failures": {"type": "array", "items": {"type": "object", "required": ["reason", "count"], "properties": {
                "reason": {"type": "string", "description": "The provider's error with phone numbers and addresses removed"}, "count": {"type": "integer"}}}}
            }
          },
          "InboxReport": {
            "type": "object", "required": ["id", "reference", "receivedAt", "status", "urgency", "agency"],
            "properties": {
              "id": {"type": "string", "format": "uuid"}, "reference": {"type": "string"}, "receivedAt": {"type": "string", "format": "date-time"},
              "status": {"type": "string", "enum": ["new", "claimed", "verifying", "verified", "unconfirmed", "false_alarm", "duplicate", "closed"]},
              "urgency": {"type": "string", "enum": ["routine", "urgent", "emergency"]},
              "place": {"type": "string", "description": "Absent once retention erased the report's personal data"},
              "summary": {"type": "string", "description": "The first words of what was reported; absent once erased"},
              "agency": {"type": "string", "enum": ["unknown", "ice", "cbp", "police", "sheriff", "other"]},
              "claimedBy": {"type": "string", "description": "The name of the member who claimed it"}
            }
          },
          "InboxPage": {
            "type": "object", "required": ["reports", "show", "bulkActions"],
            "properties": {
              "reports": {"type": "array", "items": {"$ref": "#/components/schemas/InboxReport"}},
              "show": {"type": "string", "enum": ["open", "all"]}, "nextCursor": {"type": "string"},
              "bulkActions": {"type": "array", "items": {"type": "string", "enum": ["claim", "false_alarm"]}}, "banner": {"type": "object"}
            }
          },
          "Evidence": {
            "type": "object", "required": ["place", "from", "to", "figures", "sources", "whatIf"],
            "properties": {
              "place": {"type": "string"}, "from": {"type": "string"}, "to": {"type": "string"},
              "figures": {
                "type": "object", "required": ["lodged", "withoutConviction", "criminality", "threatLevels", "outcomes", "months", "charges", "bookedWithoutConviction"],
                "properties": {
                  "lodged": {"type": ["integer", "null"]}, "withoutConviction": {"type": ["integer", "null"]}, "withoutConvictionShare": {"type": ["number", "null"]},
                  "criminality": {"type": "object", "additionalProperties": {"type": ["integer", "null"]}}, "threatLevels": {"type": "object", "additionalProperties": {"type": ["integer", "null"]}}, "outcomes": {"type": "object", "additionalProperties": {"type": ["integer", "null"]}}, "months": {"type": "object", "additionalProperties": {"type": ["integer", "null"]}}, "charges": {"type": "object", "additionalProperties": {"type": ["integer", "null"]}},
                  "bookedWithoutConviction": {"type": ["integer", "null"]}
                }
              },
              "sources": {"type": "array", "items": {"type": "object", "required": ["importID", "fileName", "fileDigest", "rowsCounted", "rowsInFile", "rowsRejected", "importedAt"],
                "properties": {"importID": {"type": "string", "format": "uuid"}, "fileName": {"type": "string"}, "fileDigest": {"type": "string"}, "release": {"type": "string"},
                  "rowsCounted": {"type": "integer"}, "rowsInFile": {"type": "integer"}, "rowsRejected": {"type": "integer"}, "importedAt": {"type": "string", "format": "date-time"}}}},
              "whatIf": {"type": "object", "additionalProperties": {"type": ["integer", "null"]}}
            }
          },
          "ShiftsPage": {
            "type": "object", "required": ["timeZone", "onCall", "mine", "offers", "schedule"],
            "properties": {
              "timeZone": {"type": "string"},
              "onCall": {"type": "array", "items": {"type": "object", "required": ["team", "duty", "member", "span"], "properties": {"team": {"type": "string"}, "duty": {"type": "string", "enum": ["dispatcher", "responder"]}, "member": {"type": "string"}, "span": {"type": "object", "required": ["weekday", "date", "startMinute", "endMinute"], "properties": {"weekday": {"type": "integer", "minimum": 1, "maximum": 7}, "date": {"type": "string", "format": "date"}, "startMinute": {"type": "integer"}, "endMinute": {"type": "integer"}}}}}},
              "mine": {"type": "array", "items": {"type": "object", "required": ["shiftID", "span", "duty", "team", "offered"], "properties": {"shiftID": {"type": "string", "format": "uuid"}, "span": {"type": "object", "required": ["weekday", "date", "startMinute", "endMinute"], "properties": {"weekday": {"type": "integer", "minimum": 1, "maximum": 7}, "date": {"type": "string", "format": "date"}, "startMinute": {"type": "integer"}, "endMinute": {"type": "integer"}}}, "duty": {"type": "string", "enum": ["dispatcher", "responder"]}, "team": {"type": "string"}, "offered": {"type": "boolean"}}}},
              "offers": {"type": "array", "items": {"type": "object", "required": ["swapID", "span", "duty", "team", "offeredBy"], "properties": {"swapID": {"type": "string", "format": "uuid"}, "span": {"type": "object", "required": ["weekday", "date", "startMinute", "endMinute"], "properties": {"weekday": {"type": "integer", "minimum": 1, "maximum": 7}, "date": {"type": "string", "format": "date"}, "startMinute": {"type": "integer"}, "endMinute": {"type": "integer"}}}, "duty": {"type": "string", "enum": ["dispatcher", "responder"]}, "team": {"type": "string"}, "offeredBy": {"type": "string"}}}},
              "schedule": {"type": "array", "items": {"type": "object", "required": ["shiftID", "weekday", "startMinute", "endMinute", "duty", "team", "member"], "properties": {"shiftID": {"type": "string", "format": "uuid"}, "weekday": {"type": "integer"}, "startMinute": {"type": "integer"}, "endMinute": {"type": "integer"}, "duty": {"type": "string", "enum": ["dispatcher", "responder"]}, "team": {"type": "string"}, "member": {"type": "string"}}}},
              "manage": {"type": "object", "description": "Only for those who manage shifts: the teams and members to choose from and the fallback team"},
              "problem": {"type": "object"}, "notice": {"type": "string"}
            }
          },
          "RecordsListPage": {
            "type": "object", "required": ["requests", "form"],
            "properties": {
              "requests": {"type": "array", "items": {"type": "object", "required": ["id", "agency", "subject", "status", "standing"], "properties": {
                "id": {"type": "string", "format": "uuid"}, "agency": {"type": "string"}, "subject": {"type": "string"},
                "status": {"type": "string", "enum": ["submitted", "acknowledged", "processing", "fix_needed", "payment_needed", "partial", "done", "rejected", "no_documents", "appealing", "abandoned"]},
                "standing": {"type": "string", "enum": ["closed", "met", "paused", "due", "overdue"]},
                "nextDue": {"type": "string", "format": "date", "description": "The next deadline's day, while one runs"}}}},
              "form": {"type": "object", "description": "The new-request form as typed (the page shows it again when refused)"},
              "refusal": {"type": "object"}
            }
          },
          "RecordsRequestPage": {
            "type": "object", "required": ["request", "deadlines", "history", "documents", "nextSteps", "today", "statusForm", "messageForm"],
            "properties": {
              "request": {"type": "object", "required": ["id", "state", "agency", "subject", "sentVia", "sentOn", "status", "extended"], "properties": {
                "id": {"type": "string", "format": "uuid"}, "state": {"type": "string"}, "agency": {"type": "string"}, "subject": {"type": "string"},
                "sentVia": {"type": "string", "enum": ["email", "portal", "mail", "fax", "in_person"]}, "sentOn": {"type": "string", "format": "date"},
                "status": {"type": "string", "enum": ["submitted", "acknowledged", "processing", "fix_needed", "payment_needed", "partial", "done", "rejected", "no_documents", "appealing", "abandoned"]}, "extended": {"type": "boolean"}, "feesCents": {"type": "integer"}}},
              "deadlines": {"type": "array", "items": {"type": "object", "required": ["kind", "citation", "standing"], "properties": {
                "kind": {"type": "string", "enum": ["acknowledge", "complete_or_status", "determination", "extended_determination", "may_close"]},
                "due": {"type": "string", "format": "date", "description": "Absent while the clock is stopped"}, "citation": {"type": "string"},
                "standing": {"type": "string", "enum": ["met", "overdue", "pending", "paused"]}}}},
              "law": {"type": "object", "required": ["name", "verifiedOn", "holidays"], "properties": {"name": {"type": "string"}, "verifiedOn": {"type": "string", "format": "date"}, "holidays": {"type": "string"}}},
              "history": {"type": "array", "items": {"type": "object", "required": ["kind", "onDay", "author"], "properties": {
                "kind": {"type": "string", "enum": ["status", "sent", "received"]}, "status": {"type": "string", "enum": ["submitted", "acknowledged", "processing", "fix_needed", "payment_needed", "partial", "done", "rejected", "no_documents", "appealing", "abandoned"]},
                "onDay": {"type": "string", "format": "date"}, "body": {"type": "string"}, "author": {"type": "string"}}}},
              "documents": {"type": "array", "items": {"type": "object", "required": ["id", "fileName", "size", "receivedOn"], "properties": {
                "id": {"type": "string", "format": "uuid"}, "fileName": {"type": "string"}, "size": {"type": "integer"}, "receivedOn": {"type": "string", "format": "date"}}}},
              "nextSteps": {"type": "array", "items": {"type": "string", "enum": ["submitted", "acknowledged", "processing", "fix_needed", "payment_needed", "partial", "done", "rejected", "no_documents", "appealing", "abandoned"]}},
              "today": {"type": "string", "format": "date"},
              "statusForm": {"type": "object"}, "messageForm": {"type": "object"}, "refused": {"type": "object"}
            }
          },
          "Bilingual": {"type": "object", "required": ["en", "es"], "properties": {"en": {"type": "string"}, "es": {"type": "string"}}},
          "Event": {
            "type": "object", "required": ["id", "kind", "title", "description", "startsAt", "place", "capacity"],
            "properties": {
              "id": {"type": "string", "format": "uuid"},
              "kind": {"type": "string", "enum": ["deportation_101", "know_your_rights", "responder_training", "visitor_training", "webinar", "other"]},
              "title": {"$ref": "#/components/schemas/Bilingual"},
              "description": {"$ref": "#/components/schemas/Bilingual", "description": "Empty in a language it was not written in"},
              "startsAt": {"type": "string", "format": "date-time"}, "place": {"type": "string"}, "capacity": {"type": "integer", "minimum": 1}
            }
          },
          "EventsPage": {"type": "object", "required": ["events"], "properties": {"events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}},
          "EventPage": {
            "type": "object", "required": ["event", "seatsLeft", "open", "form"],
            "properties": {
              "event": {"$ref": "#/components/schemas/Event"}, "seatsLeft": {"type": "integer", "minimum": 0},
              "open": {"type": "boolean", "description": "Sign-up is open until the event begins"},
              "form": {"type": "object"}, "refusal": {"type": "object"}, "problem": {"type": "string"}, "outcome": {"type": "string"}
            }
          },
          "EventsManagePage": {
            "type": "object", "required": ["events", "form"],
            "properties": {"events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}, "form": {"type": "object"}, "refusal": {"type": "object"}}
          },
          "EventRegistrationsPage": {
            "type": "object", "required": ["event", "registrations"],
            "properties": {
              "event": {"$ref": "#/components/schemas/Event"},
              "registrations": {"type": "array", "items": {"type": "object", "required": ["id", "name", "status"], "properties": {
                "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"},
                "status": {"type": "string", "enum": ["registered", "waitlisted", "cancelled", "attended"]}}}}
            }
          },
          "PlaceRef": {
            "type": "object", "required": ["id", "kind", "name", "stateCode", "slug", "nameKey"],
            "properties": {"id": {"type": "string", "format": "uuid"}, "kind": {"type": "string", "enum": ["state", "county"]}, "name": {"type": "string"},
              "stateCode": {"type": "string"}, "fips": {"type": "string"}, "slug": {"type": "string"}, "nameKey": {"type": "string"}}
          },
          "Campaign": {
            "type": "object", "required": ["id", "title", "goal", "status"],
            "properties": {"id": {"type": "string", "format": "uuid"}, "title": {"type": "string"}, "place": {"$ref": "#/components/schemas/PlaceRef"},
              "goal": {"type": "string", "enum": ["end_287g", "stop_honoring_holds", "right_to_refuse_questioning", "legal_representation_fund", "close_facility"]}, "status": {"type": "string", "enum": ["active", "paused", "won", "lost"]}, "outcome": {"type": "string"}}
          },
          "Letter": {
            "type": "object", "required": ["id", "campaign", "title", "body", "open", "signatures"],
            "properties": {"id": {"type": "string", "format": "uuid"}, "campaign": {"type": "string", "format": "uuid"}, "title": {"type": "string"},
              "body": {"type": "string"}, "open": {"type": "boolean"}, "signatures": {"type": "integer", "minimum": 0}}
          },
          "CampaignsPage": {
            "type": "object", "required": ["campaigns", "typed", "refused"],
            "properties": {"campaigns": {"type": "array", "items": {"$ref": "#/components/schemas/Campaign"}}, "typed": {"type": "object"}, "refused": {"type": "boolean"}}
          },
          "CampaignPage": {
            "type": "object", "required": ["campaign", "steps", "decisionMakers", "letters", "typed"],
            "properties": {
              "campaign": {"$ref": "#/components/schemas/Campaign"},
              "steps": {"type": "array", "items": {"type": "object", "required": ["kind", "onDay"], "properties": {
                "kind": {"type": "string", "enum": ["public_forum", "testimony", "meeting", "media", "vote"]}, "onDay": {"type": "string", "format": "date"}, "note": {"type": "string"}}}},
              "decisionMakers": {"type": "array", "items": {"type": "object", "required": ["name", "office"], "properties": {
                "name": {"type": "string"}, "office": {"type": "string"}, "publicContact": {"type": "string"}}}},
              "letters": {"type": "array", "items": {"$ref": "#/components/schemas/Letter"}},
              "refused": {"type": "string"}, "typed": {"type": "object"}
            }
          },
          "LetterPage": {
            "type": "object", "required": ["letter", "signers", "typed", "checkEmail"],
            "properties": {
              "letter": {"$ref": "#/components/schemas/Letter"},
              "signers": {"type": "array", "items": {"type": "object", "required": ["organization", "type", "city"], "properties": {
                "organization": {"type": "string"}, "type": {"type": "string", "enum": ["community", "faith", "labor", "legal", "business", "school", "health", "other"]},
                "city": {"type": "string"}, "confirmedAt": {"type": "string", "format": "date-time"}}}},
              "typed": {"type": "object"}, "problem": {"type": "string"}, "checkEmail": {"type": "boolean"}
            }
          },
          "StoriesPage": {
            "type": "object", "required": ["stories"],
            "properties": {"stories": {"type": "array", "items": {"type": "object", "required": ["text", "facts"], "properties": {
              "text": {"type": "string"}, "name": {"type": "string"},
              "facts": {"type": "object", "required": ["state", "agencies"], "properties": {
                "state": {"type": "string"}, "county": {"type": "string"}, "happenedIn": {"type": "string"},
                "agencies": {"type": "array", "items": {"type": "string", "enum": ["police", "sheriff", "jail", "ice", "court", "other"]}},
                "outcome": {"type": "string", "enum": ["released", "detained", "deported", "still_waiting", "other"]}}}}}}}
          },
          "USState": {
            "type": "object", "required": ["code", "fips", "name"],
            "properties": {"code": {"type": "string"}, "fips": {"type": "string"}, "name": {"type": "string"}}
          },
          "AgreementCounts": {
            "type": "object", "description": "Agreements in force by 287(g) model",
            "required": ["jail_enforcement", "task_force", "warrant_service_officer"],
            "properties": {"jail_enforcement": {"type": "integer"}, "task_force": {"type": "integer"}, "warrant_service_officer": {"type": "integer"}}
          },
          "PlaceStatesPage": {
            "type": "object", "required": ["states"],
            "properties": {"states": {"type": "array", "items": {"type": "object", "required": ["state", "agreements"],
              "properties": {"state": {"$ref": "#/components/schemas/USState"}, "agreements": {"$ref": "#/components/schemas/AgreementCounts"}}}}}
          },
          "Place": {
            "type": "object", "required": ["id", "kind", "name", "stateCode", "slug", "nameKey"],
            "properties": {
              "id": {"type": "string", "format": "uuid"}, "kind": {"type": "string", "enum": ["state", "county"]}, "name": {"type": "string"},
              "stateCode": {"type": "string"}, "fips": {"type": "string"}, "slug": {"type": "string"}, "nameKey": {"type": "string"}
            }
          },
          "Agreement": {
            "type": "object", "required": ["state", "agency", "model", "list", "status"],
            "properties": {
              "state": {"type": "string"}, "agency": {"type": "string"},
              "agencyKind": {"type": "string", "enum": ["county", "municipality", "state_agency", "other"]}, "county": {"type": "string"},
              "model": {"type": "string", "enum": ["jail_enforcement", "task_force", "warrant_service_officer"]},
              "list": {"type": "string", "enum": ["participating", "pending"]}, "status": {"type": "string", "enum": ["active", "pending", "ended"]},
              "signedOn": {"type": "string"}, "moaLink": {"type": "string"}, "listedSince": {"type": "string", "format": "date-time"}
            }
          },
          "Policy": {
            "type": "object", "required": ["kind", "position", "instrument", "effectiveOn"],
            "properties": {
              "kind": {"type": "string"}, "position": {"type": "string"}, "instrument": {"type": "string"},
              "effectiveOn": {"type": "string", "format": "date"}, "criteria": {"type": "string"}, "documentURL": {"type": "string"}
            }
          },
          "PlaceStatePage": {
            "type": "object", "required": ["state", "place", "policies", "agreements", "counties", "mayRecordPolicy"],
            "properties": {
              "state": {"$ref": "#/components/schemas/USState"}, "place": {"$ref": "#/components/schemas/Place"},
              "policies": {"type": "array", "items": {"$ref": "#/components/schemas/Policy"}},
              "agreements": {"type": "array", "items": {"$ref": "#/components/schemas/Agreement"}},
              "counties": {"type": "array", "items": {"type": "object", "required": ["name", "slug"], "properties": {"name": {"type": "string"}, "slug": {"type": "string"}, "fips": {"type": "string"}}}},
              "mayRecordPolicy": {"type": "boolean"}, "problem": {"type": "string", "enum": ["policyRefused"]}
            }
          },
          "PlaceCountyPage": {
            "type": "object", "required": ["state", "county", "governing", "policies", "statePolicies", "agreements", "campaigns", "facilities", "mayRecordPolicy"],
            "properties": {
              "state": {"$ref": "#/components/schemas/USState"}, "county": {"$ref": "#/components/schemas/Place"},
              "governing": {"type": "array", "items": {"type": "object", "required": ["kind", "position", "source"],
                "properties": {"kind": {"type": "string"}, "position": {"type": "string"}, "source": {"type": "string", "enum": ["county", "state"]}}}},
              "policies": {"type": "array", "items": {"$ref": "#/components/schemas/Policy"}},
              "statePolicies": {"type": "array", "items": {"$ref": "#/components/schemas/Policy"}},
              "agreements": {"type": "array", "items": {"$ref": "#/components/schemas/Agreement"}},
              "campaigns": {"type": "array", "items": {"type": "object", "required": ["id", "title", "goal", "status", "openLetters"],
                "properties": {"id": {"type": "string", "format": "uuid"}, "title": {"type": "string"}, "goal": {"type": "string"}, "status": {"type": "string"},
                  "openLetters": {"type": "array", "items": {"type": "object", "required": ["id", "title"], "properties": {"id": {"type": "string", "format": "uuid"}, "title": {"type": "string"}}}}}}},
              "facilities": {"type": "array", "items": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "city": {"type": "string"}}}},
              "mayRecordPolicy": {"type": "boolean"}, "problem": {"type": "string", "enum": ["policyRefused"]}
            }
          },
          "AgreementImport": {
            "type": "object", "required": ["id", "list", "fileName", "importedAt", "rows", "added", "removed", "unchanged"],
            "properties": {
              "id": {"type": "string", "format": "uuid"}, "list": {"type": "string", "enum": ["participating", "pending"]}, "fileName": {"type": "string"},
              "importedAt": {"type": "string", "format": "date-time"}, "rows": {"type": "integer"}, "added": {"type": "integer"},
              "removed": {"type": "integer"}, "unchanged": {"type": "integer"}
            }
          },
          "PlaceImportsPage": {
            "type": "object", "required": ["imports"],
            "properties": {"imports": {"type": "array", "items": {"$ref": "#/components/schemas/AgreementImport"}}, "message": {"type": "object"}}
          },
          "ChangedAgreement": {
            "type": "object", "required": ["agency", "state", "model"],
            "properties": {"agency": {"type": "string"}, "state": {"type": "string"}, "model": {"type": "string", "enum": ["jail_enforcement", "task_force", "warrant_service_officer"]}}
          },
          "PlaceImportPage": {
            "type": "object", "required": ["snapshot", "added", "removed", "warnings"],
            "properties": {
              "snapshot": {"$ref": "#/components/schemas/AgreementImport"},
              "added": {"type": "array", "items": {"$ref": "#/components/schemas/ChangedAgreement"}},
              "removed": {"type": "array", "items": {"$ref": "#/components/schemas/ChangedAgreement"}},
              "warnings": {"type": "array", "items": {"type": "object", "required": ["row", "column", "value", "reason"],
                "properties": {"row": {"type": "integer"}, "column": {"type": "string"}, "value": {"type": "string"}, "reason": {"type": "string"}}}}
            }
          },
          "Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["status", "message"], "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}
          }
        }
      }
    }
    """#
}
