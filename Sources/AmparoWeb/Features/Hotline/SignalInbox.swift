import AmparoDomain
import AsyncHTTPClient
import Fluent
import Foundation
import NIOCore
import Vapor

/// Texts to the group's Signal number. signal-cli-rest-api (normal and native modes) keeps them until
/// they are fetched with GET /v1/receive/{number}; each text goes to `TextIntake`, and its answer
/// (the reference code, HELP, STOP) back through /v2/send.
struct SignalInbox: Sendable {
    let services: AmparoServices
    let database: @Sendable () -> any Database
    let client: HTTPClient
    let baseURL: String
    let number: String
    let sender: any ChannelSender

    /// One item of the receive endpoint's answer; only what intake needs.
    struct Received: Decodable {
        struct Envelope: Decodable {
            struct DataMessage: Decodable { let message: String? }
            let sourceNumber: String?
            let sourceUuid: String?
            let timestamp: Int64?
            let dataMessage: DataMessage?
        }
        let envelope: Envelope
    }

    /// Fetches what is waiting and files it; answers how many texts it handled.
    @discardableResult
    func pollOnce() async throws -> Int {
        let encoded = number.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? number
        var request = HTTPClientRequest(url: "\(baseURL)/v1/receive/\(encoded)")
        request.method = .GET
        let response = try await client.execute(request, timeout: .seconds(30), logger: HTTPDelivery.quiet)
        let body = try await response.body.collect(upTo: 8 << 20)
        guard response.status == .ok else { throw DeliveryError.temporary("Signal receive answered \(response.status.code)") }
        let items = try JSONDecoder().decode([Received].self, from: Data(buffer: body))
        let intake = TextIntake(services: services, db: database())
        var handled = 0
        for item in items {
            let envelope = item.envelope
            // A sender who hides their number is known by their Signal account id; replies reach it too.
            guard let text = envelope.dataMessage?.message,
                  let from = envelope.sourceNumber.flatMap(AlertChannel.signal.normalize) ?? envelope.sourceUuid else { continue }
            handled += 1
            guard let answer = try await intake.receive(from: from, body: text, channel: .signal) else { continue }
            let key = "amparo-signal-answer-\(envelope.timestamp ?? 0)-\(SecretDigest.of(from).prefix(16))"
            try? await sender.send(OutgoingMessage(to: from, subject: "", body: answer, idempotencyKey: key))
        }
        return handled
    }
}
