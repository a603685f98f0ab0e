import Foundation

/// One operation of the JSON API, declared where its route is registered: the OpenAPI document is
/// built from these and the types they answer with, and a test checks them against the router.
public struct APIOperation: Sendable {
    public enum Access: Sendable {
        /// Anyone, without a token.
        case open
        /// A personal API token whose role allows it.
        case token
    }

    public struct Parameter: Sendable {
        public enum Location: String, Sendable { case path, query, header }
        public let name: String
        public let location: Location
        public let description: String?
        public let schema: JSONSchema

        public init(_ name: String, in location: Location, description: String? = nil, schema: JSONSchema) {
            self.name = name
            self.location = location
            self.description = description
            self.schema = schema
        }

        /// A path parameter naming a record by its UUID.
        public static func id(_ name: String) -> Parameter { Parameter(name, in: .path, schema: .type("string", format: "uuid")) }
    }

    /// What a successful answer carries: a named schema, read from a type or stated.
    public struct Body: Sendable {
        public let name: String
        public let schema: @Sendable () throws -> JSONSchema
        public let isArray: Bool

        public static func of<T: Decodable>(_ type: T.Type, named name: String? = nil) -> Body {
            Body(name: name ?? String(describing: T.self), schema: { try SchemaInference.schema(of: T.self) }, isArray: false)
        }

        public static func arrayOf<T: Decodable>(_ type: T.Type, named name: String? = nil) -> Body {
            Body(name: name ?? String(describing: T.self), schema: { try SchemaInference.schema(of: T.self) }, isArray: true)
        }

        public static func stated(_ name: String, _ schema: JSONSchema) -> Body {
            Body(name: name, schema: { schema }, isArray: false)
        }
    }

    public let method: String
    /// As OpenAPI writes it: "/api/v1/records/{requestID}".
    public let path: String
    public let id: String
    public let summary: String
    public let access: Access
    /// Public resources carry an ETag and answer If-None-Match with 304.
    public let cacheable: Bool
    public let parameters: [Parameter]
    public let response: Body
    public let status: Int
    /// Problem answers beyond those the access and parameters imply.
    public let problems: [Int]
    public let requestBody: JSONSchema?
    public let extra: [String: JSONValue]

    public init(_ method: String, _ path: String, id: String, summary: String, access: Access, cacheable: Bool = false,
                parameters: [Parameter] = [], response: Body, status: Int = 200, problems: [Int] = [], requestBody: JSONSchema? = nil,
                extra: [String: JSONValue] = [:]) {
        self.method = method
        self.path = path
        self.id = id
        self.summary = summary
        self.access = access
        self.cacheable = cacheable
        self.parameters = parameters
        self.response = response
        self.status = status
        self.problems = problems
        self.requestBody = requestBody
        self.extra = extra
    }

    public static func get(_ path: String, id: String, summary: String, access: Access, cacheable: Bool = false, parameters: [Parameter] = [],
                           response: Body, problems: [Int] = []) -> APIOperation {
        APIOperation("get", path, id: id, summary: summary, access: access, cacheable: cacheable, parameters: parameters, response: response, problems: problems)
    }

    /// The path's parameters in the router's form: "/api/v1/records/:requestID".
    public var routerPath: String {
        path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
    }
}

/// The OpenAPI 3.1 document of a list of operations.
public enum OpenAPIBuilder {
    public static func document(title: String, version: String, description: String, operations: [APIOperation]) throws -> Data {
        var paths: [String: [String: JSONValue]] = [:]
        var schemas: [String: JSONValue] = [
            "Error": .object(["type": "object", "required": ["error"], "properties": .object([
                "error": .object(["type": "object", "required": ["status", "message"],
                                  "properties": .object(["status": .object(["type": "integer"]), "message": .object(["type": "string"])])]),
            ])]),
        ]
        for operation in operations {
            schemas[operation.response.name] = .object(try operation.response.schema().json)
            paths[operation.path, default: [:]][operation.method] = .object(describe(operation))
        }
        let document: JSONValue = .object([
            "openapi": "3.1.0",
            "info": .object(["title": .string(title), "version": .string(version), "description": .string(description)]),
            "servers": .array([.object(["url": "/"])]),
            "security": .array([.object(["bearerAuth": .array([])])]),
            "paths": .object(paths.mapValues(JSONValue.object)),
            "components": .object([
                "securitySchemes": .object(["bearerAuth": .object(["type": "http", "scheme": "bearer"])]),
                "headers": .object(["ETag": .object(["description": "The resource's version, for If-None-Match", "schema": .object(["type": "string"])])]),
                "responses": .object([
                    "Unauthorized": problem("No valid API token"),
                    "Forbidden": problem("The token's role may not do this"),
                    "Problem": problem("The request cannot be done as sent; the message says why"),
                ]),
                "schemas": .object(schemas),
            ]),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    private static func problem(_ description: String) -> JSONValue {
        .object(["description": .string(description), "content": .object(["application/json": .object(["schema": .object(["$ref": "#/components/schemas/Error"])])])])
    }

    private static func describe(_ operation: APIOperation) -> [String: JSONValue] {
        var parameters = operation.parameters.map { parameter -> JSONValue in
            var json: [String: JSONValue] = ["name": .string(parameter.name), "in": .string(parameter.location.rawValue),
                                             "required": .bool(parameter.location == .path), "schema": .object(parameter.schema.json)]
            if let description = parameter.description { json["description"] = .string(description) }
            return .object(json)
        }
        if operation.cacheable {
            parameters.append(.object(["name": "If-None-Match", "in": "header", "required": false,
                                       "description": "An ETag from an earlier answer: 304 if nothing changed", "schema": .object(["type": "string"])]))
        }
        let reference: JSONValue = .object(["$ref": .string("#/components/schemas/\(operation.response.name)")])
        var success: [String: JSONValue] = [
            "description": .string(operation.summary),
            "content": .object(["application/json": .object(["schema": operation.response.isArray ? .object(["type": "array", "items": reference]) : reference])]),
        ]
        if operation.cacheable { success["headers"] = .object(["ETag": .object(["$ref": "#/components/headers/ETag"])]) }
        var responses: [String: JSONValue] = [String(operation.status): .object(success.merging(operation.extra) { $1 })]
        if operation.cacheable { responses["304"] = .object(["description": "Unchanged since the ETag sent in If-None-Match"]) }
        var problems = Set(operation.problems)
        if operation.access == .token {
            responses["401"] = .object(["$ref": "#/components/responses/Unauthorized"])
            responses["403"] = .object(["$ref": "#/components/responses/Forbidden"])
        }
        if operation.parameters.contains(where: { $0.location == .path }) { problems.insert(404) }
        if operation.parameters.contains(where: { $0.location == .path && $0.schema.json["format"] == "uuid" }) { problems.insert(400) }
        for status in problems { responses[String(status)] = .object(["$ref": "#/components/responses/Problem"]) }
        var json: [String: JSONValue] = ["operationId": .string(operation.id), "summary": .string(operation.summary), "responses": .object(responses)]
        if !parameters.isEmpty { json["parameters"] = .array(parameters) }
        if operation.access == .open { json["security"] = .array([]) }
        if let body = operation.requestBody {
            json["requestBody"] = .object(["required": true, "content": .object(["application/json": .object(["schema": .object(body.json)])])])
        }
        return json
    }
}
