/// Trainings and events the group holds.
public enum EventKind: String, CaseIterable, Codable, Sendable {
    case deportation101 = "deportation_101", knowYourRights = "know_your_rights", responderTraining = "responder_training"
    case visitorTraining = "visitor_training", webinar, other

    /// The role an attended training qualifies a member for.
    public var trains: Role? {
        switch self {
        case .responderTraining: .responder
        case .visitorTraining: .visitor
        default: nil
        }
    }
}

public enum RegistrationStatus: String, CaseIterable, Codable, Sendable { case registered, waitlisted, cancelled, attended }

/// Seats: a registration takes a seat while one is free, else waits in line; a cancellation gives
/// its seat to the first in line.
public enum Seats {
    public static func status(capacity: Int, taken: Int) -> RegistrationStatus { taken < capacity ? .registered : .waitlisted }
}

/// The events pages' strings, in English and Spanish, reached through `Text.events(_:)`.
public enum EventsText: Sendable, Equatable {
    case navEvents, title, intro, noEvents, kind(EventKind), kindLabel, when, place, capacity, seatsLeft(Int), full, register, name, email, emailHint
    case registered, waitlisted, errorRegister, confirmSubject(String), confirmBody(title: String, when: String, place: String, cancel: String)
    case waitlistBody(title: String, cancel: String), promotedSubject(String), promotedBody(title: String, when: String, place: String)
    case reminderSubject(String), reminderBody(title: String, when: String, place: String, cancel: String), cancelTitle, cancelButton, cancelled, linkInvalid
    case manageTitle, newEvent, titleEN, titleES, descriptionEN, descriptionES, startsAt, create, errorEvent, registrations, status(RegistrationStatus)
    case markAttended, trainedFor(String), noRegistrations, publicPage

    public var pair: (String, String) {
        switch self {
        case .navEvents: ("Events", "Eventos")
        case .title: ("Trainings and events", "Capacitaciones y eventos")
        case .intro: ("Deportation 101, know your rights, trainings for responders and visitors, webinars. Free; sign up below.", "Deportación 101, conozca sus derechos, capacitaciones para quienes responden y visitan, seminarios web. Gratis; inscríbase abajo.")
        case .noEvents: ("No upcoming events.", "No hay eventos próximos.")
        case .kind(let kind):
            switch kind {
            case .deportation101: ("Deportation 101", "Deportación 101")
            case .knowYourRights: ("Know your rights", "Conozca sus derechos")
            case .responderTraining: ("Rapid-response training", "Capacitación de respuesta rápida")
            case .visitorTraining: ("Detention visitor training", "Capacitación para visitas en detención")
            case .webinar: ("Webinar", "Seminario web")
            case .other: ("Event", "Evento")
            }
        case .kindLabel: ("Kind", "Tipo")
        case .when: ("When", "Cuándo")
        case .place: ("Where", "Dónde")
        case .capacity: ("Seats", "Cupos")
        case .seatsLeft(let n): ("\(n) seats left", "Quedan \(n) cupos")
        case .full: ("Full: you can join the waiting list.", "Lleno: puede anotarse en la lista de espera.")
        case .register: ("Sign up", "Inscribirme")
        case .name: ("Name", "Nombre")
        case .email: ("Email", "Correo electrónico")
        case .emailHint: ("For the confirmation and a reminder the day before. Stored encrypted.", "Para la confirmación y un recordatorio el día antes. Se guarda cifrado.")
        case .registered: ("You are signed up. We emailed you the details and a link to cancel.", "Quedó inscrito/a. Le enviamos los detalles y un enlace para cancelar.")
        case .waitlisted: ("The event is full: you are on the waiting list. We will email you if a seat opens.", "El evento está lleno: quedó en la lista de espera. Le escribiremos si se libera un cupo.")
        case .errorRegister: ("Give your name (at most 120 characters) and an email address.", "Dé su nombre (hasta 120 caracteres) y un correo electrónico.")
        case .confirmSubject(let title): ("You are signed up: \(title)", "Inscripción confirmada: \(title)")
        case .confirmBody(let title, let when, let place, let cancel): ("\(title)\n\(when) · \(place)\n\nCannot come? Cancel so someone else can: \(cancel)", "\(title)\n\(when) · \(place)\n\n¿No puede venir? Cancele para que otra persona pueda: \(cancel)")
        case .waitlistBody(let title, let cancel): ("\(title) is full; you are on the waiting list and will hear from us if a seat opens. To leave the list: \(cancel)", "\(title) está lleno; está en la lista de espera y le avisaremos si se libera un cupo. Para salir de la lista: \(cancel)")
        case .promotedSubject(let title): ("A seat opened: \(title)", "Se liberó un cupo: \(title)")
        case .promotedBody(let title, let when, let place): ("A seat opened and it is yours: \(title), \(when) · \(place).", "Se liberó un cupo y es suyo: \(title), \(when) · \(place).")
        case .reminderSubject(let title): ("Tomorrow: \(title)", "Mañana: \(title)")
        case .reminderBody(let title, let when, let place, let cancel): ("A reminder: \(title), \(when) · \(place). Cannot come? \(cancel)", "Un recordatorio: \(title), \(when) · \(place). ¿No puede venir? \(cancel)")
        case .cancelTitle: ("Cancel your registration", "Cancelar su inscripción")
        case .cancelButton: ("Cancel my registration", "Cancelar mi inscripción")
        case .cancelled: ("Cancelled. Thank you for freeing the seat.", "Cancelado. Gracias por liberar el cupo.")
        case .linkInvalid: ("This link is not valid.", "Este enlace no es válido.")
        case .manageTitle: ("Events", "Eventos")
        case .newEvent: ("New event", "Nuevo evento")
        case .titleEN: ("Title (English)", "Título (inglés)")
        case .titleES: ("Title (Spanish)", "Título (español)")
        case .descriptionEN: ("Description (English)", "Descripción (inglés)")
        case .descriptionES: ("Description (Spanish)", "Descripción (español)")
        case .startsAt: ("Starts", "Comienza")
        case .create: ("Publish the event", "Publicar el evento")
        case .errorEvent: ("Give both titles, the start (date and time), the place, and a number of seats from 1 to 10,000.", "Dé ambos títulos, el comienzo (fecha y hora), el lugar y un número de cupos de 1 a 10.000.")
        case .registrations: ("Registrations", "Inscripciones")
        case .status(let status):
            switch status {
            case .registered: ("Registered", "Inscrito/a")
            case .waitlisted: ("Waiting list", "Lista de espera")
            case .cancelled: ("Cancelled", "Cancelado")
            case .attended: ("Attended", "Asistió")
            }
        case .markAttended: ("Attended", "Asistió")
        case .trainedFor(let role): ("Marks members trained as: \(role)", "Marca a los miembros capacitados como: \(role)")
        case .noRegistrations: ("No registrations yet.", "Aún no hay inscripciones.")
        case .publicPage: ("Public page", "Página pública")
        }
    }
}
