/// How the connection to the mail server is protected.
public enum SMTPSecurity: String, CaseIterable, Codable, Sendable {
    /// A plain connection upgraded with STARTTLS before anything else is said (port 587).
    case starttls
    /// TLS from the first byte (port 465).
    case tls
    /// No encryption: only for a relay on the same machine or network (Postfix on port 25).
    case none

    /// What a port usually means, when nobody said.
    public static func usual(forPort port: Int) -> SMTPSecurity {
        switch port {
        case 465: .tls
        case 587: .starttls
        default: .none
        }
    }
}
