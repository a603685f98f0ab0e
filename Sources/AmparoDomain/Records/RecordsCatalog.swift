/// The records-request pages' strings, in English and Spanish, reached through `Text.records(_:)`.
public enum RecordsText: Sendable, Equatable {
    case navRecords, listTitle, listIntro, noRequests, newRequest, agency, subject, subjectHint, state, sentVia, via(RecordsChannel), sentOn
    case create, status(RecordsStatus), statusLabel, deadlines, deadline(DeadlineKind), due(String), paused, overdue, law(name: String, verified: String)
    case history, changeStatus, onDay, note, fees, extended, saveStatus, message, messageIn, messageOut, addMessage, documents, noDocuments
    case upload, file, errorFile, requestTitle, reminderSubject, reminderBody(kind: String, due: String, link: String)
    case nextDue, closed, met
    case agencyProblem, subjectProblem, stateProblem, viaProblem, sentOnProblem, stepProblem, dayProblem, feesProblem, noteProblem, bodyProblem, directionProblem

    public var pair: (String, String) {
        switch self {
        case .navRecords: ("Records requests", "Pedidos de registros")
        case .listTitle: ("Public-records requests", "Pedidos de registros públicos")
        case .listIntro: ("What we asked agencies for, where each request stands, and when the law says they must answer.", "Lo que pedimos a las agencias, en qué está cada pedido y cuándo la ley dice que deben responder.")
        case .noRequests: ("No requests yet.", "Aún no hay pedidos.")
        case .newRequest: ("New request", "Nuevo pedido")
        case .agency: ("Agency", "Agencia")
        case .subject: ("What we ask for", "Qué pedimos")
        case .subjectHint: ("For example: all ICE detainers (I-247A) received by the jail in 2025, and the jail's policy on them.", "Por ejemplo: todas las órdenes de ICE (I-247A) que recibió la cárcel en 2025 y la política de la cárcel sobre ellas.")
        case .state: ("Under the law of", "Según la ley de")
        case .sentVia: ("Sent by", "Enviado por")
        case .via(let channel):
            switch channel {
            case .email: ("Email", "Correo electrónico")
            case .portal: ("The agency's portal", "El portal de la agencia")
            case .mail: ("Mail", "Correo postal")
            case .fax: ("Fax", "Fax")
            case .inPerson: ("In person", "En persona")
            }
        case .sentOn: ("Sent on", "Enviado el")
        case .create: ("Record the request", "Registrar el pedido")
        case .status(let status):
            switch status {
            case .submitted: ("Submitted", "Enviado")
            case .acknowledged: ("Acknowledged", "Acusado recibo")
            case .processing: ("Processing", "En proceso")
            case .fixNeeded: ("Clarification asked", "Piden aclaración")
            case .paymentNeeded: ("Fee asked", "Piden pago")
            case .partial: ("Partly answered", "Respondido en parte")
            case .done: ("Done", "Completo")
            case .rejected: ("Rejected", "Rechazado")
            case .noDocuments: ("No documents", "Sin documentos")
            case .appealing: ("Appealing", "En apelación")
            case .abandoned: ("Abandoned", "Abandonado")
            }
        case .statusLabel: ("Status", "Estado")
        case .deadlines: ("Deadlines", "Plazos")
        case .deadline(let kind):
            switch kind {
            case .acknowledge: ("Acknowledge receipt", "Acusar recibo")
            case .completeOrStatus: ("Complete, or give a written status with an estimate", "Completar, o dar un estado por escrito con una estimación")
            case .determination: ("Say whether the records will be disclosed", "Decir si entregarán los registros")
            case .extendedDetermination: ("The same, after the extension", "Lo mismo, tras la prórroga")
            case .mayClose: ("The agency may close the request if we do not answer by", "La agencia puede cerrar el pedido si no respondemos antes del")
            }
        case .due(let day): ("due \(day)", "vence el \(day)")
        case .paused: ("clock stopped: the agency waits for us", "plazo detenido: la agencia espera nuestra respuesta")
        case .overdue: ("overdue", "vencido")
        case .law(let name, let verified): ("\(name), rules checked on \(verified).", "\(name), reglas verificadas el \(verified).")
        case .history: ("History", "Historia")
        case .changeStatus: ("What happened", "Qué pasó")
        case .onDay: ("On", "El día")
        case .note: ("Note (stored encrypted)", "Nota (se guarda cifrada)")
        case .fees: ("Fee asked (USD)", "Pago pedido (USD)")
        case .extended: ("The agency gave written notice of an extension", "La agencia avisó por escrito una prórroga")
        case .saveStatus: ("Save", "Guardar")
        case .message: ("Message", "Mensaje")
        case .messageIn: ("From the agency", "De la agencia")
        case .messageOut: ("To the agency", "A la agencia")
        case .addMessage: ("Add a message", "Agregar un mensaje")
        case .documents: ("Documents received", "Documentos recibidos")
        case .noDocuments: ("None yet.", "Ninguno aún.")
        case .upload: ("Add a document", "Agregar un documento")
        case .file: ("File (up to 20 MB)", "Archivo (hasta 20 MB)")
        case .agencyProblem: ("Name the agency (at most 300 characters).", "Indique la agencia (hasta 300 caracteres).")
        case .subjectProblem: ("Say what you ask for (at most 4,000 characters).", "Diga qué pide (hasta 4.000 caracteres).")
        case .stateProblem: ("Amparo knows the deadlines of Oregon and California: choose one of them.", "Amparo conoce los plazos de Oregón y California: elija uno de ellos.")
        case .viaProblem: ("Choose how the request was sent.", "Elija cómo se envió el pedido.")
        case .sentOnProblem: ("Give the day it was sent, today or earlier (e.g. 2026-11-25).", "Indique el día en que se envió, hoy o antes (p. ej. 2026-11-25).")
        case .stepProblem: ("Choose a step that follows from where the request stands.", "Elija un paso que corresponda al estado del pedido.")
        case .dayProblem: ("Give a day on or after the day the request was sent (e.g. 2026-12-02).", "Indique un día igual o posterior al envío del pedido (p. ej. 2026-12-02).")
        case .feesProblem: ("Write the fee as an amount in dollars, such as 25 or 25.50.", "Escriba el pago como un monto en dólares, como 25 o 25.50.")
        case .noteProblem: ("Keep the note to one line of at most 2,000 characters.", "Escriba la nota en una línea de hasta 2.000 caracteres.")
        case .directionProblem: ("Choose whether the message came from the agency or went to it.", "Elija si el mensaje vino de la agencia o se le envió.")
        case .bodyProblem: ("Write the message (at most 4,000 characters).", "Escriba el mensaje (hasta 4.000 caracteres).")
        case .errorFile: ("Choose a file of at most 20 MB and the date it arrived.", "Elija un archivo de hasta 20 MB y la fecha en que llegó.")
        case .requestTitle: ("Request", "Pedido")
        case .reminderSubject: ("Amparo: an agency missed a records deadline", "Amparo: una agencia no cumplió un plazo de registros")
        case .reminderBody(let kind, let due, let link): ("The deadline to \(kind) was \(due). The request: \(link)", "El plazo para \(kind) venció el \(due). El pedido: \(link)")
        case .nextDue: ("Next deadline", "Próximo plazo")
        case .closed: ("closed", "cerrado")
        case .met: ("met", "cumplido")
        }
    }
}
