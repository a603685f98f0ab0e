import AmparoDomain
import AmparoPersistence
import Fluent
import Vapor

/// The anonymous counts for campaigns: people per step of the pipeline, by place and month, from
/// every case (erased ones included: what happened stays). No name, no case id; counts under five
/// are suppressed.
struct CaseCountRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("cases", "counts", use: counts).policy(.member(.viewCaseCounts))
    }

    struct Row: Content, Equatable {
        let place: String
        let month: String
        let step: String
        let people: String
    }

    func counts(req: Request) async throws -> Response {
        let year = req.query[Int.self, at: "year"] ?? Calendar(identifier: .gregorian).component(.year, from: req.amparo.clock.now())
        let rows = try await Self.rows(year: year, on: req.db)
        try await req.audit("case.counts", recordType: "case", recordID: "\(year)")
        if req.query[String.self, at: "format"] == "json" {
            let response = Response(status: .ok)
            try response.content.encode(rows, as: .json)
            return response
        }
        let l = req.language
        func t(_ text: CasesText) -> String { Text.cases(text).in(l) }
        let items: [HTML] = rows.map { row in
            let step = CustodyStep(rawValue: row.step).map { t(.step($0)) } ?? row.step
            return "<tr><td data-label=\"\(t(.place))\">\(row.place)</td><td data-label=\"\(t(.countsMonth))\">\(row.month)</td><td data-label=\"\(t(.stepLabel))\">\(step)</td><td data-label=\"\(t(.countsPeople))\">\(row.people)</td></tr>"
        }
        let body: HTML = """
        <h1>\(t(.countsTitle)) \(year)</h1><p>\(t(.countsIntro))</p>
        \(items.isEmpty ? HTML("<p>\(t(.noCases))</p>") : HTML("<table class=\"cards\" id=\"counts\"><thead><tr><th>\(t(.place))</th><th>\(t(.countsMonth))</th><th>\(t(.stepLabel))</th><th>\(t(.countsPeople))</th></tr></thead><tbody>\(items)</tbody></table>"))
        <p><a href="/cases/counts?year=\(year)&amp;format=json">JSON</a></p>
        """
        return htmlResponse(Layout.page(req, title: t(.countsTitle), body: body), status: .ok)
    }

    /// Distinct people (cases) per place, month and step in a year, from current timeline entries.
    static func rows(year: Int, on db: any Database) async throws -> [Row] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1)),
              let end = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1)) else { return [] }
        return try await CaseCounts.rows(from: start, to: end, on: db)
            .map { Row(place: $0.place ?? "—", month: $0.month, step: $0.step, people: AnonymousCount($0.people).text) }
            .sorted { ($0.place, $0.month, $0.step) < ($1.place, $1.month, $1.step) }
    }
}
