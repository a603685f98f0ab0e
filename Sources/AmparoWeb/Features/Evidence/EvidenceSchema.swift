import AmparoWebKit

extension EvidenceResource {
    /// Stated, not inferred: the figures' encoding withholds counts under 5 as null and keys its
    /// tallies by ICE's own labels, which a Decodable reading cannot see.
    static var jsonSchema: JSONSchema {
        JSONSchema([
            "type": "object",
            "required": ["place", "from", "to", "figures", "sources", "whatIf"],
            "properties": [
                "place": ["type": "string"],
                "from": ["type": "string"],
                "to": ["type": "string"],
                "figures": [
                    "type": "object",
                    "required": ["lodged", "withoutConviction", "criminality", "threatLevels", "outcomes", "months", "charges", "bookedWithoutConviction"],
                    "properties": [
                        "lodged": ["type": ["integer", "null"]],
                        "withoutConviction": ["type": ["integer", "null"]],
                        "withoutConvictionShare": ["type": ["number", "null"]],
                        "criminality": ["type": "object", "additionalProperties": ["type": ["integer", "null"]]],
                        "threatLevels": ["type": "object", "additionalProperties": ["type": ["integer", "null"]]],
                        "outcomes": ["type": "object", "additionalProperties": ["type": ["integer", "null"]]],
                        "months": ["type": "object", "additionalProperties": ["type": ["integer", "null"]]],
                        "charges": ["type": "object", "additionalProperties": ["type": ["integer", "null"]]],
                        "bookedWithoutConviction": ["type": ["integer", "null"]],
                    ],
                ],
                "sources": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "required": ["importID", "fileName", "fileDigest", "rowsCounted", "rowsInFile", "rowsRejected", "importedAt"],
                        "properties": [
                            "importID": ["type": "string", "format": "uuid"],
                            "fileName": ["type": "string"],
                            "fileDigest": ["type": "string"],
                            "release": ["type": "string"],
                            "rowsCounted": ["type": "integer"],
                            "rowsInFile": ["type": "integer"],
                            "rowsRejected": ["type": "integer"],
                            "importedAt": ["type": "string", "format": "date-time"],
                        ],
                    ],
                ],
                "whatIf": ["type": "object", "additionalProperties": ["type": ["integer", "null"]]],
            ],
        ])
    }
}
