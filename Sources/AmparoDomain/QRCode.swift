// TEMPORARY STUB: replaced by the real encoder.
public struct QRCode: Sendable {
    public enum ErrorCorrection: Sendable { case low, medium, quartile, high }
    public static func encode(_ text: String, correction: ErrorCorrection = .medium) throws -> QRCode { QRCode() }
    public func svg(moduleSize: Int = 4, border: Int = 4, title: String) -> String { "<svg></svg>" }
}
