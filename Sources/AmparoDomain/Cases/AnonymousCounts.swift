/// Counts that may leave the case team: how many people a step of the pipeline touched, by place
/// and month. A count under five could point at someone, so it is shown as "fewer than 5".
public enum AnonymousCount: Equatable, Sendable {
    case exact(Int)
    case fewerThan(Int)

    public static let threshold = 5

    public init(_ count: Int) { self = count < Self.threshold ? .fewerThan(Self.threshold) : .exact(count) }

    public var text: String {
        switch self {
        case .exact(let n): String(n)
        case .fewerThan(let n): "<\(n)"
        }
    }
}
