/// The places pages' strings, in English and Spanish, reached through `Text.places(_:)`.
public enum PlacesText: Sendable, Equatable {
    case navPlaces, statesTitle, statesIntro, state, agreements, model(AgreementModel), total, counties, county, agency, kindLabel
    case agencyKind(AgencyKind), signed, moa, noAgreements, download, countyTitle(String), stateTitle(String), policies, noPolicies
    case policyKind(PolicyKind), position(PolicyPosition), instrument(PolicyInstrument), effective, document, criteria, history
    case governing, fromState, fromCounty, facilities, noFacilities, recordPolicy, savePolicy, errorPolicy, kindOfPolicy, positionLabel
    case instrumentLabel, importsTitle, importsIntro, importFile, importList, list(AgreementList), importButton, imported(added: Int, removed: Int, unchanged: Int)
    case alreadyImported(String), unreadable, tooLarge(en: String, es: String), refused(row: Int, column: String, value: String, reason: AgreementListParser.Reason)
    case warning(row: Int, column: String, value: String), added, removed, importedOn, rows, noImports, changesTitle, agreementStatus(AgreementStatus)
    case since, mapTitle, noMap, noAgreementShort

    public var pair: (String, String) {
        switch self {
        case .navPlaces: ("Places", "Lugares")
        case .statesTitle: ("ICE's hold on every state and county", "El alcance de ICE en cada estado y condado")
        case .statesIntro: ("287(g) agreements by state, from ICE's own published lists, and each place's policies with their sources.", "Acuerdos 287(g) por estado, según las listas que publica ICE, y las políticas de cada lugar con sus fuentes.")
        case .state: ("State", "Estado")
        case .agreements: ("287(g) agreements", "Acuerdos 287(g)")
        case .model(let model):
            switch model {
            case .jailEnforcement: ("Jail Enforcement", "Modelo de cárcel")
            case .taskForce: ("Task Force", "Fuerza de tarea")
            case .warrantServiceOfficer: ("Warrant Service Officer", "Agente de órdenes (WSO)")
            }
        case .total: ("Total", "Total")
        case .counties: ("Counties", "Condados")
        case .county: ("County", "Condado")
        case .agency: ("Agency", "Agencia")
        case .kindLabel: ("Kind", "Tipo")
        case .agencyKind(let kind):
            switch kind {
            case .county: ("County", "Condado")
            case .municipality: ("City or town", "Ciudad o pueblo")
            case .stateAgency: ("State agency", "Agencia estatal")
            case .other: ("Other", "Otro")
            }
        case .signed: ("Signed", "Firmado")
        case .moa: ("Agreement (MOA)", "Acuerdo (MOA)")
        case .noAgreements: ("No 287(g) agreement on ICE's lists.", "Ningún acuerdo 287(g) en las listas de ICE.")
        case .download: ("Download", "Descargar")
        case .countyTitle(let name): (name, name)
        case .stateTitle(let name): (name, name)
        case .policies: ("Policies", "Políticas")
        case .noPolicies: ("No policy recorded yet.", "Aún no hay políticas registradas.")
        case .policyKind(let kind):
            switch kind {
            case .secureCommunities: ("Secure Communities", "Comunidades Seguras")
            case .detainers: ("ICE detainers", "Órdenes de retención de ICE")
            case .releaseNotification: ("Telling ICE of releases", "Aviso a ICE de las liberaciones")
            case .iceAccess: ("ICE access to the jail", "Acceso de ICE a la cárcel")
            case .detentionContract: ("Immigration detention contract", "Contrato de detención migratoria")
            }
        case .position(let position):
            switch position {
            case .activated: ("Activated", "Activado")
            case .declinesAll: ("Declines all detainers", "Rechaza todas las órdenes")
            case .judicialWarrantOnly: ("Only with a judicial warrant", "Solo con orden judicial")
            case .stateLawLimits: ("State law limits them", "La ley estatal las limita")
            case .honorsWithCriteria: ("Honors them with criteria", "Las acepta con criterios")
            case .honorsAll: ("Honors all", "Acepta todas")
            case .stateLawRequires: ("State law requires honoring them", "La ley estatal obliga a aceptarlas")
            case .doesNotNotify: ("Does not notify ICE", "No avisa a ICE")
            case .notifiesWithCriteria: ("Notifies ICE with criteria", "Avisa a ICE con criterios")
            case .notifiesICE: ("Notifies ICE", "Avisa a ICE")
            case .noAccess: ("No ICE access", "Sin acceso de ICE")
            case .limitedAccess: ("Limited access", "Acceso limitado")
            case .fullAccess: ("Full access", "Acceso total")
            case .noContract: ("No contract", "Sin contrato")
            case .contractEnded: ("Contract ended", "Contrato terminado")
            case .hasContract: ("Holds people for ICE under contract", "Retiene personas para ICE por contrato")
            }
        case .instrument(let instrument):
            switch instrument {
            case .ordinance: ("Ordinance", "Ordenanza")
            case .resolution: ("Resolution", "Resolución")
            case .sheriffPolicy: ("Sheriff's policy", "Política del sheriff")
            case .stateLaw: ("State law", "Ley estatal")
            case .courtRuling: ("Court ruling", "Fallo judicial")
            case .contract: ("Contract", "Contrato")
            case .other: ("Other", "Otro")
            }
        case .effective: ("In effect from", "Vigente desde")
        case .document: ("Source document", "Documento fuente")
        case .criteria: ("Criteria, as written", "Criterios, tal como están escritos")
        case .history: ("History", "Historia")
        case .governing: ("What applies now", "Lo que rige ahora")
        case .fromState: ("state law", "ley estatal")
        case .fromCounty: ("county policy", "política del condado")
        case .facilities: ("Jails and detention facilities", "Cárceles y centros de detención")
        case .noFacilities: ("None recorded.", "Ninguno registrado.")
        case .recordPolicy: ("Record a policy", "Registrar una política")
        case .savePolicy: ("Record", "Registrar")
        case .errorPolicy: ("Choose the kind, the position and the instrument, give the date it took effect (e.g. 2019-07-01), and a link to the document starting with https://.", "Elija el tipo, la posición y el instrumento, dé la fecha de vigencia (p. ej. 2019-07-01) y un enlace al documento que empiece con https://.")
        case .kindOfPolicy: ("Policy", "Política")
        case .positionLabel: ("Position", "Posición")
        case .instrumentLabel: ("Instrument", "Instrumento")
        case .importsTitle: ("Import ICE's 287(g) lists", "Importar las listas 287(g) de ICE")
        case .importsIntro: ("Upload the list as ICE publishes it (xlsx) or as CSV. Each import is a snapshot: agreements new to the list are added, those gone from it are ended. The same file twice changes nothing.", "Suba la lista tal como la publica ICE (xlsx) o en CSV. Cada importación es una foto: se agregan los acuerdos nuevos y se terminan los que ya no aparecen. El mismo archivo dos veces no cambia nada.")
        case .importFile: ("File (xlsx or CSV)", "Archivo (xlsx o CSV)")
        case .importList: ("Which list", "Qué lista")
        case .list(let list):
            switch list {
            case .participating: ("Participating agencies", "Agencias participantes")
            case .pending: ("Pending agencies", "Agencias pendientes")
            }
        case .importButton: ("Import", "Importar")
        case .imported(let added, let removed, let unchanged): ("Imported: \(added) added, \(removed) removed, \(unchanged) unchanged.", "Importado: \(added) agregados, \(removed) quitados, \(unchanged) sin cambios.")
        case .alreadyImported(let when): ("This file was already imported (\(when)); nothing changed.", "Este archivo ya se importó (\(when)); no cambió nada.")
        case .tooLarge(let en, let es): ("This file is refused: \(en). Nothing was imported. Upload the list as ICE publishes it.",
                                         "Este archivo se rechaza: \(es). No se importó nada. Suba la lista tal como la publica ICE.")
        case .unreadable: ("This is not an xlsx workbook or a CSV file we can read. Upload the list as ICE publishes it.", "No es un libro xlsx ni un CSV que podamos leer. Suba la lista tal como la publica ICE.")
        case .refused(let row, let column, let value, let reason):
            switch reason {
            case .noHeader: ("No header row: the list needs columns named STATE, LAW ENFORCEMENT AGENCY and SUPPORT TYPE. Nothing was imported.", "No hay fila de encabezado: la lista necesita columnas STATE, LAW ENFORCEMENT AGENCY y SUPPORT TYPE. No se importó nada.")
            case .noRows: ("The list has a header but no agreements. Nothing was imported.", "La lista tiene encabezado pero ningún acuerdo. No se importó nada.")
            case .notAState: ("Row \(row), column \(column): “\(value)” is not a US state. Nothing was imported.", "Fila \(row), columna \(column): “\(value)” no es un estado de EE. UU. No se importó nada.")
            case .missingAgency: ("Row \(row), column \(column): the agency is missing. Nothing was imported.", "Fila \(row), columna \(column): falta la agencia. No se importó nada.")
            case .unknownModel: ("Row \(row), column \(column): “\(value)” is not a 287(g) model (Jail Enforcement, Task Force, Warrant Service Officer). Nothing was imported.", "Fila \(row), columna \(column): “\(value)” no es un modelo 287(g) (cárcel, fuerza de tarea, WSO). No se importó nada.")
            case .badDate: ("Row \(row), column \(column): “\(value)” is not a date. Nothing was imported.", "Fila \(row), columna \(column): “\(value)” no es una fecha. No se importó nada.")
            case .tooLong: ("Row \(row), column \(column): “\(value)” is longer than any name can be (\(AgreementListParser.longestName) characters). Nothing was imported.",
                            "Fila \(row), columna \(column): “\(value)” es más largo que cualquier nombre (\(AgreementListParser.longestName) caracteres). No se importó nada.")
            }
        case .warning(let row, let column, let value): ("Row \(row), column \(column): “\(value)” is not a date; the agreement was imported without it.", "Fila \(row), columna \(column): “\(value)” no es una fecha; el acuerdo se importó sin ella.")
        case .added: ("Added", "Agregados")
        case .removed: ("Removed", "Quitados")
        case .importedOn: ("Imported", "Importado")
        case .rows: ("Agreements in the file", "Acuerdos en el archivo")
        case .noImports: ("No list imported yet.", "Aún no se importó ninguna lista.")
        case .changesTitle: ("What this import changed", "Qué cambió esta importación")
        case .agreementStatus(let status):
            switch status {
            case .active: ("Active", "Vigente")
            case .pending: ("Pending", "Pendiente")
            case .ended: ("Ended", "Terminado")
            }
        case .since: ("On ICE's list since", "En la lista de ICE desde")
        case .mapTitle: ("ICE's hold on every county", "El alcance de ICE en cada condado")
        case .noMap: ("No county outlines loaded yet (amparo import-county-shapes, from the Census Bureau's cartographic boundary file).", "Aún no hay contornos de condados (amparo import-county-shapes, con el archivo de límites cartográficos de la Oficina del Censo).")
        case .noAgreementShort: ("No 287(g) agreement", "Sin acuerdo 287(g)")
        }
    }
}
