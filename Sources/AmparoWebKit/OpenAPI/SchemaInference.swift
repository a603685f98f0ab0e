import AmparoDomain
import Foundation

/// A JSON Schema (2020-12, as OpenAPI 3.1 uses it), kept as the plain JSON object it is written as.
public struct JSONSchema: Sendable, Equatable {
    public var json: [String: JSONValue]

    public init(_ json: [String: JSONValue]) { self.json = json }

    public static let any = JSONSchema([:])
    public static func type(_ name: String, format: String? = nil) -> JSONSchema {
        var json: [String: JSONValue] = ["type": .string(name)]
        if let format { json["format"] = .string(format) }
        return JSONSchema(json)
    }

    public static func strings(_ values: [String]) -> JSONSchema {
        JSONSchema(["type": "string", "enum": .array(values.map(JSONValue.string))])
    }

    public static func array(of items: JSONSchema) -> JSONSchema { JSONSchema(["type": "array", "items": .object(items.json)]) }

    public static func ref(_ name: String) -> JSONSchema { JSONSchema(["$ref": .string("#/components/schemas/\(name)")]) }

    /// The same schema, null allowed too.
    public var orNull: JSONSchema {
        if case .string(let type)? = json["type"] {
            var copy = json
            copy["type"] = .array([.string(type), "null"])
            if case .array(let values)? = json["enum"] { copy["enum"] = .array(values + [.null]) }
            return JSONSchema(copy)
        }
        return json.isEmpty ? self : JSONSchema(["anyOf": .array([.object(json), .object(["type": "null"])])])
    }
}

/// A JSON value, to build documents with sorted keys and no `Any`.
public indirect enum JSONValue: Sendable, Equatable, Encodable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(Dictionary(elements) { $1 }) }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let values): try container.encode(values)
        case .null: try container.encodeNil()
        }
    }
}

/// A type whose JSON form the inference cannot see from its `Decodable` conformance (a custom
/// format, a description to add): it states its schema and gives a value to go on with.
public protocol SchemaDescribed {
    static var jsonSchema: JSONSchema { get }
    static var schemaSample: Self { get }
}

extension UUID: SchemaDescribed {
    public static var jsonSchema: JSONSchema { .type("string", format: "uuid") }
    public static var schemaSample: UUID { UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 0)) }
}

extension Date: SchemaDescribed {
    public static var jsonSchema: JSONSchema { .type("string", format: "date-time") }
    public static var schemaSample: Date { Date(timeIntervalSince1970: 0) }
}

extension Day: SchemaDescribed {
    public static var jsonSchema: JSONSchema { .type("string", format: "date") }
    public static var schemaSample: Day { Day(2026, 1, 1) }
}

extension TypedID: SchemaDescribed {
    public static var jsonSchema: JSONSchema { .type("string", format: "uuid") }
    public static var schemaSample: TypedID { TypedID(UUID.schemaSample) }
}

/// A dictionary with string keys: an object whose keys the type does not name.
protocol StringKeyedDictionary { init() }
extension Dictionary: StringKeyedDictionary where Key == String {}

/// Reads a `Decodable` type's JSON Schema by decoding it from nothing: every key it asks for
/// becomes a property (required unless asked with `decodeIfPresent`), every value it asks for a
/// type. So the OpenAPI document says what the same `Codable` types write, never a copy of them.
public enum SchemaInference {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func schema<T: Decodable>(of type: T.Type) throws -> JSONSchema {
        let recorder = Recorder()
        _ = try decodeValue(T.self, recorder: recorder)
        return recorder.schema
    }

    /// Decodes one value of `T`, recording its schema into `recorder`.
    static func decodeValue<T: Decodable>(_ type: T.Type, recorder: Recorder) throws -> T {
        if let described = T.self as? any SchemaDescribed.Type {
            recorder.schema = described.jsonSchema
            return sample(described) as! T
        }
        if let cases = T.self as? any CaseIterable.Type, let (values, first) = enumCases(cases) {
            recorder.schema = values.allSatisfy({ $0 is String }) ? .strings(values.compactMap { $0 as? String })
                : JSONSchema(["type": "integer", "enum": .array(values.compactMap { ($0 as? Int).map(JSONValue.integer) })])
            return first as! T
        }
        if let dictionary = T.self as? any StringKeyedDictionary.Type {
            recorder.schema = .type("object")
            return dictionary.init() as! T
        }
        return try T(from: InferringDecoder(recorder: recorder))
    }

    private static func sample<S: SchemaDescribed>(_ type: S.Type) -> Any { S.schemaSample }

    /// The raw values of an enum's cases, and its first case.
    private static func enumCases<C: CaseIterable>(_ type: C.Type) -> ([Any], Any)? {
        let values = C.allCases.compactMap { ($0 as? any RawRepresentable).map { raw($0) } }
        guard let first = C.allCases.first, values.count == C.allCases.count, !values.isEmpty else { return nil }
        return (values, first)
    }

    private static func raw<R: RawRepresentable>(_ value: R) -> Any { value.rawValue }

    /// What one value's decoding told us.
    final class Recorder {
        var schema = JSONSchema.any
        var properties: [String: JSONSchema] = [:]
        var required: [String] = []
        var items: Recorder?

        func finishObject() {
            schema = JSONSchema(["type": "object", "properties": .object(properties.mapValues { .object($0.json) }),
                                 "required": .array(required.sorted().map(JSONValue.string))])
        }
    }

    struct InferringDecoder: Decoder {
        let recorder: Recorder
        var codingPath: [CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            recorder.finishObject()
            return KeyedDecodingContainer(Keyed<Key>(recorder: recorder))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let items = Recorder()
            recorder.items = items
            recorder.schema = .array(of: .any)
            return Unkeyed(parent: recorder, items: items)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(recorder: recorder) }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let recorder: Recorder
        var codingPath: [CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let child = Recorder()
            let value = try decodeValue(T.self, recorder: child)
            record(key, child.schema, required: true)
            return value
        }

        // The primitives' own overloads have default implementations that would bypass `optional`.
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type, key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(type, key) }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optional(type, key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try optional(type, key) }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try optional(type, key) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optional(type, key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(type, key) }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try optional(type, key) }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try optional(type, key) }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try optional(type, key) }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optional(type, key) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optional(type, key) }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(type, key) }

        private func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
            let child = Recorder()
            // A type the inference cannot decode from nothing (an enum with payloads) is any value.
            let value = try? decodeValue(T.self, recorder: child)
            record(key, (value == nil ? .any : child.schema).orNull, required: false)
            return value
        }

        private func record(_ key: Key, _ schema: JSONSchema, required: Bool) {
            recorder.properties[key.stringValue] = schema
            if required { recorder.required.append(key.stringValue) }
            recorder.finishObject()
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw Failure(description: "nested containers are not described")
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw Failure(description: "nested containers are not described")
        }

        func superDecoder() throws -> any Decoder { InferringDecoder(recorder: recorder) }
        func superDecoder(forKey key: Key) throws -> any Decoder { InferringDecoder(recorder: recorder) }
    }

    final class Unkeyed: UnkeyedDecodingContainer {
        let parent: Recorder
        let items: Recorder
        var codingPath: [CodingKey] { [] }
        var count: Int? { 1 }
        var isAtEnd: Bool { currentIndex > 0 }
        var currentIndex = 0

        init(parent: Recorder, items: Recorder) {
            self.parent = parent
            self.items = items
        }

        func decodeNil() throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            let value = try decodeValue(T.self, recorder: items)
            parent.schema = .array(of: items.schema)
            return value
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw Failure(description: "nested containers are not described")
        }

        func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Failure(description: "nested containers are not described") }
        func superDecoder() throws -> any Decoder { InferringDecoder(recorder: items) }
    }

    struct Single: SingleValueDecodingContainer {
        let recorder: Recorder
        var codingPath: [CodingKey] { [] }

        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) throws -> Bool { recorder.schema = .type("boolean"); return false }
        func decode(_ type: String.Type) throws -> String { recorder.schema = .type("string"); return "" }
        func decode(_ type: Double.Type) throws -> Double { recorder.schema = .type("number"); return 0 }
        func decode(_ type: Float.Type) throws -> Float { recorder.schema = .type("number"); return 0 }
        func decode(_ type: Int.Type) throws -> Int { recorder.schema = .type("integer"); return 0 }
        func decode(_ type: Int8.Type) throws -> Int8 { recorder.schema = .type("integer"); return 0 }
        func decode(_ type: Int16.Type) throws -> Int16 { recorder.schema = .type("integer"); return 0 }
        func decode(_ type: Int32.Type) throws -> Int32 { recorder.schema = .type("integer"); return 0 }
        func decode(_ type: Int64.Type) throws -> Int64 { recorder.schema = .type("integer"); return 0 }
        func decode(_ type: UInt.Type) throws -> UInt { recorder.schema = .type("integer"); return 0 }
        func decode(_ type: UInt8.Type) throws -> UInt8 { recorder.schema = .type("integer"); return 0 }
        func decode(_ type: UInt16.Type) throws -> UInt16 { recorder.schema = .type("integer"); return 0 }
        func decode(_ type: UInt32.Type) throws -> UInt32 { recorder.schema = .type("integer"); return 0 }
        func decode(_ type: UInt64.Type) throws -> UInt64 { recorder.schema = .type("integer"); return 0 }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(T.self, recorder: recorder) }
    }
}
