import AmparoDomain
import AmparoWebKit
import Foundation

/// Charts as server-rendered SVG: no script, readable by screen readers (a title, and every bar
/// labelled with its figure), printable.
enum EvidenceCharts {
    struct Bar {
        let label: String
        let value: Int
        let shown: String
    }

    /// Horizontal bars, one per line, longest first as given.
    static func bars(_ bars: [Bar], title: String, id: String) -> HTML {
        let height = 28 * bars.count + 8, maxValue = max(bars.map(\.value).max() ?? 1, 1)
        var svg = "<svg class=\"chart\" viewBox=\"0 0 640 \(height)\" role=\"img\" aria-labelledby=\"\(id)\"><title id=\"\(id)\">\(HTML.escape(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = 4 + index * 28, width = Int((Double(bar.value) / Double(maxValue) * 300).rounded())
            svg += "<text x=\"0\" y=\"\(y + 18)\">\(HTML.escape(String(bar.label.prefix(40))))</text>"
            svg += "<rect class=\"bar\" x=\"260\" y=\"\(y + 4)\" width=\"\(max(width, bar.value > 0 ? 1 : 0))\" height=\"18\"/>"
            svg += "<text x=\"\(266 + width)\" y=\"\(y + 18)\">\(HTML.escape(bar.shown))</text>"
        }
        return HTML(unsafeRaw: svg + "</svg>")
    }

    /// Columns by month, labelled at each January and at the ends.
    static func months(_ counts: [(month: Int, count: Int)], title: String, id: String) -> HTML {
        guard !counts.isEmpty else { return "" }
        let width = 640, height = 200, maxValue = max(counts.map(\.count).max() ?? 1, 1)
        let step = Double(width - 20) / Double(counts.count)
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height + 24)\" role=\"img\" aria-labelledby=\"\(id)\"><title id=\"\(id)\">\(HTML.escape(title))</title>"
        for (index, entry) in counts.enumerated() {
            let h = Int((Double(entry.count) / Double(maxValue) * Double(height - 20)).rounded())
            let x = 10 + Double(index) * step
            svg += "<rect class=\"bar\" x=\"\(String(format: "%.1f", x))\" y=\"\(height - h)\" width=\"\(String(format: "%.1f", max(step - 2, 1)))\" height=\"\(h)\">"
            svg += "<title>\(CalendarMonth.label(entry.month)): \(EvidenceFormat.count(entry.count))</title></rect>"
            if entry.month % 100 == 1 || index == 0 || index == counts.count - 1 {
                svg += "<text x=\"\(String(format: "%.1f", x))\" y=\"\(height + 18)\">\(CalendarMonth.label(entry.month))</text>"
            }
        }
        return HTML(unsafeRaw: svg + "</svg>")
    }
}

/// Counts and shares as public pages show them: 1 to 4 as "<5" (a small count can point at a
/// person), and no share that would give such a count away.
enum EvidenceFormat {
    static func count(_ n: Int) -> String {
        (1...4).contains(n) ? "<5" : n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
    }

    /// For CSV: digits only, small counts still withheld.
    static func plainCount(_ n: Int) -> String { (1...4).contains(n) ? "<5" : String(n) }

    static func share(_ n: Int, of total: Int, digits: Int = 1) -> String {
        guard total > 0, !(1...4).contains(n) else { return "—" }
        return Percent.text(Double(n) / Double(total), digits: digits)
    }
}
