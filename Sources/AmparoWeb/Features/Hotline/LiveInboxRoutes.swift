import AmparoDomain
import AmparoWebKit
import Vapor

/// /hotline/events: Server-Sent Events for the inbox and report pages of members who work the
/// hotline. A frame says only that reports arrived or which one changed; the page then fetches
/// itself again, through the same permission check and audit as a reload. A stream ends after
/// `liveStreamLifetime` (five minutes) and the browser reconnects, so a signed-out or disabled
/// member stops hearing within that time.
struct LiveInboxRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("hotline", "events", use: events).policy(.member(.workHotline))
    }

    static let ping: TimeInterval = 15

    func events(req: Request) async throws -> Response {
        guard let subscription = req.amparo.liveEvents.listen(ping: Self.ping, lifetime: req.amparo.config.liveStreamLifetime) else {
            throw Abort(.serviceUnavailable, reason: "Too many pages are listening for reports right now. Reload the page to see new ones.")
        }
        let response = Response(status: .ok)
        response.headers.contentType = HTTPMediaType(type: "text", subType: "event-stream", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        // Tells nginx not to hold the stream back.
        response.headers.replaceOrAdd(name: "X-Accel-Buffering", value: "no")
        response.body = Response.Body(asyncStream: { writer in
            do {
                try await writer.writeBuffer(ByteBuffer(string: "retry: 3000\n\n"))
                for await event in subscription.events { try await writer.writeBuffer(ByteBuffer(string: event.frame)) }
                try await writer.write(.end)
            } catch {
                // The browser went away: stop listening, and end the body as Vapor requires.
                subscription.end()
                try? await writer.write(.error(error))
            }
        })
        return response
    }
}
