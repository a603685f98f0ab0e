import AmparoDomain
import AmparoPersistence
import AmparoWebKit
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
        let county: String
        let place: String
        let month: String
        let step: String
        let people: String
    }

    func counts(req: Request) async throws -> Response {
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: req.amparo.clock.now())
        let year = req.query[Int.self, at: "year"].flatMap { (1900...2200).contains($0) ? $0 : nil } ?? thisYear
        let county = req.query[String.self, at: "county"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty || $0.count > 120 ? nil : $0 }
        // Exact counts stay with the members whose cases they are; everything shareable is suppressed.
        let exact = req.query[String.self, at: "scope"] == "teams"
        let teams = exact ? try await CaseAccess.teams(req) : nil
        let rows = try await Self.rows(year: year, county: county, teams: teams, on: req.db)
        try await req.audit(exact ? "case.counts.teams" : "case.counts", recordType: "case", recordID: "\(year)")
        if req.query[String.self, at: "format"] == "json" {
            let response = Response(status: .ok)
            try response.content.encode(rows, as: .json)
            return response
        }
        let l = req.language
        func t(_ text: CasesText) -> String { Text.cases(text).in(l) }
        let items: [HTML] = rows.map { row in
            let step = CustodyStep(rawValue: row.step).map { t(.step($0)) } ?? (row.step == CaseCounts.heldPastRelease ? Text.support(.heldPastRelease).in(l) : row.step)
            return "<tr><td data-label=\"\(Text.support(.countsCountyLabel).in(l))\">\(row.county)</td><td data-label=\"\(t(.place))\">\(row.place)</td><td data-label=\"\(t(.countsMonth))\">\(row.month)</td><td data-label=\"\(t(.stepLabel))\">\(step)</td><td data-label=\"\(t(.countsPeople))\">\(row.people)</td></tr>"
        }
        let body: HTML = """
        <h1>\(Text.support(.countsByCounty).in(l)) \(year)</h1>
        <p>\(exact ? HTML("<a href=\"/cases/counts?year=\(year)\">\(t(.countsAnonymous))</a> · <strong>\(t(.countsTeams))</strong>")
            : HTML("<strong>\(t(.countsAnonymous))</strong> · <a href=\"/cases/counts?year=\(year)&amp;scope=teams\">\(t(.countsTeams))</a>"))</p>
        <p\(exact ? HTML(" class=\"notice\"") : .empty)>\(exact ? t(.countsTeamsIntro) : t(.countsIntro))</p>
        <p class="hint">\(t(.countsPlaceNote))</p>
        <form method="get" action="/cases/counts" class="filters">
        \(exact ? HTML("<input type=\"hidden\" name=\"scope\" value=\"teams\">") : .empty)
        \(Form.field("year", label: Text.support(.countsYear).in(l), type: "number", value: String(year), required: false, extra: " min=\"1900\" max=\"2200\""))
        \(Form.field("county", label: Text.support(.countsCountyLabel).in(l), value: county ?? "", hint: Text.support(.allCounties).in(l), required: false, extra: " maxlength=\"120\""))
        <button type="submit">\(Text.support(.countsFilter).in(l))</button></form>
        \(items.isEmpty ? HTML("<p>\(t(.noCases))</p>") : HTML("<table class=\"cards\" id=\"counts\"><thead><tr><th>\(Text.support(.countsCountyLabel).in(l))</th><th>\(t(.place))</th><th>\(t(.countsMonth))</th><th>\(t(.stepLabel))</th><th>\(t(.countsPeople))</th></tr></thead><tbody>\(items)</tbody></table>"))
        <p><a href="/cases/counts?year=\(year)\(county.map { "&county=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? "")\(exact ? "&scope=teams" : "")&format=json">JSON</a></p>
        """
        return htmlResponse(Layout.page(req, title: t(.countsTitle), body: body), status: .ok)
    }

    /// Distinct people (cases) per place, month and step in a year, from current timeline entries:
    /// under 5 suppressed, unless `teams` asks for those teams' own exact counts.
    static func rows(year: Int, county: String? = nil, teams: [UUID]? = nil, on db: any Database) async throws -> [Row] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1)),
              let end = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1)) else { return [] }
        return try await CaseCounts.rows(from: start, to: end, county: county, teams: teams, on: db)
            .map { Row(county: $0.county ?? "—", place: $0.place ?? "—", month: $0.month, step: $0.step,
                       people: teams == nil ? AnonymousCount($0.people).text : String($0.people)) }
            .sorted { ($0.county, $0.place, $0.month, $0.step) < ($1.county, $1.place, $1.month, $1.step) }
    }
}
