import AmparoDomain
import Vapor

/// An error whose message comes from the catalog, shown to the person in their language.
public struct UserFacingError: AbortError {
    public let status: HTTPResponseStatus
    public let text: Text
    public var headers: HTTPHeaders
    public var reason: String { text.in(.en) }

    public init(status: HTTPResponseStatus, text: Text, headers: HTTPHeaders = [:]) {
        self.status = status
        self.text = text
        self.headers = headers
    }
}
