/// The records-request pages' strings, in English and Spanish, reached through `Text.records(_:)`.
public enum RecordsText: Sendable, Equatable {
    case navRecords, listTitle, listIntro, noRequests, newRequest, agency, subject, subjectHint, state, sentVia, via(String), sentOn
    case create, status(RecordsStatus), statusLabel, deadlines, deadline(DeadlineKind), due(String), paused, overdue, law(name: String, verified: String)
    case history, changeStatus, onDay, note, fees, extended, saveStatus, message, messageIn, messageOut, addMessage, documents, noDocuments
    case upload, file, errorRequest, errorStatus, errorMessage, errorFile, requestTitle, reminderSubject, reminderBody(kind: String, due: String, link: String)
    case nextDue, closed, met

    public static let channels = ["email", "portal", "mail", "fax", "in_person"]

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
            case "email": ("Email", "Correo electrónico")
            case "portal": ("The agency's portal", "El portal de la agencia")
            case "mail": ("Mail", "Correo postal")
            case "fax": ("Fax", "Fax")
            default: ("In person", "En persona")
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
        case .errorRequest: ("Give the agency, what you ask for, a state whose law we know (Oregon, California), how it was sent and the date (e.g. 2026-11-25).", "Indique la agencia, qué pide, un estado cuya ley conocemos (Oregón, California), cómo se envió y la fecha (p. ej. 2026-11-25).")
        case .errorStatus: ("That step does not follow from where the request stands, or the date or amount is not valid.", "Ese paso no corresponde al estado del pedido, o la fecha o el monto no son válidos.")
        case .errorMessage: ("Write the message (at most 4,000 characters) and its date.", "Escriba el mensaje (hasta 4.000 caracteres) y su fecha.")
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
