/// The short code a reporter gets back ("K7M2-QX9D"): easy to read aloud over the phone, with no
/// 0/O, 1/I/L or U to confuse. 30^8 ≈ 6.6 × 10^11 codes, so a guess finds nobody's report.
public enum ReferenceCode {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTVWXYZ")

    public static func make(random: any RandomSource) -> String {
        var chars: [Character] = []
        // Rejection sampling keeps every letter equally likely (256 is not a multiple of 30).
        let limit = UInt8(256 - 256 % alphabet.count)
        while chars.count < 8 {
            for byte in random.bytes(16) where byte < limit && chars.count < 8 {
                chars.append(alphabet[Int(byte) % alphabet.count])
            }
        }
        return String(chars[0..<4]) + "-" + String(chars[4..<8])
    }

    /// Accepts what a person types: lower case, spaces, a missing dash.
    public static func normalize(_ input: String) -> String? {
        let chars = input.uppercased().filter { $0 != "-" && !$0.isWhitespace }
        guard chars.count == 8, chars.allSatisfy(alphabet.contains) else { return nil }
        return String(chars.prefix(4)) + "-" + String(chars.suffix(4))
    }
}
