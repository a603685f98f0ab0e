import AmparoDomain
import AmparoPersistence
import AmparoWebKit
import Fluent
import Vapor

/// What every Twilio webhook does first: prove the request came from Twilio.
enum TwilioWebhook {
    /// The form fields, once the X-Twilio-Signature over the public URL and those fields checks out.
    static func verifiedFields(_ req: Request) throws -> [String: String] {
        let config = req.amparo.config
        guard let authToken = req.amparo.delivery.channels.config.twilioAuthToken else {
            // Nothing can prove it came from Twilio: refuse, as for a bad signature.
            throw Abort(.forbidden, reason: "Twilio is not set up on this server (Settings, or AMPARO_TWILIO_TOKEN).")
        }
        let fields = req.formValues
        let url = config.baseURL + req.url.string
        guard TwilioSignature.isValid(req.headers.first(name: "X-Twilio-Signature"), authToken: authToken, url: url, parameters: fields) else {
            throw Abort(.forbidden, reason: "The X-Twilio-Signature does not match this request.")
        }
        return fields
    }

    static func isBanned(_ numberIndex: String, on db: any Database) async throws -> Bool {
        try await BannedNumberModel.query(on: db).filter(\.$numberIndex == numberIndex).count() > 0
    }
}

/// Twilio Markup Language answers.
enum TwiML {
    static var empty: Response { response("<Response/>") }

    static func xml(_ body: String) -> Response { response("<Response>\(body)</Response>") }

    static func message(_ text: String) -> Response {
        response("<Response><Message>\(HTML.escape(text))</Message></Response>")
    }

    static func say(_ text: String, _ language: Language) -> String {
        "<Say language=\"\(language == .es ? "es-MX" : "en-US")\">\(HTML.escape(text))</Say>"
    }

    private static func response(_ body: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .xml
        return Response(status: .ok, headers: headers, body: .init(string: #"<?xml version="1.0" encoding="UTF-8"?>"# + body))
    }
}
