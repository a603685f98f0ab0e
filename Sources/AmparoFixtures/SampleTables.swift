import AmparoDomain
/// The generator's tables: real places (public facts) and code values with weights close to the
/// shape of recent releases. The weights are invented; only the vocabulary is ICE's.
enum SampleTables {
    typealias Facility = DetainerSample.Facility

    static let namedFacilities: [Facility] = [
        ("TX", "Harris County", "HARRIS COUNTY JAIL", "HARRISTX", "HOUSTON", 60.0),
        ("TX", "Dallas County", "DALLAS COUNTY JAIL", "DALLASTX", "DALLAS", 40),
        ("TX", "Travis County", "TRAVIS COUNTY JAIL", "TRAVISTX", "AUSTIN", 25),
        ("TX", "Bexar County", "BEXAR COUNTY ADULT DETENTION CENTER", "BEXARTX", "SAN ANTONIO", 30),
        ("TX", "Tarrant County", "TARRANT COUNTY JAIL", "TARRATX", "FORT WORTH", 30),
        ("TX", nil, "TDCJ HUNTSVILLE UNIT", "TDCJHUN", "HUNTSVILLE", 20),
        ("CA", "Los Angeles County", "LOS ANGELES COUNTY MEN'S CENTRAL JAIL", "LACMCJ", "LOS ANGELES", 20),
        ("CA", "San Diego County", "SAN DIEGO COUNTY CENTRAL JAIL", "SDCCJ", "SAN DIEGO", 10),
        ("CA", nil, "CDCR SAN QUENTIN STATE PRISON", "CDCRSQ", "SAN QUENTIN", 15),
        ("AZ", "Maricopa County", "MARICOPA COUNTY 4TH AVENUE JAIL", "MARICAZ", "PHOENIX", 35),
        ("AZ", "Pima County", "PIMA COUNTY ADULT DETENTION COMPLEX", "PIMAAZ", "TUCSON", 10),
        ("FL", "Miami-Dade County", "MIAMI-DADE TURNER GUILFORD KNIGHT CORRECTIONAL CENTER", "MDTGK", "MIAMI", 30),
        ("FL", "Orange County", "ORANGE COUNTY JAIL", "ORANGFL", "ORLANDO", 25),
        ("FL", "Bay County", "BAY COUNTY JAIL", "BAYFL", "PANAMA CITY", 8),
        ("FL", "Hillsborough County", "HILLSBOROUGH COUNTY JAIL - ORIENT ROAD", "HILLSFL", "TAMPA", 20),
        ("GA", "Gwinnett County", "GWINNETT COUNTY JAIL", "GWINNGA", "LAWRENCEVILLE", 20),
        ("GA", "Cobb County", "COBB COUNTY ADULT DETENTION CENTER", "COBBGA", "MARIETTA", 15),
        ("NC", "Mecklenburg County", "MECKLENBURG COUNTY JAIL", "MECKLNC", "CHARLOTTE", 12),
        ("OR", "Multnomah County", "MULTNOMAH COUNTY DETENTION CENTER", "MULTNOR", "PORTLAND", 6),
        ("OR", "Washington County", "WASHINGTON COUNTY JAIL", "WASHIOR", "HILLSBORO", 4),
        ("OR", "Marion County", "MARION COUNTY CORRECTIONAL FACILITY", "MARIOOR", "SALEM", 5),
        ("WA", "King County", "KING COUNTY CORRECTIONAL FACILITY", "KINGWA", "SEATTLE", 5),
        ("IL", "Cook County", "COOK COUNTY JAIL", "COOKIL", "CHICAGO", 6),
        ("NY", "Nassau County", "NASSAU COUNTY CORRECTIONAL CENTER", "NASSANY", "EAST MEADOW", 8),
        ("NJ", "Middlesex County", "MIDDLESEX COUNTY ADULT CORRECTION CENTER", "MIDDLNJ", "NORTH BRUNSWICK", 6),
        ("CO", "Denver County", "DENVER COUNTY JAIL", "DENVECO", "DENVER", 6),
        ("TN", "Davidson County", "DAVIDSON COUNTY SHERIFF'S OFFICE", "DAVIDTN", "NASHVILLE", 10),
        ("OK", "Tulsa County", "TULSA COUNTY JAIL", "TULSAOK", "TULSA", 8),
        ("NV", "Clark County", "CLARK COUNTY DETENTION CENTER", "CLARKNV", "LAS VEGAS", 15),
        ("UT", "Salt Lake County", "SALT LAKE COUNTY METRO JAIL", "SALTLUT", "SALT LAKE CITY", 8),
        ("LA", "East Baton Rouge Parish", "EAST BATON ROUGE PARISH PRISON", "EBRPLA", "BATON ROUGE", 8),
        ("TX", nil, "FCI BIG SPRING", "FCIBIGS", "BIG SPRING", 5),
    ].map { Facility(state: $0.0, county: $0.1, name: $0.2, code: $0.3, city: $0.4, weight: $0.5) }

    /// States for the generated county jails, more of the populous ones.
    static let states = ["TX", "TX", "TX", "CA", "CA", "FL", "FL", "GA", "NC", "AZ", "TN", "OK", "AL", "SC", "VA", "PA", "OH", "MI", "IN",
                         "MO", "KY", "LA", "AR", "MS", "KS", "NE", "IA", "WI", "MN", "CO", "UT", "NV", "NM", "ID", "MT", "WY", "SD", "ND",
                         "NY", "NJ", "MA", "CT", "MD", "DE", "WV", "OR", "WA", "IL", "NH", "ME", "VT", "RI", "AK", "HI"]

    static let countyNames = ["Washington", "Jefferson", "Franklin", "Jackson", "Lincoln", "Madison", "Clay", "Montgomery", "Marion", "Monroe",
                              "Union", "Greene", "Wayne", "Warren", "Grant", "Polk", "Lake", "Carroll", "Johnson", "Lee", "Marshall",
                              "Douglas", "Adams", "Clark", "Calhoun", "Fayette", "Hamilton", "Henry", "Logan", "Perry", "Scott", "Shelby",
                              "Benton", "Boone", "Crawford", "Knox", "Lawrence", "Morgan", "Putnam", "Randolph"]

    static let decliningStates: Set<String> = ["CA", "OR", "WA", "IL", "NY", "NJ", "CO"]

    static let criminality = Choice([("1 Convicted Criminal", 38.0), ("2 Pending Criminal Charges", 27), ("3 Other Immigration Violator", 34.8), ("", 0.2)])
    static let convictedThreat = Choice([("1", 35.0), ("2", 25), ("3", 40)])
    static let pendingThreat = Choice([("1", 10.0), ("2", 15), ("3", 25), ("", 50)])

    /// Lift reason and its code (the latest release's "Detainer Lift Reason Code").
    static let liftReasons = Choice(liftWeights(declined: 4))
    static let liftReasonsDeclining = Choice(liftWeights(declined: 35))

    private static func liftWeights(declined: Double) -> [((String, String), Double)] {
        [(("Booked into Detention", "BID"), 45), (("", ""), 24), (("Detainer Declined by LEA", "DEC"), declined), (("Early Release", "ERL"), 3),
         (("No longer in State, Local, or Federal Custody", "NLC"), 5), (("Case Closed", "CCL"), 4), (("Duplicate", "DUP"), 3),
         (("Superseding - New Form Issued", "SUP"), 3), (("Prosecutorial Discretion", "PDI"), 2), (("Not Amenable to Removal", "NAR"), 1),
         (("Insufficient Notice to ICE", "INS"), 1), (("USC or Presumptive Claim to US Citizenship", "USC"), 0.5), (("Judicial Review", "JRV"), 0.3)]
    }

    /// (NCIC code, charge as ICE words it).
    static let charges = Choice([
        (("5404", "Driving Under Influence Liquor"), 18.0), (("5499", "Traffic Offense"), 8), (("5403", "Hit and Run"), 2),
        (("3599", "Dangerous Drugs"), 8), (("3562", "Marijuana - Possess"), 5), (("3532", "Cocaine - Possess"), 3),
        (("1313", "Assault"), 9), (("1315", "Aggravated Assault - Weapon"), 4), (("0399", "Immigration"), 8), (("0331", "Illegal Entry"), 6),
        (("2399", "Larceny"), 6), (("2299", "Burglary"), 4), (("2699", "Fraud Activity"), 2), (("3899", "Family Offense"), 3),
        (("4801", "Resisting Officer"), 2), (("5212", "Weapon Offense"), 2), (("5399", "Public Peace"), 3), (("1199", "Sexual Assault"), 1),
        (("3699", "Sex Offense"), 1), (("0999", "Homicide"), 0.5), (("1299", "Robbery"), 2), (("7399", "Public Order Crimes"), 2),
    ])

    static let countries = Choice([
        ("MEXICO", 40.0), ("GUATEMALA", 14), ("HONDURAS", 13), ("EL SALVADOR", 8), ("VENEZUELA", 5), ("CUBA", 3), ("COLOMBIA", 3),
        ("NICARAGUA", 3), ("ECUADOR", 3), ("DOMINICAN REPUBLIC", 2), ("HAITI", 2), ("INDIA", 1), ("CHINA, PEOPLES REPUBLIC OF", 1),
        ("BRAZIL", 1), ("PERU", 1),
    ])

    static let entryStatus = Choice([("PWA - Present Without Admission", 70.0), ("B2 - Visitor for Pleasure", 10), ("LPR - Lawful Permanent Resident", 5), ("UNK - Unknown", 15)])
    static let disposition = Choice([("Notice to Appear", 60.0), ("Reinstated Final Order", 30), ("Expedited Removal", 10)])

    static let aor: [String: String] = [
        "TX": "Houston Area of Responsibility", "CA": "Los Angeles Area of Responsibility", "AZ": "Phoenix Area of Responsibility",
        "FL": "Miami Area of Responsibility", "GA": "Atlanta Area of Responsibility", "NC": "Atlanta Area of Responsibility",
        "OR": "Seattle Area of Responsibility", "WA": "Seattle Area of Responsibility", "IL": "Chicago Area of Responsibility",
        "NY": "New York City Area of Responsibility", "NJ": "Newark Area of Responsibility", "CO": "Denver Area of Responsibility",
        "TN": "New Orleans Area of Responsibility", "LA": "New Orleans Area of Responsibility", "OK": "Dallas Area of Responsibility",
        "NV": "Salt Lake City Area of Responsibility", "UT": "Salt Lake City Area of Responsibility",
    ]
}
