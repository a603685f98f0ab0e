/// The case pages' strings, in English and Spanish, reached through `Text.cases(_:)`.
public enum CasesText: Sendable, Equatable {
    /// What is wrong with a field of a case form.
    public enum Problem: String, Sendable, Equatable, Codable, CaseIterable { case name, consent, team, text }

    case navCases, listTitle, listIntro, noCases, caseTitle, unnamed, person, name, birthDate, phone, aNumber, aNumberHint
    case language, team, intakeQueue, consent, consentHint, consentRecorded(String), savePerson, saved
    case timeline, noEvents, addEvent, step(CustodyStep), stepLabel, when, whenHint, place, placeHint, source, sourceHint
    case detainerForm, form(DetainerForm), noForm, judicialWarrant, jailResponse, response(JailResponse), noResponse, detail, detailHint
    case saveEvent, correct, corrected, replacedBy
    case holdRunning(hours: Int, since: String), holdStopped(hours: Int), holdUnlawful, holdWarrant, holdLeft(hours: Int, until: String)
    case errorStep, errorWhen, errorText, caseNotFound, opened, status
    case holdAlertSubject(Int), holdAlertBody(hours: Int, link: String)
    case contacts, noContacts, contactName, relationship, reach, reachHint, channel, addContact, removeContact
    case dataTitle, export, exportJSON, eraseLegend, eraseHint, eraseConfirm, eraseButton, erased, errorConfirm
    case close, closed, recordedBy
    case countsTitle, countsIntro, countsMonth, countsPeople, navCounts
    case problem(Problem), caseStatus(CaseStatus), newCaseTitle, newCaseIntro, openCase, errorName, errorConsent, errorTeam, fromReport, direct, origin
    case phase(CustodyPhase), chooseEvent, addThisEvent(CustodyStep), otherEvent, countsAnonymous, countsTeams, countsTeamsIntro, countsPlaceNote, whereNow, nextHearing, holdShort(hours: Int, left: Int), holdOverdue(hours: Int), unknownPlace, noHearing, holdsNowTitle, holdsNowIntro

    public var pair: (String, String) {
        switch self {
        case .navCases: ("Cases", "Casos")
        case .problem(let problem):
            switch problem {
            case .name: Self.errorName.pair
            case .consent: Self.errorConsent.pair
            case .team: Self.errorTeam.pair
            case .text: Self.errorText.pair
            }
        case .caseStatus(let status):
            switch status {
            case .open: ("Open", "Abierto")
            case .closed: ("Closed", "Cerrado")
            }
        case .newCaseTitle: ("Open a case", "Abrir un caso")
        case .newCaseIntro: ("For a person the group learns about directly: a family's call, a visit, a referral. Record what they agreed to.", "Para una persona de la que el grupo se entera directamente: una llamada de la familia, una visita, una referencia. Anote lo que aceptaron.")
        case .openCase: ("Open the case", "Abrir el caso")
        case .errorName: ("Write the person's name (up to 300 characters).", "Escriba el nombre de la persona (hasta 300 caracteres).")
        case .errorConsent: ("Write what the person or family agreed to: a case holds their data only with consent.", "Escriba lo que aceptó la persona o la familia: un caso guarda sus datos solo con consentimiento.")
        case .errorTeam: ("Choose one of your teams, or none.", "Elija uno de sus equipos, o ninguno.")
        case .fromReport: ("From report", "Del reporte")
        case .direct: ("Opened directly", "Abierto directamente")
        case .origin: ("How it came", "Cómo llegó")
        case .phase(let phase):
            switch phase {
            case .arrestAndJail: ("Arrest and jail", "Arresto y cárcel")
            case .iceCustody: ("ICE custody", "Custodia de ICE")
            case .courtAndBond: ("Court and bond", "Corte y fianza")
            case .outcome: ("Outcome", "Desenlace")
            }
        case .chooseEvent: ("What do you want to add? Choose one; its form opens below.", "¿Qué quiere agregar? Elija uno; su formulario se abre abajo.")
        case .addThisEvent(let step): ("Add: \(Self.step(step).pair.0)", "Agregar: \(Self.step(step).pair.1)")
        case .otherEvent: ("Choose something else", "Elegir otra cosa")
        case .countsAnonymous: ("Every case, anonymous (to share)", "Todos los casos, anónimos (para compartir)")
        case .countsTeams: ("Your teams' cases, exact", "Casos de sus equipos, exactos")
        case .countsTeamsIntro: ("Exact counts of your own teams' cases, for your work inside Amparo. Do not share them: a small number can point at a person.", "Conteos exactos de los casos de sus equipos, para su trabajo dentro de Amparo. No los comparta: un número pequeño puede señalar a una persona.")
        case .countsPlaceNote: ("Places are facilities from the registry; a place typed by hand is counted under its county only (—).", "Los lugares son los centros del registro; un lugar escrito a mano se cuenta solo en su condado (—).")
        case .whereNow: ("Where now", "Dónde está")
        case .nextHearing: ("Next hearing", "Próxima audiencia")
        case .holdShort(let hours, let left): ("Held \(hours) h on the detainer alone · \(left) h left to 48", "\(hours) h de retención solo por la orden · quedan \(left) h para las 48")
        case .holdOverdue(let hours): ("Held \(hours) h on the detainer alone: past 48 hours", "\(hours) h de retención solo por la orden: pasó de 48 horas")
        case .unknownPlace: ("Not recorded", "Sin anotar")
        case .noHearing: ("None ahead", "Ninguna pendiente")
        case .holdsNowTitle: ("Holds running now", "Retenciones en curso")
        case .holdsNowIntro: ("People held on an ICE detainer alone after their local custody ended. Every hour past 48 is unlawful without a judge's warrant.", "Personas retenidas solo por una orden de ICE después de terminar su custodia local. Cada hora después de las 48 es ilegal sin orden de un juez.")
        case .listTitle: ("Cases", "Casos")
        case .listIntro: ("People the group supports through the pipeline: your teams' cases and the ones no team has taken yet.", "Personas que el grupo acompaña en el proceso: los casos de sus equipos y los que ningún equipo ha tomado aún.")
        case .noCases: ("No cases here.", "No hay casos aquí.")
        case .caseTitle: ("Case", "Caso")
        case .unnamed: ("(name not recorded)", "(nombre no registrado)")
        case .person: ("The person", "La persona")
        case .name: ("Name", "Nombre")
        case .birthDate: ("Date of birth", "Fecha de nacimiento")
        case .phone: ("Phone", "Teléfono")
        case .aNumber: ("A-number", "Número A")
        case .aNumberHint: ("Only the legal team sees it.", "Solo el equipo legal lo ve.")
        case .language: ("Language", "Idioma")
        case .team: ("Team that follows the case", "Equipo que sigue el caso")
        case .intakeQueue: ("No team yet (every case worker)", "Ningún equipo aún (todo el equipo de casos)")
        case .consent: ("Consent", "Consentimiento")
        case .consentHint: ("What the person or family agreed to share, and with whom. Write their words.", "Qué aceptó compartir la persona o su familia, y con quién. Escriba sus palabras.")
        case .consentRecorded(let when): ("Recorded \(when)", "Registrado \(when)")
        case .savePerson: ("Save", "Guardar")
        case .saved: ("Saved.", "Guardado.")
        case .timeline: ("Custody timeline", "Cronología de la custodia")
        case .noEvents: ("Nothing recorded yet.", "Nada registrado aún.")
        case .addEvent: ("Add to the timeline", "Agregar a la cronología")
        case .step(let step):
            switch step {
            case .arrested: ("Arrested", "Arresto")
            case .booked: ("Booked into jail", "Ingreso a la cárcel")
            case .detainerLodged: ("ICE detainer lodged", "ICE puso una orden de retención (detainer)")
            case .jailResponse: ("Jail's answer to the detainer", "Respuesta de la cárcel a la orden")
            case .localCustodyEnded: ("Local custody ended (bail, charges dropped, sentence served)", "Terminó la custodia local (fianza, cargos retirados, condena cumplida)")
            case .transferredToICE: ("Transferred to ICE", "Entrega a ICE")
            case .detained: ("In immigration detention", "En detención migratoria")
            case .facilityTransfer: ("Moved to another facility", "Traslado a otro centro")
            case .hearing: ("Immigration court hearing", "Audiencia en la corte de inmigración")
            case .bond: ("Bond", "Fianza migratoria")
            case .released: ("Released", "Liberación")
            case .reliefGranted: ("Relief granted", "Se otorgó alivio migratorio")
            case .removed: ("Removed (deported)", "Deportación")
            }
        case .stepLabel: ("What happened", "Qué pasó")
        case .when: ("When", "Cuándo")
        case .whenHint: ("Date and time, local time.", "Fecha y hora, hora local.")
        case .place: ("Where", "Dónde")
        case .placeHint: ("The jail, facility or court.", "La cárcel, el centro o la corte.")
        case .source: ("How we know", "Cómo lo sabemos")
        case .sourceHint: ("For example: the family, the jail roster, ICE's detainee locator.", "Por ejemplo: la familia, la lista de la cárcel, el localizador de ICE.")
        case .detainerForm: ("Detainer form", "Formulario de la orden")
        case .form(let form):
            switch form {
            case .i247A: ("I-247A (hold request)", "I-247A (pide retener)")
            case .i247N: ("I-247N (notification only)", "I-247N (solo aviso)")
            case .other: ("Other", "Otro")
            }
        case .noForm: ("Not a detainer", "No es una orden")
        case .judicialWarrant: ("A warrant signed by a judge came with it", "Venía con una orden firmada por un juez")
        case .jailResponse: ("The jail's answer", "Respuesta de la cárcel")
        case .response(let response):
            switch response {
            case .honored: ("Honored the detainer", "Aceptó la orden")
            case .declined: ("Declined the detainer", "Rechazó la orden")
            case .released: ("Released the person", "Liberó a la persona")
            }
        case .noResponse: ("Not an answer", "No es una respuesta")
        case .detail: ("Details", "Detalles")
        case .detailHint: ("Agency, boxes checked on the detainer, bond amount… Stored encrypted.", "Agencia, casillas marcadas en la orden, monto de la fianza… Se guarda cifrado.")
        case .saveEvent: ("Add", "Agregar")
        case .correct: ("Correct", "Corregir")
        case .corrected: ("corrected", "corregido")
        case .replacedBy: ("replaced by a correction", "reemplazado por una corrección")
        case .holdRunning(let hours, let since): ("Held on the ICE detainer alone for \(hours) hours (since \(since)).", "\(hours) horas de retención solo por la orden de ICE (desde \(since)).")
        case .holdStopped(let hours): ("Was held on the detainer alone for \(hours) hours.", "Hubo \(hours) horas de retención solo por la orden.")
        case .holdLeft(let hours, let until): ("\(hours) hours left until 48 (\(until)).", "Quedan \(hours) horas para las 48 (\(until)).")
        case .holdUnlawful: ("More than 48 hours: this may be an unlawful seizure (Miranda-Olivares v. Clackamas County). Call the legal team now.", "Más de 48 horas: puede ser una detención ilegal (Miranda-Olivares v. Clackamas County). Llame ahora al equipo legal.")
        case .holdWarrant: ("A judge's warrant came with the detainer.", "La orden venía con una orden judicial.")
        case .errorStep: ("Choose what happened from the list.", "Elija qué pasó de la lista.")
        case .errorWhen: ("Enter the date and time, e.g. 2027-01-15 14:30.", "Escriba la fecha y la hora, p. ej. 2027-01-15 14:30.")
        case .errorText: ("Keep each field short (300 characters, details 2,000) and without control characters.", "Mantenga cada campo corto (300 caracteres, detalles 2.000) y sin caracteres de control.")
        case .caseNotFound: ("No case here, or not one of your teams'.", "No hay un caso aquí, o no es de sus equipos.")
        case .opened: ("Opened", "Abierto")
        case .status: ("Status", "Estado")
        case .contacts: ("Family and support", "Familia y apoyo")
        case .noContacts: ("No contacts recorded.", "No hay contactos registrados.")
        case .contactName: ("Name", "Nombre")
        case .relationship: ("Relationship", "Relación")
        case .reach: ("Phone or email", "Teléfono o correo")
        case .reachHint: ("Stored encrypted.", "Se guarda cifrado.")
        case .channel: ("Best way to reach them", "Mejor forma de contactarles")
        case .addContact: ("Add a contact", "Agregar un contacto")
        case .removeContact: ("Remove", "Quitar")
        case .dataTitle: ("The person's data", "Los datos de la persona")
        case .export: ("Export everything (printable page)", "Exportar todo (página imprimible)")
        case .exportJSON: ("Export everything (JSON)", "Exportar todo (JSON)")
        case .eraseLegend: ("Erase on request", "Borrar a pedido")
        case .eraseHint: ("Removes everything that identifies the person and their family: name, birth date, phones, A-number, consent, contacts, timeline details, notes, tasks, visit reports. What happened and when stays, anonymous, for the counts. Type ERASE to confirm.", "Quita todo lo que identifica a la persona y a su familia: nombre, fecha de nacimiento, teléfonos, número A, consentimiento, contactos, detalles de la cronología, notas, tareas, informes de visitas. Qué pasó y cuándo queda, anónimo, para los conteos. Escriba BORRAR para confirmar.")
        case .eraseConfirm: ("Confirmation", "Confirmación")
        case .eraseButton: ("Erase the person's data", "Borrar los datos de la persona")
        case .erased: ("The person's data was erased on request.", "Los datos de la persona se borraron a pedido.")
        case .errorConfirm: ("Type ERASE (or BORRAR) to confirm.", "Escriba BORRAR (o ERASE) para confirmar.")
        case .close: ("Close the case", "Cerrar el caso")
        case .closed: ("Closed", "Cerrado")
        case .recordedBy: ("Recorded by", "Registrado por")
        case .countsTitle: ("People supported, by jail and month:", "Personas acompañadas, por cárcel y mes:")
        case .countsIntro: ("Anonymous counts for campaigns: no names, and any number under 5 is shown as <5.", "Conteos anónimos para las campañas: sin nombres, y todo número menor que 5 aparece como <5.")
        case .countsMonth: ("Month", "Mes")
        case .countsPeople: ("People", "Personas")
        case .navCounts: ("Case counts", "Conteos de casos")
        case .holdAlertSubject(let hours): ("Amparo: held \(hours) hours on an ICE detainer alone", "Amparo: \(hours) horas retenida solo por una orden de ICE")
        case .holdAlertBody(let hours, let link): ("A person the group supports has been held for \(hours) hours on an ICE detainer alone, after their local custody ended. Such a hold may be an unlawful seizure. The case: \(link)", "Una persona que el grupo acompaña lleva \(hours) horas retenida solo por una orden de ICE, después de terminar su custodia local. Esa retención puede ser ilegal. El caso: \(link)")
        }
    }
}
