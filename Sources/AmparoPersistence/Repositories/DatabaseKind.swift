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

/// Pieces of the queue claims (alert outbox, notices) that both repositories write the same way.
enum QueueSQL {
    /// Row locks that other workers skip, on PostgreSQL; SQLite has one writer and needs none.
    static func skipLocked(_ db: any Database) -> SQLQueryString {
        DatabaseKind(db) == .postgres ? "FOR UPDATE SKIP LOCKED" : ""
    }

    /// `'a', 'b'` as binds, for `channel IN (...)`.
    static func list(_ values: [String]) -> SQLQueryString {
        var list: SQLQueryString = ""
        for (i, value) in values.enumerated() { list = i == 0 ? "\(bind: value)" : "\(list), \(bind: value)" }
        return list
    }
}
