/// A phrase by count. English and Spanish share CLDR's cardinal rule for whole numbers: "one" for
/// exactly 1, "other" for every other count (0 included), so one choice serves both columns.
public enum Plural {
    public static func of(_ count: Int, one: String, other: String) -> String { count == 1 ? one : other }
}
