import AmparoWebKit
import Vapor

/// The controls of one form among several alike on a page (the timeline's add and correct forms):
/// ids carry the form's prefix so they stay unique; names do not, so every form posts the same fields.
struct PrefixedControls {
    let prefix: String

    func id(_ name: String) -> String { "\(prefix)-\(name)" }

    func select(_ name: String, _ label: String, _ options: [(String, String)], _ selected: String?) -> HTML {
        let items: [HTML] = options.map { "<option value=\"\($0.0)\"\($0.0 == selected ? HTML(" selected") : .empty)>\($0.1)</option>" }
        return "<div class=\"field\"><label for=\"\(id(name))\">\(label)</label><select id=\"\(id(name))\" name=\"\(name)\">\(items)</select></div>"
    }

    /// A text input gets a `maxlength` (300 unless `limit` says otherwise); other types do not.
    func input(_ name: String, _ label: String, type: String = "text", _ value: String, hint: String? = nil, limit: Int = 300) -> HTML {
        """
        <div class="field"><label for="\(id(name))">\(label)</label>\(hint.map { HTML("<p class=\"hint\">\($0)</p>") })\
        <input id="\(id(name))" name="\(name)" type="\(type)" value="\(value)"\(type == "text" ? HTML(" maxlength=\"\(limit)\"") : .empty)></div>
        """
    }
}
