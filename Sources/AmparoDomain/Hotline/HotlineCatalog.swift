/// The hotline's strings, in English and Spanish. Reached through `Text.hotline(_:)` so pages and
/// errors use one catalog type.
public enum HotlineText: Sendable, Equatable {
    // Public report page
    case reportTitle, reportIntro, reportSafety, whatLabel, whatHint, placeLabel, placeHint, whenLabel
    case whenChoice(Int), officersLabel, vehiclesLabel, countHint, agencyLabel, agency(Agency)
    case pinLegend, pinPrecision, pinHint, latitude, longitude, pinExact, pinBlurred, callbackLabel, callbackHint
    case honeypotLabel, sendReport, thanksTitle, thanksBody(String), thanksNext, reportAnother
    case answerOnCall, answerNobody, answerNobodyNoAlarm, answerNextShift(String), answerCall, useMyLocation, locating, locationFailed, locationSet
    case statusTitle, statusIntro, statusCodeLabel, statusCheck, statusUnknown, publicState(PublicReportState), checkStatusLater
    case keptTitle, keptBody, keptWaiting, keptSent, keptSentPlain, keptRefused, keptNewReport
    case tooManyReports
    case problem(ReportField, ReportProblem)
    // Dispatcher inbox
    case inboxTitle, inboxIntro, inboxEmpty, showOpen, showAll, olderReports, received, reference, place, agencyShort
    case status(ReportStatus), urgency(ReportUrgency), urgencyLabel, claimedBy, nobody, occurred, officersAndVehicles
    case description, pin, callback, history, claim, moveTo, reasonLabel, reasonHint, apply
    case claimedByOther, notAllowed(ReportStatus, ReportStatus), reportNotFound, purged
    case navHotline, setUrgency
    case duplicateOfLabel, duplicateOfHint, duplicateOfMissing, duplicateOfUnknown, duplicateOf, duplicates
    case shiftsTitle, shiftsIntro, onCallNow, nobodyOnCall, weeklySchedule, noShifts, duty(WeeklyShift.Duty), dutyLabel
    case weekday(Int), weekdayLabel, startsLabel, endsLabel, clockHint, memberLabel, teamLabel, addShift, removeShift
    case yourNextShifts, noShiftsOfYours, offerSwap, openSwaps, takeSwap, offeredBy(String), noOpenSwaps, swapOffered, swapTaken
    case shiftProblem(WeeklyShift.Problem), shiftMemberCannot, shiftUnknownChoice, swapNotYours, swapGone, navShifts, whenLabelShort
    case smsReceived(String), smsStopped, smsStart(String), smsHelp(String), smsPlaceUnknown, conversation, replyLabel, replyButton
    case replyNotConfigured, fromReporter, fromDispatcher
    case regionLabel, noRegion, setRegion, regionSet(String)
    case detainedLegend, detainedHint, detainedCount, openCases, casesOpened(Int), errorDetainedCount, notVerifiedForCase
    case photosLegend, photosHint, addPhotos, photosAdded(Int), photoProblem(PhotoCleaner.Problem), photosTooMany(Int), photosTooLarge(Int), photosNone
    case photosLinkExpired, photosTitle, photo(Int)
    case fallbackTitle, fallbackLabel, fallbackCoordinators, fallbackSave
    case voiceMenu, voiceConnecting, voiceVoicemail, voiceThanks, voicemailReport(Int, String), banNumber, banned
    case bulkLegend, bulkClaim, bulkFalseAlarm, selectReport(String), bulkResult(changed: Int, skipped: Int), bulkNothingSelected
    // Live inbox and the on-call alarm
    case liveUpdates, refresh, liveChanged, liveInboxChanged, liveReload, soundOn, soundIsOn, alarmSubject, alarmBody(String), escalatedSubject, escalatedBody(String)

    var pair: (String, String) {
        switch self {
        case .reportTitle: ("Report immigration enforcement", "Reportar una acción de inmigración")
        case .reportIntro: ("Tell us what you see. A trained volunteer checks every report before any alert goes out. You do not need to give your name.", "Cuéntenos lo que ve. Una persona voluntaria capacitada revisa cada reporte antes de enviar cualquier alerta. No necesita dar su nombre.")
        case .reportSafety: ("Stay safe. You have the right to remain silent and to film in public places.", "Manténgase a salvo. Tiene derecho a guardar silencio y a grabar en lugares públicos.")
        case .whatLabel: ("What is happening?", "¿Qué está pasando?")
        case .whatHint: ("For example: two unmarked vans, officers stopping people outside the store.", "Por ejemplo: dos camionetas sin placas, agentes deteniendo personas afuera de la tienda.")
        case .placeLabel: ("Where?", "¿Dónde?")
        case .placeHint: ("An address, cross streets or a place people know.", "Una dirección, las calles que se cruzan o un lugar conocido.")
        case .whenLabel: ("When?", "¿Cuándo?")
        case .whenChoice(let minutes):
            switch minutes {
            case 0: ("Happening now", "Está pasando ahora")
            case 15: ("Less than 30 minutes ago", "Hace menos de 30 minutos")
            case 45: ("30 to 60 minutes ago", "Hace 30 a 60 minutos")
            case 120: ("1 to 3 hours ago", "Hace 1 a 3 horas")
            default: ("Earlier", "Antes")
            }
        case .officersLabel: ("How many officers?", "¿Cuántos agentes?")
        case .vehiclesLabel: ("How many vehicles?", "¿Cuántos vehículos?")
        case .countHint: ("A number, or leave empty if you do not know.", "Un número, o déjelo vacío si no sabe.")
        case .agencyLabel: ("Which agency, if you know?", "¿Qué agencia, si sabe?")
        case .agency(let agency):
            switch agency {
            case .unknown: ("I don't know", "No sé")
            case .ice: ("ICE", "ICE (Inmigración)")
            case .cbp: ("Border Patrol / CBP", "Patrulla Fronteriza / CBP")
            case .police: ("Local police", "Policía local")
            case .sheriff: ("Sheriff", "Alguacil (Sheriff)")
            case .other: ("Other", "Otra")
            }
        case .pinLegend: ("Map point (optional)", "Punto en el mapa (opcional)")
        case .pinPrecision: ("How precise", "Precisión")
        case .pinHint: ("Only if you want to. Blurred keeps it to about 1 km.", "Solo si quiere. Aproximado lo deja en un radio de 1 km.")
        case .latitude: ("Latitude", "Latitud")
        case .longitude: ("Longitude", "Longitud")
        case .pinExact: ("Exact point", "Punto exacto")
        case .pinBlurred: ("Blurred (about 1 km)", "Aproximado (1 km)")
        case .callbackLabel: ("How can we reach you? (optional)", "¿Cómo podemos contactarle? (opcional)")
        case .callbackHint: ("A phone or Signal number. Only the dispatcher sees it, and it is deleted if the report is not confirmed.", "Un teléfono o número de Signal. Solo la persona de despacho lo ve, y se borra si el reporte no se confirma.")
        case .honeypotLabel: ("Leave this empty", "Deje esto vacío")
        case .sendReport: ("Send report", "Enviar reporte")
        case .thanksTitle: ("Report received", "Reporte recibido")
        case .thanksBody(let code): ("Thank you. Your reference code is \(code).", "Gracias. Su código de referencia es \(code).")
        case .answerOnCall: ("A dispatcher is on call now and will look at it within minutes.", "Hay una persona de despacho de turno ahora; lo verá en unos minutos.")
        case .answerNobody: ("Nobody is on call right this moment: your report is saved and the team has been told.", "En este momento no hay nadie de turno: su reporte quedó guardado y se avisó al equipo.")
        case .answerNobodyNoAlarm: ("Nobody is on call right this moment: your report is saved, and the team will see it when they are next on.", "En este momento no hay nadie de turno: su reporte quedó guardado y el equipo lo verá cuando entre de turno.")
        case .answerNextShift(let when): ("The next dispatcher's shift starts \(when).", "El próximo turno de despacho empieza \(when).")
        case .answerCall: ("If someone is in danger now, call the hotline:", "Si alguien está en peligro ahora, llame a la línea:")
        case .useMyLocation: ("Use my location", "Usar mi ubicación")
        case .locating: ("Finding your location…", "Buscando su ubicación…")
        case .locationFailed: ("Your phone did not give a location. Type the place instead.", "Su teléfono no dio una ubicación. Escriba el lugar.")
        case .locationSet: ("Location added. Blurred to about 1 km unless you choose exact.", "Ubicación agregada. Aproximada a 1 km salvo que elija exacta.")
        case .statusTitle: ("Check a report", "Consultar un reporte")
        case .statusIntro: ("Enter the reference code you were given. We show only whether the report was received, is being checked or is closed.", "Escriba el código de referencia que recibió. Solo mostramos si el reporte se recibió, se está revisando o está cerrado.")
        case .statusCodeLabel: ("Reference code", "Código de referencia")
        case .statusCheck: ("Check", "Consultar")
        case .statusUnknown: ("No report has that code. Check the letters and numbers.", "Ningún reporte tiene ese código. Revise las letras y los números.")
        case .publicState(let state):
            switch state {
            case .received: ("Received: nobody has picked it up yet.", "Recibido: todavía nadie lo tomó.")
            case .beingChecked: ("Being checked by the team.", "El equipo lo está revisando.")
            case .closed: ("Closed: the team has finished checking it. Thank you.", "Cerrado: el equipo terminó de revisarlo. Gracias.")
            }
        case .checkStatusLater: ("Check this report later", "Consultar este reporte más tarde")
        case .keptTitle: ("Kept on this phone", "Guardado en este teléfono")
        case .keptBody: ("There is no connection. What you sent is kept on this phone and will be sent by itself when the connection returns, even if you close this page. Do not clear the browser's data until it says sent.", "No hay conexión. Lo que envió está guardado en este teléfono y se enviará solo cuando vuelva la conexión, aunque cierre esta página. No borre los datos del navegador hasta que diga enviado.")
        case .keptWaiting: ("Waiting for the connection to send it.", "Esperando la conexión para enviarlo.")
        case .keptSent: ("Sent. Your reference code:", "Enviado. Su código de referencia:")
        case .keptSentPlain: ("Sent.", "Enviado.")
        case .keptRefused: ("The server could not accept what was kept. Please fill in the form again.", "El servidor no pudo aceptar lo guardado. Por favor llene el formulario de nuevo.")
        case .keptNewReport: ("Report something else", "Reportar otra cosa")
        case .thanksNext: ("Keep the code if you want to call us about this report. Do not put yourself at risk.", "Guarde el código si quiere llamarnos sobre este reporte. No se ponga en riesgo.")
        case .reportAnother: ("Send another report", "Enviar otro reporte")
        case .tooManyReports: ("Too many reports from this connection. Wait a few minutes, or call the hotline.", "Demasiados reportes desde esta conexión. Espere unos minutos o llame a la línea.")
        case .problem(let field, let problem): Self.problemText(field, problem)
        case .inboxTitle: ("Hotline inbox", "Bandeja de la línea")
        case .inboxIntro: ("New reports first. Claim one before you work on it, so nobody else does the same.", "Primero los reportes nuevos. Tome uno antes de trabajarlo, para que nadie más haga lo mismo.")
        case .inboxEmpty: ("No reports here.", "No hay reportes aquí.")
        case .liveUpdates: ("This page updates itself when reports arrive or change.", "Esta página se actualiza sola cuando llegan o cambian reportes.")
        case .refresh: ("Refresh", "Actualizar")
        case .liveChanged: ("This report changed while you were writing.", "Este reporte cambió mientras usted escribía.")
        case .liveInboxChanged: ("Reports arrived or changed while you were choosing.", "Llegaron o cambiaron reportes mientras usted elegía.")
        case .liveReload: ("Show the changes", "Mostrar los cambios")
        case .soundOn: ("Play a sound for new reports", "Sonar con cada reporte nuevo")
        case .soundIsOn: ("Sound on for new reports", "Sonido activado para reportes nuevos")
        case .alarmSubject: ("Amparo: a new hotline report is waiting", "Amparo: hay un reporte nuevo en la línea")
        case .alarmBody(let link): ("Amparo: a new hotline report is waiting. Open the inbox: \(link)", "Amparo: hay un reporte nuevo en la línea. Abra la bandeja: \(link)")
        case .escalatedSubject: ("Amparo: a hotline report is now an emergency", "Amparo: un reporte de la línea es ahora una emergencia")
        case .escalatedBody(let link): ("Amparo: a hotline report is now an emergency. Open it: \(link)", "Amparo: un reporte de la línea es ahora una emergencia. Ábralo: \(link)")
        case .showOpen: ("Open reports", "Reportes abiertos")
        case .showAll: ("All reports", "Todos los reportes")
        case .olderReports: ("Older reports", "Reportes anteriores")
        case .received: ("Received", "Recibido")
        case .reference: ("Reference", "Referencia")
        case .place: ("Place", "Lugar")
        case .agencyShort: ("Agency", "Agencia")
        case .status(let status):
            switch status {
            case .new: ("New", "Nuevo")
            case .claimed: ("Claimed", "Tomado")
            case .verifying: ("Verifying", "Verificando")
            case .verified: ("Verified", "Verificado")
            case .unconfirmed: ("Unconfirmed", "No confirmado")
            case .falseAlarm: ("False alarm", "Falsa alarma")
            case .duplicate: ("Duplicate", "Duplicado")
            case .closed: ("Closed", "Cerrado")
            }
        case .urgency(let urgency):
            switch urgency {
            case .routine: ("Routine", "Normal")
            case .urgent: ("Urgent", "Urgente")
            case .emergency: ("Emergency", "Emergencia")
            }
        case .urgencyLabel: ("Urgency", "Urgencia")
        case .setUrgency: ("Set urgency", "Cambiar urgencia")
        case .claimedBy: ("Claimed by", "Tomado por")
        case .nobody: ("Nobody", "Nadie")
        case .occurred: ("Seen", "Visto")
        case .officersAndVehicles: ("Officers / vehicles", "Agentes / vehículos")
        case .description: ("What the reporter saw", "Lo que vio la persona")
        case .pin: ("Map point", "Punto en el mapa")
        case .callback: ("Callback", "Contacto")
        case .history: ("History", "Historial")
        case .claim: ("Claim this report", "Tomar este reporte")
        case .moveTo: ("Change status to", "Cambiar estado a")
        case .reasonLabel: ("Why", "Por qué")
        case .reasonHint: ("Say what you checked. This stays in the report's history.", "Diga qué verificó. Queda en el historial del reporte.")
        case .apply: ("Save", "Guardar")
        case .claimedByOther: ("Someone else changed this report first. Here is where it stands now.", "Otra persona cambió este reporte primero. Así está ahora.")
        case .notAllowed(let from, let to): ("A report cannot go from \(Self.status(from).pair.0) to \(Self.status(to).pair.0).", "Un reporte no puede pasar de \(Self.status(from).pair.1) a \(Self.status(to).pair.1).")
        case .reportNotFound: ("No report has that reference.", "Ningún reporte tiene esa referencia.")
        case .purged: ("Deleted after the retention period", "Borrado al terminar el plazo de conservación")
        case .navHotline: ("Hotline", "Línea")
        case .duplicateOfLabel: ("Duplicate of (reference code)", "Duplicado de (código de referencia)")
        case .duplicateOfHint: ("Only when you mark it as a duplicate: the code of the report it repeats.", "Solo al marcarlo como duplicado: el código del reporte que repite.")
        case .duplicateOfMissing: ("Give the reference code of the report this one repeats.", "Escriba el código de referencia del reporte que este repite.")
        case .duplicateOfUnknown: ("No other report has that reference code.", "Ningún otro reporte tiene ese código de referencia.")
        case .duplicateOf: ("Duplicate of", "Duplicado de")
        case .duplicates: ("Duplicates", "Duplicados")
        case .shiftsTitle: ("On-call shifts", "Turnos de guardia")
        case .shiftsIntro: ("Who answers the hotline and who can go out, week by week. Times are local.", "Quién atiende la línea y quién puede salir, semana a semana. Horas locales.")
        case .onCallNow: ("On call now", "De guardia ahora")
        case .nobodyOnCall: ("Nobody is on call right now: calls go to the fallback group.", "Nadie está de guardia ahora: las llamadas van al grupo de respaldo.")
        case .weeklySchedule: ("Weekly schedule", "Horario semanal")
        case .noShifts: ("No shifts yet.", "Todavía no hay turnos.")
        case .duty(let duty):
            switch duty {
            case .dispatcher: ("Dispatcher", "Despacho")
            case .responder: ("Responder", "Respuesta en terreno")
            }
        case .dutyLabel: ("Duty", "Tarea")
        case .weekday(let day):
            switch day {
            case 1: ("Monday", "Lunes")
            case 2: ("Tuesday", "Martes")
            case 3: ("Wednesday", "Miércoles")
            case 4: ("Thursday", "Jueves")
            case 5: ("Friday", "Viernes")
            case 6: ("Saturday", "Sábado")
            default: ("Sunday", "Domingo")
            }
        case .weekdayLabel: ("Day", "Día")
        case .startsLabel: ("Starts", "Empieza")
        case .endsLabel: ("Ends", "Termina")
        case .clockHint: ("24-hour time, e.g. 18:00. A shift that ends earlier than it starts runs past midnight.", "Hora de 24 horas, p. ej. 18:00. Un turno que termina antes de empezar pasa la medianoche.")
        case .memberLabel: ("Member", "Miembro")
        case .teamLabel: ("Team / region", "Equipo / región")
        case .addShift: ("Add shift", "Agregar turno")
        case .removeShift: ("Remove", "Quitar")
        case .yourNextShifts: ("Your next shifts", "Sus próximos turnos")
        case .offerSwap: ("Offer for a swap", "Ofrecer para cambio")
        case .openSwaps: ("Shifts offered by colleagues", "Turnos ofrecidos por colegas")
        case .takeSwap: ("Take this shift", "Tomar este turno")
        case .offeredBy(let name): ("offered by \(name)", "ofrecido por \(name)")
        case .noOpenSwaps: ("No shifts on offer.", "No hay turnos ofrecidos.")
        case .noShiftsOfYours: ("You have no shifts in the next two weeks.", "No tiene turnos en las próximas dos semanas.")
        case .swapOffered: ("Offered. It stays yours until a colleague takes it.", "Ofrecido. Sigue siendo suyo hasta que alguien lo tome.")
        case .swapTaken: ("The shift is yours now.", "El turno ahora es suyo.")
        case .shiftProblem(let problem):
            switch problem {
            case .weekday: ("Choose a day of the week.", "Elija un día de la semana.")
            case .start: ("Enter the times as HH:MM, e.g. 18:00.", "Escriba las horas como HH:MM, p. ej. 18:00.")
            case .duration: ("A shift lasts from 15 minutes to 24 hours.", "Un turno dura de 15 minutos a 24 horas.")
            }
        case .shiftMemberCannot: ("That member's role cannot take this duty.", "El rol de ese miembro no puede hacer esta tarea.")
        case .shiftUnknownChoice: ("Choose a team, a member and a duty from the lists.", "Elija un equipo, un miembro y una tarea de las listas.")
        case .swapNotYours: ("You can only offer a shift you hold, and take one for your own duty.", "Solo puede ofrecer un turno que tiene, y tomar uno de su propia tarea.")
        case .swapGone: ("Someone took that shift first, or it is no longer on offer.", "Alguien tomó ese turno primero, o ya no está ofrecido.")
        case .navShifts: ("Shifts", "Turnos")
        case .whenLabelShort: ("When", "Cuándo")
        case .smsReceived(let code): ("Received, code \(code). A volunteer will check it. Reply with more details if you can. / Recibido, código \(code). Una persona voluntaria lo revisará. Responda con más detalles si puede.", "Recibido, código \(code). Una persona voluntaria lo revisará. Responda con más detalles si puede. / Received, code \(code). A volunteer will check it. Reply with more details if you can.")
        case .smsStopped: ("You will get no more alerts from us. / No recibirá más alertas.", "No recibirá más alertas. / You will get no more alerts from us.")
        case .smsStart(let link): ("To get alerts again, sign up here: \(link) / Para recibir alertas de nuevo: \(link)", "Para recibir alertas de nuevo: \(link) / To get alerts again: \(link)")
        case .smsHelp(let link): ("Text what you see and where to report ICE activity. Alerts: \(link) Reply STOP to stop. / Escriba qué ve y dónde para reportar. Responda ALTO para detener.", "Escriba qué ve y dónde para reportar a ICE. Alertas: \(link) Responda ALTO para detener. / Text what you see and where. Reply STOP to stop.")
        case .smsPlaceUnknown: ("Not given (text message)", "No indicado (mensaje de texto)")
        case .conversation: ("Messages", "Mensajes")
        case .replyLabel: ("Reply to the reporter", "Responder a la persona")
        case .replyButton: ("Send reply", "Enviar respuesta")
        case .replyNotConfigured: ("Text messages are not set up on this server.", "Los mensajes de texto no están configurados en este servidor.")
        case .fromReporter: ("Reporter", "Persona que reporta")
        case .fromDispatcher: ("Dispatch", "Despacho")
        case .regionLabel: ("Region", "Región")
        case .noRegion: ("Not set", "Sin asignar")
        case .setRegion: ("Set region", "Asignar región")
        case .regionSet(let name): ("Region: \(name)", "Región: \(name)")
        case .detainedLegend: ("Person detained", "Persona detenida")
        case .detainedHint: ("Opens a case for the case team for each person detained in this incident.", "Abre un caso para el equipo de casos por cada persona detenida en este incidente.")
        case .detainedCount: ("How many people were detained?", "¿Cuántas personas fueron detenidas?")
        case .openCases: ("Open cases", "Abrir casos")
        case .casesOpened(let n): ("Cases opened from this report: \(n)", "Casos abiertos desde este reporte: \(n)")
        case .errorDetainedCount: ("Enter a number from 1 to 20.", "Escriba un número de 1 a 20.")
        case .notVerifiedForCase: ("Cases open from a verified report.", "Los casos se abren desde un reporte verificado.")
        case .voiceMenu: ("For English, press 1.", "Para español, oprima 2.")
        case .voiceConnecting: ("Connecting you with a volunteer. Please hold.", "Le comunicamos con una persona voluntaria. Espere, por favor.")
        case .voiceVoicemail: ("Nobody could answer. After the tone, say what is happening and where. Then hang up.", "Nadie pudo contestar. Después del tono, diga qué está pasando y dónde. Luego cuelgue.")
        case .voiceThanks: ("Thank you. A volunteer will listen to your message.", "Gracias. Una persona voluntaria escuchará su mensaje.")
        case .voicemailReport(let seconds, let url): ("Voicemail, \(seconds) s: \(url)", "Mensaje de voz, \(seconds) s: \(url)")
        case .banNumber: ("Ban this number (abuse)", "Bloquear este número (abuso)")
        case .banned: ("This number is banned: its calls are rejected and its texts ignored.", "Este número está bloqueado: se rechazan sus llamadas y se ignoran sus mensajes.")
        case .bulkLegend: ("With the selected reports", "Con los reportes seleccionados")
        case .bulkClaim: ("Claim them", "Tomarlos")
        case .bulkFalseAlarm: ("Close as false alarms", "Cerrarlos como falsas alarmas")
        case .selectReport(let reference): ("Select \(reference)", "Seleccionar \(reference)")
        case .bulkResult(let changed, let skipped): ("\(changed) changed, \(skipped) left alone (someone else has them, or they are past that step).", "\(changed) cambiados, \(skipped) sin cambiar (otra persona los tiene o ya pasaron ese paso).")
        case .bulkNothingSelected: ("Select at least one report.", "Seleccione al menos un reporte.")
        case .photosLegend: ("Add photos (optional)", "Agregar fotos (opcional)")
        case .photosHint: ("JPEG or PNG, up to 4 photos of 10 MB each. We remove the location and the phone's details from them before storing them. Do not risk your safety to take a photo.", "JPEG o PNG, hasta 4 fotos de 10 MB cada una. Les quitamos la ubicación y los datos del teléfono antes de guardarlas. No arriesgue su seguridad para tomar una foto.")
        case .addPhotos: ("Send the photos", "Enviar las fotos")
        case .photosAdded(let n): (Plural.of(n, one: "1 photo added to your report. Thank you.", other: "\(n) photos added to your report. Thank you."),
                                   Plural.of(n, one: "Se agregó 1 foto a su reporte. Gracias.", other: "Se agregaron \(n) fotos a su reporte. Gracias."))
        case .photoProblem(let problem):
            switch problem {
            case .notAPhoto: ("Only JPEG and PNG photos can be sent.", "Solo se pueden enviar fotos JPEG y PNG.")
            case .malformed: ("A photo could not be read; it may be damaged. Try another.", "No se pudo leer una foto; puede estar dañada. Pruebe con otra.")
            case .tooLarge: ("A photo is larger than 10 MB.", "Una foto pesa más de 10 MB.")
            }
        case .photosTooMany(let n): ("A report can have at most \(n) photos.", "Un reporte puede tener como máximo \(n) fotos.")
        case .photosTooLarge(let mb): ("These photos are more than \(mb) MB together. Send them one or two at a time.",
                                       "Estas fotos pasan de \(mb) MB en total. Envíelas de una o dos a la vez.")
        case .photosNone: ("Choose at least one photo.", "Elija al menos una foto.")
        case .photosLinkExpired: ("Photos can be added for two hours after a report. File a new report if you have more to tell.", "Se pueden agregar fotos durante dos horas después del reporte. Haga un nuevo reporte si tiene más que contar.")
        case .photosTitle: ("Photos", "Fotos")
        case .fallbackTitle: ("When no dispatcher is on call", "Cuando no hay despacho de turno")
        case .fallbackLabel: ("Calls to the hotline ring the phones of", "Las llamadas a la línea suenan en los teléfonos de")
        case .fallbackCoordinators: ("Every coordinator", "Todas las personas coordinadoras")
        case .fallbackSave: ("Save", "Guardar")
        case .photo(let n): ("Photo \(n)", "Foto \(n)")
        }
    }

    static func problemText(_ field: ReportField, _ problem: ReportProblem) -> (String, String) {
        switch problem {
        case .missing:
            field == .what
                ? ("Say what is happening.", "Diga qué está pasando.")
                : ("Say where it is happening.", "Diga dónde está pasando.")
        case .tooLong(let limit): ("Use at most \(limit) characters here.", "Use como máximo \(limit) caracteres aquí.")
        case .notANumber(let range): ("Enter a whole number from \(range.lowerBound) to \(range.upperBound), or leave it empty.", "Escriba un número entero de \(range.lowerBound) a \(range.upperBound), o déjelo vacío.")
        case .unknownChoice: ("Choose one of the listed options.", "Elija una de las opciones de la lista.")
        case .controlCharacter: ("Remove the invisible control characters from the text.", "Quite los caracteres de control invisibles del texto.")
        case .pinIncomplete: ("Give both latitude and longitude, or neither.", "Escriba latitud y longitud, o ninguna.")
        case .pinOutOfRange: ("Latitude goes from -90 to 90 and longitude from -180 to 180.", "La latitud va de -90 a 90 y la longitud de -180 a 180.")
        }
    }
}
