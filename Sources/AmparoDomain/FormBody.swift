/// Parses an `application/x-www-form-urlencoded` body once, quickly. Vapor's Codable decoder costs
/// more than everything else the report page does; the hotline must take a flood of reports.
public enum FormBody {
    /// Field name to values, in order. Malformed percent escapes are kept as typed, as browsers do;
    /// invalid UTF-8 becomes U+FFFD. Names and values are limited only by the body size limit.
    public static func parse<C: Collection>(_ body: C) -> [String: [String]] where C.Element == UInt8 {
        var fields: [String: [String]] = [:]
        var name: [UInt8] = [], value: [UInt8] = []
        var inValue = false
        func flush() {
            if !name.isEmpty || inValue {
                fields[decode(name), default: []].append(decode(value))
            }
            name.removeAll(keepingCapacity: true)
            value.removeAll(keepingCapacity: true)
            inValue = false
        }
        for byte in body {
            switch byte {
            case UInt8(ascii: "&"): flush()
            case UInt8(ascii: "=") where !inValue: inValue = true
            default: if inValue { value.append(byte) } else { name.append(byte) }
            }
        }
        flush()
        return fields
    }

    static func decode(_ raw: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let byte = raw[i]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), i + 2 < raw.count, let high = hex(raw[i + 1]), let low = hex(raw[i + 2]) {
                out.append(high << 4 | low)
                i += 2
            } else {
                out.append(byte)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
