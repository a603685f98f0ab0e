import Foundation

/// The evidence pages' strings, in English and Spanish, reached through `Text.evidence(_:)`.
public enum EvidenceText: Sendable, Equatable {
    case countyRecords, stateRecords
    case navEvidence, title, intro, nation, lodged, withoutConviction, withoutConvictionNote, criminality(Criminality), threat(ThreatLevel)
    case outcome(DetainerOutcome), threatLevels, outcomes, charges, monthly, comparison, thisPlace, stateLabel, nationLabel
    case levelSummary(String, String), whatIfTitle, whatIf(WhatIf, count: String, place: String, from: String, to: String), whatIfAssumptions
    case sources, method, methodText, file, rowsCounted, rowsInFile, rejected, importedOn, facilities, facility, city, county, status
    case match(String), noData, noCounty, period, from, to, show, badPeriod, factSheet, factSheetTitle(String), printHint, download
    case importsTitle, importsIntro, importFile, importButton, importRunning(Int, String), importDone(imported: Int, rejected: Int)
    case importFailed(String), alreadyImported(String), problemsTitle, row, column, value, reason, problem(DetainerRowProblem.Reason)
    case sheets(read: String, skipped: String), crosswalkTitle, crosswalkIntro, confirm, chooseCounty, notCountyChoice, saved, unknownFacility
    case noImports, checkAgain, tooLarge, small, sharesNote, confirmedFacilities(Int), awaiting(Int)

    public var pair: (String, String) {
        switch self {
        case .navEvidence: ("Evidence", "Datos")
        case .title: ("ICE's own records: detainers", "Los registros de ICE: órdenes de retención")
        case .intro: ("How many people ICE asked jails to hold, who they were by ICE's own categories, and what became of them. From ICE's records as the Deportation Data Project publishes them.",
                      "A cuántas personas ICE pidió a las cárceles retener, quiénes eran según las categorías de ICE y qué pasó con ellas. Según los registros de ICE que publica el Deportation Data Project.")
        case .nation: ("United States", "Estados Unidos")
        case .lodged: ("Detainers lodged", "Órdenes de retención emitidas")
        case .withoutConviction: ("No criminal conviction", "Sin condena penal")
        case .withoutConvictionNote: ("Detainer criminality other than \"1 Convicted Criminal\" (blank and withheld included).",
                                      "Criminalidad distinta de \"1 Convicted Criminal\" (incluidos vacíos y ocultos).")
        case .criminality(let c):
            switch c {
            case .convicted: ("Convicted of a crime", "Con condena penal")
            case .pendingCharges: ("Charged, not convicted", "Acusado, sin condena")
            case .otherViolator: ("No charge or conviction", "Sin acusación ni condena")
            case .unrecorded: ("Not recorded or withheld", "Sin dato u oculto")
            }
        case .threat(let t):
            switch t {
            case .level1: ("Level 1", "Nivel 1")
            case .level2: ("Level 2", "Nivel 2")
            case .level3: ("Level 3", "Nivel 3")
            case .none: ("No level (no conviction recorded)", "Sin nivel (sin condena registrada)")
            }
        case .outcome(let o):
            switch o {
            case .bookedIntoDetention: ("Handed to ICE (booked into detention)", "Entregado a ICE (ingresado a detención)")
            case .declinedByLocalAgency: ("Declined by the jail", "Rechazada por la cárcel")
            case .released: ("Released before ICE came", "Liberado antes de que llegara ICE")
            case .pending: ("Still pending or not recorded", "Pendiente o sin dato")
            case .other: ("Lifted for another reason", "Retirada por otro motivo")
            }
        case .threatLevels: ("ICE threat levels", "Niveles de amenaza de ICE")
        case .outcomes: ("What happened to the detainers", "Qué pasó con las órdenes")
        case .charges: ("Most serious conviction, by kind (NCIC)", "Condena más grave, por tipo (NCIC)")
        case .monthly: ("Detainers by month", "Órdenes por mes")
        case .comparison: ("Compared with the state and the nation", "Comparado con el estado y el país")
        case .thisPlace: ("Here", "Aquí")
        case .stateLabel: ("State", "Estado")
        case .nationLabel: ("Nation", "País")
        case .levelSummary(let lower, let none): ("\(lower) had no conviction or none at ICE's Level 1; \(none) had no conviction at all.",
                                                  "\(lower) no tenía condena o ninguna de Nivel 1 según ICE; \(none) no tenía ninguna condena.")
        case .whatIfTitle: ("What if", "Qué habría pasado")
        case .whatIf(let policy, let count, let place, let from, let to):
            switch policy {
            case .declineWithoutConviction: ("If \(place) had declined detainers for people with no conviction from \(from) to \(to), \(count) fewer people would have been handed to ICE.",
                                             "Si \(place) hubiera rechazado las órdenes de personas sin condena entre \(from) y \(to), \(count) personas menos habrían sido entregadas a ICE.")
            case .judicialWarrantOnly: ("If \(place) had honored only judicial warrants from \(from) to \(to), \(count) fewer people would have been handed to ICE.",
                                        "Si \(place) hubiera aceptado solo órdenes judiciales entre \(from) y \(to), \(count) personas menos habrían sido entregadas a ICE.")
            }
        case .whatIfAssumptions: ("Assumptions: a person counts as handed to ICE when the detainer's lift reason is \"Booked into Detention\". ICE's detainer form (I-247A) is signed by an immigration officer, not a judge, so under a judicial-warrant policy none would have been honored. ICE could still have arrested some of these people elsewhere; that is not counted.",
                                  "Supuestos: una persona cuenta como entregada a ICE cuando el motivo de cierre de la orden es \"Booked into Detention\". El formulario de ICE (I-247A) lo firma un agente de inmigración, no un juez, así que con una política de orden judicial no se habría aceptado ninguna. ICE pudo haber arrestado a algunas de estas personas en otro lugar; eso no se cuenta.")
        case .sources: ("Sources", "Fuentes")
        case .method: ("How this was computed", "Cómo se calculó")
        case .methodText: ("Each detainer row of the files below counts once, for the month ICE prepared it. Where two files cover the same month, the newer one counts. A county's figures are its jails that a person confirmed to be in the county. Shares are of all detainers lodged here in the period. Counts from 1 to 4 are shown as \"<5\".",
                           "Cada fila de orden de los archivos de abajo cuenta una vez, en el mes en que ICE la preparó. Si dos archivos cubren el mismo mes, cuenta el más reciente. Las cifras de un condado son las de sus cárceles que una persona confirmó que están en el condado. Los porcentajes son del total de órdenes aquí en el período. Las cifras de 1 a 4 se muestran como \"<5\".")
        case .file: ("File", "Archivo")
        case .rowsCounted: ("Rows counted here", "Filas contadas aquí")
        case .rowsInFile: ("Rows in the file", "Filas del archivo")
        case .rejected: ("Rows left out", "Filas omitidas")
        case .importedOn: ("Imported", "Importado")
        case .facilities: ("Jails and prisons", "Cárceles y prisiones")
        case .facility: ("Facility", "Centro")
        case .city: ("City", "Ciudad")
        case .county: ("County", "Condado")
        case .status: ("County match", "Condado asignado")
        case .match(let status):
            switch status {
            case "confirmed": ("Confirmed", "Confirmado")
            case "proposed": ("Proposed, not confirmed", "Propuesto, sin confirmar")
            case "notCounty": ("Not a county's (state or federal)", "No es de un condado (estatal o federal)")
            default: ("No county found", "Sin condado")
            }
        case .noData: ("No detainer records for this place and period yet.", "Aún no hay registros de órdenes para este lugar y período.")
        case .noCounty: ("No such county.", "No existe ese condado.")
        case .period: ("Period", "Período")
        case .from: ("From (YYYY-MM)", "Desde (AAAA-MM)")
        case .to: ("To (YYYY-MM)", "Hasta (AAAA-MM)")
        case .show: ("Show", "Mostrar")
        case .badPeriod: ("Write the months as YYYY-MM, for example 2024-01, the first before the second.", "Escriba los meses como AAAA-MM, por ejemplo 2024-01, el primero antes del segundo.")
        case .factSheet: ("Printable fact sheet", "Hoja informativa para imprimir")
        case .factSheetTitle(let place): ("ICE detainers in \(place)", "Órdenes de retención de ICE en \(place)")
        case .printHint: ("Print this page, or save it as PDF, for a commission hearing.", "Imprima esta página, o guárdela como PDF, para una audiencia.")
        case .download: ("Download", "Descargar")
        case .importsTitle: ("Import ICE records", "Importar registros de ICE")
        case .importsIntro: ("Detainer files as the Deportation Data Project publishes them: xlsx (any number of sheets, with ICE's preamble) or CSV. A file lands whole or not at all; the same file twice changes nothing; rows that cannot be read are listed and left out.",
                             "Archivos de órdenes tal como los publica el Deportation Data Project: xlsx (con cualquier número de hojas y el encabezado de ICE) o CSV. Un archivo entra completo o no entra; el mismo archivo dos veces no cambia nada; las filas ilegibles se listan y se omiten.")
        case .importFile: ("Detainer file (xlsx or CSV)", "Archivo de órdenes (xlsx o CSV)")
        case .importButton: ("Import", "Importar")
        case .importRunning(let percent, let rows): ("Reading the file: \(percent)% (\(rows) rows). This page refreshes itself.", "Leyendo el archivo: \(percent)% (\(rows) filas). Esta página se actualiza sola.")
        case .importDone(let imported, let rejected): ("Imported \(imported) rows; \(rejected) left out.", "Se importaron \(imported) filas; se omitieron \(rejected).")
        case .importFailed(let why): ("Nothing was imported: \(why)", "No se importó nada: \(why)")
        case .alreadyImported(let when): ("This file was already imported (\(when)); nothing changed.", "Este archivo ya se importó (\(when)); no cambió nada.")
        case .problemsTitle: ("Rows left out", "Filas omitidas")
        case .row: ("Row", "Fila")
        case .column: ("Column", "Columna")
        case .value: ("Value", "Valor")
        case .reason: ("Why", "Motivo")
        case .problem(let reason):
            switch reason {
            case .missing: ("empty, and it is needed", "vacío, y es necesario")
            case .notADate: ("not a date", "no es una fecha")
            case .unknownState: ("not a US state or territory", "no es un estado o territorio de EE. UU.")
            case .unknownCriminality: ("not one of ICE's criminality codes (1, 2 or 3)", "no es un código de criminalidad de ICE (1, 2 o 3)")
            case .unknownThreatLevel: ("not a threat level (1, 2, 3 or blank)", "no es un nivel de amenaza (1, 2, 3 o vacío)")
            }
        case .sheets(let read, let skipped): ("Sheets read: \(read). Sheets without a detainer header, skipped: \(skipped).", "Hojas leídas: \(read). Hojas sin encabezado de órdenes, omitidas: \(skipped).")
        case .crosswalkTitle: ("Which county is each jail in?", "¿En qué condado está cada cárcel?")
        case .crosswalkIntro: ("ICE's records name a jail, its city and state, never its county. Amparo proposes a county from the name; a person confirms it. Only confirmed jails count in a county's figures.",
                               "Los registros de ICE nombran la cárcel, su ciudad y estado, nunca el condado. Amparo propone un condado por el nombre; una persona lo confirma. Solo las cárceles confirmadas cuentan en las cifras de un condado.")
        case .confirm: ("Save", "Guardar")
        case .chooseCounty: ("County", "Condado")
        case .notCountyChoice: ("Not a county's jail (state or federal)", "No es cárcel de condado (estatal o federal)")
        case .saved: ("Saved.", "Guardado.")
        case .unknownFacility: ("Choose a county of the facility's state.", "Elija un condado del estado del centro.")
        case .noImports: ("No file imported yet.", "Aún no se importó ningún archivo.")
        case .checkAgain: ("Check again", "Ver de nuevo")
        case .tooLarge: ("The file is larger than 2 GB. Split it, or import it with amparo import-detainers on the server.",
                         "El archivo pasa de 2 GB. Divídalo, o impórtelo con amparo import-detainers en el servidor.")
        case .small: ("<5", "<5")
        case .countyRecords: ("ICE's detainer records for this county", "Los registros de órdenes de retención de ICE de este condado")
        case .stateRecords: ("ICE's detainer records for this state", "Los registros de órdenes de retención de ICE de este estado")
        case .sharesNote: ("Shares are of all detainers here in the period.", "Los porcentajes son del total de órdenes aquí en el período.")
        case .confirmedFacilities(let n): (Plural.of(n, one: "1 jail confirmed in this county.", other: "\(n) jails confirmed in this county."),
                                           Plural.of(n, one: "1 cárcel confirmada en este condado.", other: "\(n) cárceles confirmadas en este condado."))
        case .awaiting(let n): (Plural.of(n, one: "1 jail of this state awaits a person's confirmation of its county.", other: "\(n) jails of this state await a person's confirmation of their county."),
                                Plural.of(n, one: "1 cárcel de este estado espera que una persona confirme su condado.", other: "\(n) cárceles de este estado esperan que una persona confirme su condado."))
        }
    }
}
