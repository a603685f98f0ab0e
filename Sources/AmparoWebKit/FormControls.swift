import AmparoDomain

/// Small form helpers so every field is labelled, described and marked up the same way.
public enum Form {
    public static func field(
        _ name: String, label: String, type: String = "text", value: String = "", hint: String? = nil,
        error: String? = nil, required: Bool = true, autocomplete: String? = nil, extra: HTML = .empty
    ) -> HTML {
        wrapped(name, label: label, hint: hint, error: error) { attributes in
            "<input id=\"\(name)\" name=\"\(name)\" type=\"\(type)\" value=\"\(value)\"\(required ? HTML(" required") : .empty)\(autocomplete.map { HTML(" autocomplete=\"\($0)\"") })\(attributes)\(extra)>"
        }
    }

    public static func textarea(
        _ name: String, label: String, value: String, hint: String?, error: String?, maxLength: Int, required: Bool = true
    ) -> HTML {
        wrapped(name, label: label, hint: hint, error: error) { attributes in
            "<textarea id=\"\(name)\" name=\"\(name)\" rows=\"4\" maxlength=\"\(maxLength)\"\(required ? HTML(" required") : .empty)\(attributes)>\(value)</textarea>"
        }
    }

    /// The label, hint and error around a control, and the ARIA attributes that tie them to it.
    private static func wrapped(_ name: String, label: String, hint: String?, error: String?, control: (HTML) -> HTML) -> HTML {
        let describedBy = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }
        let attributes: HTML = "\(describedBy.isEmpty ? HTML.empty : HTML(" aria-describedby=\"\(describedBy.joined(separator: " "))\""))\(error == nil ? HTML.empty : HTML(" aria-invalid=\"true\""))"
        return """
        <div class="field\(error == nil ? "" : " has-error")">
        <label for="\(name)">\(label)</label>
        \(hint.map { HTML("<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>") })
        \(error.map { HTML("<p class=\"error\" id=\"\(name)-error\">\($0)</p>") })
        \(control(attributes))
        </div>
        """
    }

    /// `id`: when a page has two forms with a field of the same name (it defaults to the name).
    public static func select(_ name: String, label: String, options: [(value: String, label: String)], selected: String?, id: String? = nil,
                              hint: String? = nil) -> HTML {
        let control = id ?? name
        let items: [HTML] = options.map { option in
            "<option value=\"\(option.value)\"\(option.value == selected ? HTML(" selected") : .empty)>\(option.label)</option>"
        }
        guard let hint else {
            return """
            <div class="field"><label for="\(control)">\(label)</label>
            <select id="\(control)" name="\(name)">\(items)</select></div>
            """
        }
        return """
        <div class="field"><label for="\(control)">\(label)</label>
        <p class="hint" id="\(control)-hint">\(hint)</p>
        <select id="\(control)" name="\(name)" aria-describedby="\(control)-hint">\(items)</select></div>
        """
    }

    public static func errorSummary(_ errors: [String], language: Language) -> HTML {
        guard !errors.isEmpty else { return .empty }
        let items: [HTML] = errors.map { "<li>\($0)</li>" }
        return """
        <div class="error-summary" role="alert"><h2>\(Text.fixTheseProblems.in(language))</h2><ul>\(items)</ul></div>
        """
    }
}
