/// Removes what a photo says about the phone and the place it was taken: EXIF (GPS position, camera
/// serial, time), XMP, IPTC, ICC profiles, comments and PNG text chunks. The pixels are kept byte
/// for byte; nothing is decoded or re-encoded. A file that is not a well-formed JPEG or PNG is
/// refused rather than passed through.
///
/// A side effect worth knowing: EXIF also carries the orientation, so a phone photo taken upright may
/// show on its side.
public enum PhotoCleaner {
    public enum Kind: String, Sendable { case jpeg = "image/jpeg", png = "image/png" }

    public enum Problem: Error, Equatable, Sendable { case notAPhoto, malformed, tooLarge }

    public static let maxBytes = 10 * 1024 * 1024

    public static func clean(_ bytes: [UInt8]) -> Result<(kind: Kind, bytes: [UInt8]), Problem> {
        guard bytes.count <= maxBytes else { return .failure(.tooLarge) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg(bytes).map { (.jpeg, $0) } }
        if bytes.starts(with: pngSignature) { return png(bytes).map { (.png, $0) } }
        return .failure(.notAPhoto)
    }

    // MARK: JPEG

    /// Segments kept: frame and scan headers, tables, restart interval, JFIF (APP0) and Adobe
    /// (APP14, needed to decode CMYK). Every other APPn and COM is dropped.
    static func jpeg(_ b: [UInt8]) -> Result<[UInt8], Problem> {
        var out: [UInt8] = [0xFF, 0xD8]
        out.reserveCapacity(b.count)
        var i = 2
        while i < b.count {
            guard i + 1 < b.count, b[i] == 0xFF else { return .failure(.malformed) }
            var marker = b[i + 1]
            // Fill bytes (0xFF 0xFF ...) may pad between segments.
            while marker == 0xFF, i + 2 < b.count { i += 1; marker = b[i + 1] }
            if marker == 0xD9 { out += [0xFF, 0xD9]; return .success(out) }  // EOI
            if (0xD0...0xD7).contains(marker) || marker == 0x01 {  // standalone markers
                out += [0xFF, marker]; i += 2; continue
            }
            guard i + 3 < b.count else { return .failure(.malformed) }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { return .failure(.malformed) }
            let end = i + 2 + length
            let keep = !(0xE0...0xEF).contains(marker) && marker != 0xFE || marker == 0xE0 || marker == 0xEE
            if keep { out += b[i..<end] }
            i = end
            if marker == 0xDA {
                // Entropy-coded data runs to the next marker that is not a stuffed 0x00 or a restart.
                var j = i
                while j + 1 < b.count {
                    if b[j] == 0xFF, b[j + 1] != 0x00, !(0xD0...0xD7).contains(b[j + 1]), b[j + 1] != 0xFF { break }
                    j += 1
                }
                guard j + 1 < b.count else { return .failure(.malformed) }
                out += b[i..<j]
                i = j
            }
        }
        return .failure(.malformed)  // no EOI
    }

    // MARK: PNG

    public static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Chunks kept: the image itself and what it needs to show its colours right. Text (tEXt, zTXt,
    /// iTXt), eXIf, tIME, iCCP and every private chunk are dropped.
    static let pngKept: Set<String> = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD", "pHYs", "acTL", "fcTL", "fdAT"]

    static func png(_ b: [UInt8]) -> Result<[UInt8], Problem> {
        var out = pngSignature
        out.reserveCapacity(b.count)
        var i = pngSignature.count
        var sawHeader = false
        while i + 12 <= b.count {
            let length = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 0, length <= b.count, i + 12 + length <= b.count else { return .failure(.malformed) }
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            guard type.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else { return .failure(.malformed) }
            if !sawHeader && type != "IHDR" { return .failure(.malformed) }
            sawHeader = true
            let end = i + 12 + length
            if pngKept.contains(type) { out += b[i..<end] }
            if type == "IEND" { return .success(out) }
            i = end
        }
        return .failure(.malformed)
    }
}
