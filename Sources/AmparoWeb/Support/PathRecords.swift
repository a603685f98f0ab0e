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

    /// The record a path parameter names, read through a feature's store, or a 404 that says `missing`.
    func record<Entity, Record>(_ parameter: String, missing: Text, find: (TypedID<Entity>) async throws -> Record?) async throws -> Record {
        guard let id = parameters.get(parameter, as: UUID.self), let record = try await find(TypedID(id)) else {
            throw UserFacingError(status: .notFound, text: missing)
        }
        return record
    }

    /// The id a capability link in the path (`:token`) carries, if it is a link made for `purpose`.
    func linkedID(purpose: String, key: SymmetricKey) -> UUID? {
        parameters.get("token").flatMap { CapabilityToken.verify(purpose, token: $0, key: key) }
    }
}
