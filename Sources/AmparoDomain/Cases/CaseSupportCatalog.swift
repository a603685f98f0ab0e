/// Strings for the case's support sections (timeline facts, referral, bond fund, tasks, notes) and
/// the visitation program, in English and Spanish, reached through `Text.support(_:)`.
public enum SupportText: Sendable, Equatable {
    // Timeline facts
    case agency, agencyHint, county, countyHint, facility, noFacility, probableCause, cause(ProbableCause)
    case hearingKind, hearing(HearingKind), noHearing, bondAmount, bondStageLabel, bondStage(BondStage), noBondStage
    // Referral
    case referral, referralOrganization, referralAttorney, referralStatusLabel, referralStatus(ReferralStatus), noReferral, saveReferral
    // Bond fund
    case bondFund, bondFundIntro, noBondRequests, requestBond, amount, amountHint, bondNote, bondStatus(BondRequestStatus)
    case bondMove(BondRequestStatus), paidAmount, errorAmount, errorBondStep
    // Tasks and notes
    case tasks, noTasks, addTask, taskTitle, due, assignee, nobody, markDone, done, overdue
    case hearingTask(String), taskReminderSubject, taskReminderBody(due: String, link: String)
    case notes, noNotes, addNote, noteBody, errorNote, errorTask, errorDue
    // Visitation
    case navVisits, visits, noVisits, scheduleVisit, visitor, visitWhen, visitStatus(VisitStatus), untrained, errorVisitor, errorFacility
    case myVisitsTitle, myVisitsIntro, visitTitle, visitRules, visitingHours, idRules, dressCode, approval, facilityLanguages
    case reportVisit, visitReport, visitReportHint, sharedWithFamily, outcome, saveReport, cancelVisit, personLanguage, whereNow
    case transferSubject, transferBody(facility: String, link: String), movedNotice
    case navFacilities, facilitiesTitle, facilitiesIntro, noFacilities, addFacility, facilityName, facilityKind, kind(FacilityKind)
    case city, state, saveFacility, errorFacilityName, editFacility
    case visitorsTitle, visitorsIntro, noVisitors, trainedOn, trainedOnHint, languages, saveVisitor, errorTrainedOn
    // Counts
    case countsByCounty, heldPastRelease, countsYear, countsCountyLabel, allCounties, countsKind, countsFilter

    public var pair: (String, String) {
        switch self {
        case .agency: ("Agency", "Agencia")
        case .agencyHint: ("Who arrested or holds the person: a police department, the sheriff, ICE.", "Quién arrestó o retiene a la persona: la policía, el sheriff, ICE.")
        case .county: ("County", "Condado")
        case .countyHint: ("For the anonymous counts by county.", "Para los conteos anónimos por condado.")
        case .facility: ("Facility from the list", "Centro de la lista")
        case .noFacility: ("Not in the list (type the place)", "No está en la lista (escriba el lugar)")
        case .probableCause: ("Boxes checked on the detainer (probable cause)", "Casillas marcadas en la orden (causa probable)")
        case .cause(let box):
            switch box {
            case .finalOrder: ("A final order of removal", "Una orden final de deportación")
            case .pendingProceedings: ("Removal proceedings are pending", "Hay un proceso de deportación pendiente")
            case .biometricMatch: ("Biometric match and database records", "Coincidencia biométrica y registros")
            case .statements: ("Statements to an immigration officer", "Declaraciones a un agente de inmigración")
            }
        case .hearingKind: ("Kind of hearing", "Tipo de audiencia")
        case .hearing(let kind):
            switch kind {
            case .masterCalendar: ("Master calendar", "Audiencia preliminar (master calendar)")
            case .individual: ("Individual (merits)", "Audiencia individual (de fondo)")
            case .bond: ("Bond hearing", "Audiencia de fianza")
            case .credibleFear: ("Credible fear review", "Revisión de miedo creíble")
            case .other: ("Other", "Otra")
            }
        case .noHearing: ("Not a hearing", "No es una audiencia")
        case .bondAmount: ("Bond amount (USD)", "Monto de la fianza (USD)")
        case .bondStageLabel: ("Bond", "Fianza")
        case .bondStage(let stage):
            switch stage {
            case .requested: ("Requested", "Solicitada")
            case .set: ("Set by ICE or the judge", "Fijada por ICE o el juez")
            case .denied: ("Denied", "Negada")
            case .paidByFund: ("Paid by the bond fund", "Pagada por el fondo de fianzas")
            case .paidByFamily: ("Paid by the family", "Pagada por la familia")
            }
        case .noBondStage: ("Not about bond", "No es sobre fianza")
        case .referral: ("Legal referral", "Referencia legal")
        case .referralOrganization: ("Organization", "Organización")
        case .referralAttorney: ("Attorney", "Abogado/a")
        case .referralStatusLabel: ("Where it stands", "En qué está")
        case .referralStatus(let status):
            switch status {
            case .referred: ("Referred", "Referido")
            case .accepted: ("Accepted", "Aceptado")
            case .declined: ("Declined", "Rechazado")
            case .representing: ("Representing the person", "Representa a la persona")
            case .closed: ("Closed", "Cerrado")
            }
        case .noReferral: ("Not referred yet", "Sin referencia aún")
        case .saveReferral: ("Save the referral", "Guardar la referencia")
        case .bondFund: ("Bond fund", "Fondo de fianzas")
        case .bondFundIntro: ("Requests to the group's bond fund, from asking to paying.", "Pedidos al fondo de fianzas del grupo, desde la solicitud hasta el pago.")
        case .noBondRequests: ("No requests.", "No hay pedidos.")
        case .requestBond: ("Ask the fund", "Pedir al fondo")
        case .amount: ("Amount (USD)", "Monto (USD)")
        case .amountHint: ("For example 1500 or 1,500.00.", "Por ejemplo 1500 o 1,500.00.")
        case .bondNote: ("Note (receipt, who posts it). Stored encrypted.", "Nota (recibo, quién la paga). Se guarda cifrada.")
        case .bondStatus(let status):
            switch status {
            case .requested: ("Requested", "Solicitado")
            case .approved: ("Approved", "Aprobado")
            case .declined: ("Declined", "Rechazado")
            case .paid: ("Paid", "Pagado")
            case .returned: ("Returned to the fund", "Devuelto al fondo")
            }
        case .bondMove(let status):
            switch status {
            case .requested: ("Request", "Solicitar")
            case .approved: ("Approve", "Aprobar")
            case .declined: ("Decline", "Rechazar")
            case .paid: ("Record the payment", "Registrar el pago")
            case .returned: ("Record the return", "Registrar la devolución")
            }
        case .paidAmount: ("Amount paid (USD)", "Monto pagado (USD)")
        case .errorAmount: ("Enter an amount in dollars, e.g. 1500 or 1,500.00.", "Escriba un monto en dólares, p. ej. 1500 o 1,500.00.")
        case .errorBondStep: ("That step does not follow from where the request stands.", "Ese paso no corresponde al estado del pedido.")
        case .tasks: ("Tasks and reminders", "Tareas y recordatorios")
        case .noTasks: ("No tasks.", "No hay tareas.")
        case .addTask: ("Add a task", "Agregar una tarea")
        case .taskTitle: ("What to do", "Qué hacer")
        case .due: ("Due", "Para cuándo")
        case .assignee: ("Who", "Quién")
        case .nobody: ("The case team", "El equipo del caso")
        case .markDone: ("Done", "Hecho")
        case .done: ("done", "hecha")
        case .overdue: ("overdue", "atrasada")
        case .hearingTask(let when): ("Prepare for the hearing on \(when): tell the family, find a ride, check the attorney", "Preparar la audiencia del \(when): avisar a la familia, conseguir transporte, confirmar con el abogado")
        case .taskReminderSubject: ("Amparo: a case task is due", "Amparo: una tarea de un caso vence pronto")
        case .taskReminderBody(let due, let link): ("A task on a case you follow is due \(due). The case: \(link)", "Una tarea de un caso que usted sigue vence el \(due). El caso: \(link)")
        case .notes: ("Notes", "Notas")
        case .noNotes: ("No notes.", "No hay notas.")
        case .addNote: ("Add a note", "Agregar una nota")
        case .noteBody: ("Note (stored encrypted)", "Nota (se guarda cifrada)")
        case .errorNote: ("Write the note (at most 4,000 characters).", "Escriba la nota (como máximo 4.000 caracteres).")
        case .errorTask: ("Say what to do (at most 300 characters).", "Diga qué hay que hacer (como máximo 300 caracteres).")
        case .errorDue: ("Enter the date and time it is due, e.g. 2027-01-15 09:00.", "Escriba la fecha y la hora, p. ej. 2027-01-15 09:00.")
        case .navVisits: ("Visits", "Visitas")
        case .visits: ("Visits", "Visitas")
        case .noVisits: ("No visits.", "No hay visitas.")
        case .scheduleVisit: ("Plan a visit", "Planear una visita")
        case .visitor: ("Visitor", "Visitante")
        case .visitWhen: ("When", "Cuándo")
        case .visitStatus(let status):
            switch status {
            case .scheduled: ("Planned", "Planeada")
            case .done: ("Done", "Hecha")
            case .denied: ("Turned away by the facility", "El centro no permitió la visita")
            case .cancelled: ("Cancelled", "Cancelada")
            case .moved: ("The person was moved: plan again", "Trasladaron a la persona: planear de nuevo")
            }
        case .untrained: ("not trained yet", "sin capacitación aún")
        case .errorVisitor: ("Choose a trained visitor from the list.", "Elija un visitante capacitado de la lista.")
        case .errorFacility: ("Choose the facility from the list (add it under Facilities first).", "Elija el centro de la lista (agréguelo antes en Centros).")
        case .myVisitsTitle: ("My visits", "Mis visitas")
        case .myVisitsIntro: ("The people you visit, where, and the facility's rules. Report each visit after it.", "Las personas que usted visita, dónde y las reglas del centro. Informe cada visita después.")
        case .visitTitle: ("Visit", "Visita")
        case .visitRules: ("Visiting rules", "Reglas de visita")
        case .visitingHours: ("Visiting hours", "Horario de visitas")
        case .idRules: ("ID needed", "Identificación necesaria")
        case .dressCode: ("Dress code", "Código de vestimenta")
        case .approval: ("How to get approved", "Cómo obtener aprobación")
        case .facilityLanguages: ("Languages", "Idiomas")
        case .reportVisit: ("Report the visit", "Informar la visita")
        case .visitReport: ("How the person is, what they need", "Cómo está la persona, qué necesita")
        case .visitReportHint: ("Only what they agreed to share. Stored encrypted.", "Solo lo que aceptó compartir. Se guarda cifrado.")
        case .sharedWithFamily: ("The person agreed that this be passed on to their family", "La persona aceptó que esto se comparta con su familia")
        case .outcome: ("How it went", "Cómo fue")
        case .saveReport: ("Save the report", "Guardar el informe")
        case .cancelVisit: ("Cancel the visit", "Cancelar la visita")
        case .personLanguage: ("Their language", "Su idioma")
        case .whereNow: ("Held at", "Detenida en")
        case .transferSubject: ("Amparo: a person you visit was moved", "Amparo: trasladaron a una persona que usted visita")
        case .transferBody(let facility, let link): ("A person the visitation team follows was moved to \(facility). Planned visits elsewhere were marked to plan again. The case: \(link)", "Una persona que el equipo de visitas acompaña fue trasladada a \(facility). Las visitas planeadas en otro lugar quedaron para planear de nuevo. El caso: \(link)")
        case .movedNotice: ("Moved to another facility before the visit.", "Trasladada a otro centro antes de la visita.")
        case .navFacilities: ("Facilities", "Centros")
        case .facilitiesTitle: ("Jails and detention facilities", "Cárceles y centros de detención")
        case .facilitiesIntro: ("Where people are held and what a visitor must know to get in. Public facts.", "Dónde se retiene a las personas y qué debe saber un visitante para entrar. Datos públicos.")
        case .noFacilities: ("No facilities yet.", "No hay centros aún.")
        case .addFacility: ("Add a facility", "Agregar un centro")
        case .facilityName: ("Name", "Nombre")
        case .facilityKind: ("Kind", "Tipo")
        case .kind(let kind):
            switch kind {
            case .countyJail: ("County jail", "Cárcel del condado")
            case .igsa: ("Jail with an ICE agreement (IGSA)", "Cárcel con acuerdo con ICE (IGSA)")
            case .usmsIGA: ("Jail under a Marshals agreement (USMS IGA)", "Cárcel con acuerdo con los Marshals (USMS IGA)")
            case .dedicated: ("ICE facility", "Centro de ICE")
            case .privateFacility: ("Private detention center", "Centro de detención privado")
            }
        case .city: ("City", "Ciudad")
        case .state: ("State (two letters)", "Estado (dos letras)")
        case .saveFacility: ("Save the facility", "Guardar el centro")
        case .errorFacilityName: ("Give the facility a name and a two-letter state (each field at most 300 characters); the name must not be in the list already.", "Dé al centro un nombre y un estado de dos letras (cada campo hasta 300 caracteres); el nombre no debe estar ya en la lista.")
        case .editFacility: ("Edit", "Editar")
        case .visitorsTitle: ("Visitors", "Visitantes")
        case .visitorsIntro: ("Members with the visitor role: when they were trained and the languages they speak. Only trained visitors can be sent on a visit.", "Miembros con el rol de visitante: cuándo se capacitaron y qué idiomas hablan. Solo se envía a visitantes capacitados.")
        case .noVisitors: ("No members with the visitor role yet.", "Aún no hay miembros con el rol de visitante.")
        case .trainedOn: ("Trained on", "Capacitación")
        case .trainedOnHint: ("The date of their visitor training.", "La fecha de su capacitación para visitas.")
        case .languages: ("Languages", "Idiomas")
        case .saveVisitor: ("Save", "Guardar")
        case .errorTrainedOn: ("Enter the training date as a date (e.g. 2026-10-03) and languages in at most 200 characters.", "Escriba la fecha de capacitación (p. ej. 2026-10-03) y los idiomas en hasta 200 caracteres.")
        case .countsByCounty: ("People supported, by county, jail and what happened:", "Personas acompañadas, por condado, cárcel y lo que pasó:")
        case .heldPastRelease: ("Held on the detainer after local custody ended", "Retenida por la orden después de terminar la custodia local")
        case .countsYear: ("Year", "Año")
        case .countsCountyLabel: ("County", "Condado")
        case .allCounties: ("All counties", "Todos los condados")
        case .countsKind: ("What happened", "Qué pasó")
        case .countsFilter: ("Show", "Mostrar")
        }
    }
}
