/// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. schemathesis checks the
/// running server against it in CI.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Amparo API",
        "version": "1.0.0",
        "description": "Personal API tokens act with their owner's role. Create one on your account page and send it as Authorization: Bearer <token>."
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
        }
      },
      "components": {
        "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
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
          "Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["status", "message"], "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}
          }
        }
      }
    }
    """#
}
