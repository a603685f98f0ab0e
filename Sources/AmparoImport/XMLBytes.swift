import Foundation

/// Small, fast helpers over the bytes of spreadsheet XML: finding tags, reading attributes,
/// decoding text with its entities. Spreadsheet XML is machine-written and regular, so a scanner
/// is enough, and it is many times faster than a general XML parser.
enum XMLBytes {
    /// The index of `needle` in `bytes[from..<to]`, if any. `anchor` is the needle's byte that
    /// memchr looks for: XML is full of "<", so the rarer byte of a tag ("w" of "</row>") skips
    /// straight to the candidates.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, anchor: Int = 0) -> Int? {
        guard to - from >= needle.count, let base = bytes.baseAddress else { return nil }
        let key = needle[anchor]
        var index = from + anchor
        let last = to - needle.count + anchor
        while index <= last {
            guard let hit = memchr(base + index, Int32(key), last - index + 1) else { return nil }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
            var matched = true
            for offset in 0..<needle.count where offset != anchor && bytes[position + offset] != needle[offset] {
                matched = false
                break
            }
            if matched { return position }
            index = position + anchor + 1
        }
        return nil
    }

    /// The value of attribute `name` inside a start tag spanning `bytes[from..<to]`.
    static func attribute(_ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Range<Int>? {
        var index = from
        while let hit = find(name, in: bytes, from: index, to: to) {
            let before = bytes[hit - 1]
            let after = hit + name.count
            if (before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D), after + 1 < to, bytes[after] == 0x3D {
                let quote = bytes[after + 1]
                guard quote == 0x22 || quote == 0x27 else { return nil }
                var end = after + 2
                while end < to && bytes[end] != quote { end += 1 }
                return (after + 2)..<end
            }
            index = hit + 1
        }
        return nil
    }

    /// Text between tags, entities decoded (`&amp;`, `&#233;`, `&#xE9;`…).
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard slice.contains(0x26) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var index = 0
        while index < slice.count {
            let byte = slice[index]
            guard byte == 0x26, let semicolon = (index + 1..<min(slice.count, index + 12)).first(where: { slice[$0] == 0x3B }) else {
                out.append(byte)
                index += 1
                continue
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: slice[(index + 1)..<semicolon]), as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init) }
            }
            if let scalar {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                index = semicolon + 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// "AB12" → 27 (zero-based column of a cell reference), nil without letters.
    static func column(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var column = 0
        var letters = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= 0x41 && byte <= 0x5A else { break }
            column = column * 26 + Int(byte - 0x40)
            letters += 1
        }
        return letters == 0 ? nil : column - 1
    }

    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        guard !range.isEmpty else { return nil }
        for index in range {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
