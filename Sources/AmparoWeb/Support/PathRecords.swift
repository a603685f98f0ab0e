import AmparoDomain
import AmparoWebKit
import Fluent
import Vapor

extension Request {
    /// The record a path parameter names, or a 404 that says `missing`.
    func record<M: Model>(_ type: M.Type, _ parameter: String, missing: Text) async throws -> M where M.IDValue == UUID {
        guard let id = parameters.get(parameter, as: UUID.self), let record = try await M.find(id, on: db) else {
            throw UserFacingError(status: .notFound, text: missing)
        }
        return record
    }

    /// The record a capability link in the path (`:token`) names, if it is a link made for `purpose`.
    func linkedRecord<M: Model>(_ type: M.Type, purpose: String) async throws -> M? where M.IDValue == UUID {
        guard let token = parameters.get("token"), let id = CapabilityToken.verify(purpose, token: token, key: amparo.linkKey) else { return nil }
        return try await M.find(id, on: db)
    }
}
