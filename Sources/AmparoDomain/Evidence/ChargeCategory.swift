/// The category of a most-serious-conviction charge, from its NCIC Uniform Offense Code: the first
/// two of its four digits ("5404" DUI → 54 traffic offenses). Source: the FBI's NCIC Code Manual,
/// Uniform Offense Classifications (the category headings only).
public struct ChargeCategory: Hashable, Sendable, Comparable {
    /// The two-digit prefix; 0 when the code is missing or not an NCIC code.
    public let prefix: Int

    public init(prefix: Int) { self.prefix = prefix }

    /// "5404" → 54; "54" → 54; nil for a blank, redacted or non-numeric code.
    public init?(code text: String) {
        let digits = text.prefix { $0.isNumber }
        guard digits.count >= 2, let prefix = Int(digits.prefix(2)), Self.names[prefix] != nil else { return nil }
        self.prefix = prefix
    }

    public static let unknown = ChargeCategory(prefix: 0)

    public var name: (String, String) { Self.names[prefix] ?? ("No NCIC code", "Sin código NCIC") }

    public static func < (a: ChargeCategory, b: ChargeCategory) -> Bool { a.prefix < b.prefix }

    static let names: [Int: (String, String)] = [
        1: ("Sovereignty", "Soberanía"), 2: ("Military", "Militar"), 3: ("Immigration", "Inmigración"),
        9: ("Homicide", "Homicidio"), 10: ("Kidnapping", "Secuestro"), 11: ("Sexual assault", "Agresión sexual"),
        12: ("Robbery", "Robo con violencia"), 13: ("Assault", "Agresión"), 14: ("Abortion", "Aborto"),
        20: ("Arson", "Incendio provocado"), 21: ("Extortion", "Extorsión"), 22: ("Burglary", "Allanamiento"),
        23: ("Larceny", "Hurto"), 24: ("Stolen vehicle", "Vehículo robado"), 25: ("Forgery", "Falsificación"),
        26: ("Fraud", "Fraude"), 27: ("Embezzlement", "Malversación"), 28: ("Stolen property", "Propiedad robada"),
        29: ("Damage to property", "Daños a la propiedad"), 35: ("Dangerous drugs", "Drogas"), 36: ("Sex offenses", "Delitos sexuales"),
        37: ("Obscenity", "Obscenidad"), 38: ("Family offenses", "Delitos contra la familia"), 39: ("Gambling", "Juego ilegal"),
        40: ("Commercialized sex", "Comercio sexual"), 41: ("Liquor", "Bebidas alcohólicas"), 48: ("Obstructing police", "Obstrucción a la policía"),
        49: ("Flight or escape", "Fuga"), 50: ("Obstructing the judiciary", "Obstrucción a la justicia"), 51: ("Bribery", "Soborno"),
        52: ("Weapon offenses", "Armas"), 53: ("Public peace", "Orden público"), 54: ("Traffic offenses", "Infracciones de tránsito"),
        55: ("Health and safety", "Salud y seguridad"), 56: ("Civil rights", "Derechos civiles"), 57: ("Invasion of privacy", "Invasión de la privacidad"),
        58: ("Smuggling", "Contrabando"), 59: ("Election laws", "Leyes electorales"), 60: ("Antitrust", "Competencia"),
        61: ("Tax revenue", "Impuestos"), 62: ("Conservation", "Conservación"), 63: ("Vagrancy", "Vagancia"),
        70: ("Crimes against the person", "Delitos contra la persona"), 71: ("Property crimes", "Delitos contra la propiedad"),
        72: ("Morals and decency", "Moral y decencia"), 73: ("Public order", "Orden público (otros)"),
    ]
}
