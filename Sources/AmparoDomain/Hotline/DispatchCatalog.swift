/// Dispatch and field reports, in English and Spanish, reached through `Text.dispatch(_:)`.
public enum DispatchText: Sendable, Equatable {
    // The dispatcher's side, on a report's page
    case legend, intro, nobodyOnCall, respondersLabel, noteLabel, noteHint, send, sent(Int), errorNoneChosen, errorNotOpen
    case requests, state(DispatchState), delivery(String), fieldReports, filedBy(String), nothingFiled
    // The responder's side
    case requestTitle, requestIntro, accept, decline, declined, acceptedElsewhere, linkInvalid, closedReport
    case formTitle, formIntro, sendReport, thanks, savedOnPhone, sentFromPhone, anotherReport
    case label(FieldReport.Field), hint(FieldReport.Field), finding(FieldReport.Finding), warrant(FieldReport.Warrant)
    case consent(FieldReport.Consent), problem(FieldReport.Field, FieldReport.Problem)
    case message(reference: String, link: String), subject(String)
    case cannotBeSent
    case myRequestsTitle, myRequestsIntro, myRequestsNone, navMyRequests, sentAt(String), answerUntil(String), openRequest, noteShort

    public var pair: (String, String) {
        switch self {
        case .myRequestsTitle: ("My requests", "Mis solicitudes")
        case .myRequestsIntro: ("Dispatchers' requests to go and verify, newest first. Open one to say whether you are going; the link in your text or email opens the same page.", "Solicitudes de despacho para ir a verificar, las más nuevas primero. Abra una para decir si va; el enlace de su mensaje o correo abre la misma página.")
        case .myRequestsNone: ("No open request for you right now.", "No tiene solicitudes abiertas en este momento.")
        case .navMyRequests: ("My requests", "Mis solicitudes")
        case .cannotBeSent: ("not sent: this server cannot send messages yet. They see it under “My requests” when they sign in; call them to be sure.",
                             "no enviada: este servidor todavía no puede enviar mensajes. La verá en «Mis solicitudes» al entrar en Amparo; llámele para asegurarse.")
        case .sentAt(let when): ("Sent \(when)", "Enviada \(when)")
        case .answerUntil(let when): ("The link works until \(when)", "El enlace funciona hasta \(when)")
        case .openRequest: ("Open: I am going / I cannot go", "Abrir: voy / no puedo ir")
        case .noteShort: ("Note", "Nota")
        case .legend: ("Send responders to verify", "Enviar respondedores a verificar")
        case .intro: ("Responders on call now for this report's region. Each gets a one-time link by text or email; nothing is broadcast before you verify.", "Respondedores de turno ahora en la zona de este reporte. Cada uno recibe un enlace de un solo uso por mensaje o correo; nada se difunde antes de que usted verifique.")
        case .nobodyOnCall: ("No responder is on call for this region now. Check the shift schedule.", "No hay respondedores de turno en esta zona ahora. Revise el calendario de turnos.")
        case .respondersLabel: ("Responders on call", "Respondedores de turno")
        case .noteLabel: ("Note for the responders (optional)", "Nota para los respondedores (opcional)")
        case .noteHint: ("What to look for, a safe place to stand. The address is on their page.", "Qué buscar, un lugar seguro para quedarse. La dirección está en su página.")
        case .send: ("Send the request", "Enviar la solicitud")
        case .sent(let n): (Plural.of(n, one: "Request sent to 1 responder.", other: "Request sent to \(n) responders."),
                            Plural.of(n, one: "Solicitud enviada a 1 persona de respuesta.", other: "Solicitud enviada a \(n) personas de respuesta."))
        case .errorNoneChosen: ("Choose at least one responder on call.", "Elija al menos un respondedor de turno.")
        case .errorNotOpen: ("Only a report being worked (claimed or verifying) can be sent to responders. Claim it first.", "Solo un reporte en trabajo (tomado o verificando) se puede enviar a respondedores. Tómelo primero.")
        case .requests: ("Requests to responders", "Solicitudes a respondedores")
        case .state(let state):
            switch state {
            case .waiting: ("no answer yet", "sin respuesta aún")
            case .accepted: ("on the way", "en camino")
            case .declined: ("cannot go", "no puede ir")
            case .filed: ("field report filed", "informe de campo enviado")
            }
        case .delivery(let status):
            switch status {
            case "sent": ("sent, no answer yet", "enviada, sin respuesta aún")
            case "failed": ("could not be delivered", "no se pudo entregar")
            default: ("waiting to be sent", "esperando envío")
            }
        case .fieldReports: ("Field reports", "Informes de campo")
        case .filedBy(let name): ("Filed by \(name)", "Enviado por \(name)")
        case .nothingFiled: ("No field report yet.", "Aún no hay informes de campo.")
        case .requestTitle: ("Verification request", "Solicitud de verificación")
        case .requestIntro: ("A dispatcher asks you to go and see, as a witness. Stay at a safe distance, do not interfere, film if it is safe.", "Un despachador le pide ir a ver, como testigo. Manténgase a una distancia segura, no interfiera, grabe si es seguro.")
        case .accept: ("I am going", "Voy")
        case .decline: ("I cannot go", "No puedo ir")
        case .declined: ("Thank you for answering. The dispatcher will ask someone else.", "Gracias por responder. El despachador le pedirá a otra persona.")
        case .acceptedElsewhere: ("This request was already opened on another device. Use that device, or ask the dispatcher for a new link.", "Esta solicitud ya se abrió en otro dispositivo. Use ese dispositivo, o pida un enlace nuevo al despachador.")
        case .linkInvalid: ("This link is not valid or has expired. Ask the dispatcher for a new one.", "Este enlace no es válido o ya venció. Pida uno nuevo al despachador.")
        case .closedReport: ("This report is already closed. Thank you.", "Este reporte ya está cerrado. Gracias.")
        case .formTitle: ("Field report", "Informe de campo")
        case .formIntro: ("Write what you see. If you lose the connection, send anyway: the report stays on this phone and goes out when the connection returns.", "Escriba lo que ve. Si pierde la conexión, envíe de todos modos: el informe se queda en este teléfono y sale cuando vuelva la conexión.")
        case .sendReport: ("Send the field report", "Enviar el informe de campo")
        case .thanks: ("Field report received. Thank you.", "Informe de campo recibido. Gracias.")
        case .savedOnPhone: ("No connection: the report is saved on this phone and will be sent when the connection returns. Keep this page open.", "Sin conexión: el informe está guardado en este teléfono y se enviará cuando vuelva la conexión. Mantenga esta página abierta.")
        case .sentFromPhone: ("The report saved on this phone has been sent.", "Se envió el informe guardado en este teléfono.")
        case .anotherReport: ("Send an update", "Enviar una actualización")
        case .label(let field):
            switch field {
            case .finding: ("What did you find?", "¿Qué encontró?")
            case .size: ("Size: how many officers and vehicles?", "Tamaño: ¿cuántos agentes y vehículos?")
            case .activity: ("Activity: what are they doing?", "Actividad: ¿qué están haciendo?")
            case .location: ("Location: exactly where?", "Lugar: ¿dónde exactamente?")
            case .unit: ("Unit and uniform: agency, markings, vests", "Unidad y uniforme: agencia, insignias, chalecos")
            case .time: ("Time you saw it", "Hora en que lo vio")
            case .equipment: ("Equipment: vehicles, plates, weapons", "Equipo: vehículos, placas, armas")
            case .warrant: ("Was a warrant shown?", "¿Mostraron una orden?")
            case .consent: ("Entry into a home or building", "Entrada a una casa o edificio")
            case .detained: ("People detained", "Personas detenidas")
            case .takenTo: ("Where were they taken?", "¿A dónde los llevaron?")
            case .witnesses: ("Witnesses (who can tell what happened)", "Testigos (quién puede contar lo que pasó)")
            case .media: ("Photos and videos: where they are kept", "Fotos y videos: dónde se guardan")
            }
        case .hint(let field):
            switch field {
            case .size: ("For example: 6 officers, 3 unmarked SUVs.", "Por ejemplo: 6 agentes, 3 camionetas sin placas.")
            case .unit: ("For example: vests reading POLICE ICE, plain clothes.", "Por ejemplo: chalecos que dicen POLICE ICE, ropa de civil.")
            case .equipment: ("Plate numbers help lawyers and reporters.", "Los números de placa ayudan a abogados y periodistas.")
            case .warrant: ("A judicial warrant names a court and is signed by a judge. ICE forms I-200 and I-205 are signed by an ICE officer and do not allow entry into a home.", "Una orden judicial nombra un tribunal y la firma un juez. Los formularios I-200 e I-205 de ICE los firma un oficial de ICE y no permiten entrar a una casa.")
            case .witnesses: ("Only with their permission. Stored encrypted.", "Solo con su permiso. Se guarda cifrado.")
            case .media: ("Do not upload faces of neighbours here; say who keeps the files.", "No suba aquí caras de vecinos; diga quién guarda los archivos.")
            case .time: ("Hours and minutes, e.g. 14:30.", "Horas y minutos, p. ej. 14:30.")
            default: ("", "")
            }
        case .finding(let finding):
            switch finding {
            case .confirmed: ("Enforcement is happening or happened here", "Hay o hubo una acción de inmigración aquí")
            case .gone: ("They had left when I arrived", "Ya se habían ido cuando llegué")
            case .notFound: ("I found no sign of enforcement", "No encontré señales de una acción")
            }
        case .warrant(let warrant):
            switch warrant {
            case .none: ("No warrant was shown", "No mostraron ninguna orden")
            case .judicial: ("Yes, a judicial warrant (signed by a judge, names a court)", "Sí, una orden judicial (firmada por un juez, nombra un tribunal)")
            case .administrative: ("Yes, an ICE form I-200 or I-205 (administrative)", "Sí, un formulario de ICE I-200 o I-205 (administrativo)")
            case .unclear: ("Yes, but I could not tell which kind", "Sí, pero no pude ver de qué tipo")
            case .unknown: ("I do not know", "No sé")
            }
        case .consent(let consent):
            switch consent {
            case .noEntry: ("Nobody tried to enter", "Nadie intentó entrar")
            case .given: ("Someone let them in", "Alguien los dejó entrar")
            case .refused: ("Entry was refused and they stayed out", "Se negó la entrada y se quedaron afuera")
            case .enteredWithout: ("They entered without consent", "Entraron sin consentimiento")
            case .unknown: ("I do not know", "No sé")
            }
        case .problem(let field, let problem):
            switch problem {
            case .missing: field == .finding ? ("Say what you found.", "Diga qué encontró.") : ("Fill in this field.", "Llene este campo.")
            case .tooLong(let n): ("Use at most \(n) characters.", "Use como máximo \(n) caracteres.")
            case .controlCharacter: ("Remove the invisible control characters from the text.", "Quite los caracteres de control invisibles del texto.")
            case .unknownChoice: ("Choose one of the listed options.", "Elija una de las opciones de la lista.")
            case .notANumber(let range): ("Enter a number from \(range.lowerBound) to \(range.upperBound).", "Escriba un número de \(range.lowerBound) a \(range.upperBound).")
            case .badTime: ("Enter the time as hours and minutes, e.g. 14:30.", "Escriba la hora como horas y minutos, p. ej. 14:30.")
            }
        case .message(let reference, let link): ("Amparo: can you verify report \(reference)? Open \(link)", "Amparo: ¿puede verificar el reporte \(reference)? Abra \(link)")
        case .subject(let reference): ("Verification request \(reference)", "Solicitud de verificación \(reference)")
        }
    }
}
