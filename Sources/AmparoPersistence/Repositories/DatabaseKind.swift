import Fluent
import SQLKit

/// The two databases Amparo runs on. Code branches on this only where they really differ.
public enum DatabaseKind: String, Sendable {
    case sqlite
    case postgres

    public init(_ database: any Database) {
        let dialect = (database as? any SQLDatabase)?.dialect.name ?? "sqlite"
        self = dialect == "postgresql" ? .postgres : .sqlite
    }
}

extension Database {
    public var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            fatalError("Amparo runs on SQL databases only")  // both drivers are SQL; this cannot happen
        }
        return sql
    }
}
