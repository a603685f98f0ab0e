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
    case nameProblem, emailProblem, signUpClosed, kindProblem, titleENProblem, titleESProblem, startsAtProblem, placeProblem, capacityProblem, descriptionProblem
    case navEvents, title, intro, noEvents, kind(EventKind), kindLabel, when, place, capacity, seatsLeft(Int), full, register, name, email, emailHint
    case registered, waitlisted, confirmSubject(String), confirmBody(title: String, when: String, place: String, cancel: String)
    case waitlistBody(title: String, cancel: String), promotedSubject(String), promotedBody(title: String, when: String, place: String)
    case reminderSubject(String), reminderBody(title: String, when: String, place: String, cancel: String), cancelTitle, cancelButton, cancelled, linkInvalid
    case manageTitle, newEvent, titleEN, titleES, descriptionEN, descriptionES, startsAt, create, registrations, status(RegistrationStatus)
    case markAttended, trainedFor(Role), noRegistrations, publicPage

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
        case .seatsLeft(let n): (Plural.of(n, one: "1 seat left", other: "\(n) seats left"), Plural.of(n, one: "Queda 1 cupo", other: "Quedan \(n) cupos"))
        case .full: ("Full: you can join the waiting list.", "Lleno: puede anotarse en la lista de espera.")
        case .register: ("Sign up", "Inscribirme")
        case .name: ("Name", "Nombre")
        case .email: ("Email", "Correo electrónico")
        case .emailHint: ("For the confirmation and a reminder the day before. Stored encrypted.", "Para la confirmación y un recordatorio el día antes. Se guarda cifrado.")
        case .registered: ("You are signed up. We emailed you the details and a link to cancel.", "Quedó inscrito/a. Le enviamos los detalles y un enlace para cancelar.")
        case .waitlisted: ("The event is full: you are on the waiting list. We will email you if a seat opens.", "El evento está lleno: quedó en la lista de espera. Le escribiremos si se libera un cupo.")
        case .nameProblem: ("Give your name (at most 120 characters).", "Dé su nombre (hasta 120 caracteres).")
        case .emailProblem: ("Give an email address, such as ana@example.org.", "Dé un correo electrónico, como ana@example.org.")
        case .signUpClosed: ("This event has begun: sign-up is closed.", "Este evento ya comenzó: la inscripción está cerrada.")
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
        case .kindProblem: ("Choose what kind of event it is.", "Elija qué tipo de evento es.")
        case .titleENProblem: ("Give the title in English (at most 200 characters).", "Dé el título en inglés (hasta 200 caracteres).")
        case .titleESProblem: ("Give the title in Spanish (at most 200 characters).", "Dé el título en español (hasta 200 caracteres).")
        case .startsAtProblem: ("Give the day and time it starts.", "Dé el día y la hora en que comienza.")
        case .placeProblem: ("Give the place: a public venue's address, or Online (at most 300 characters).", "Dé el lugar: la dirección de un lugar público, u Online (hasta 300 caracteres).")
        case .capacityProblem: ("Give a number of seats from 1 to 10,000.", "Dé un número de cupos de 1 a 10.000.")
        case .descriptionProblem: ("Keep each description to at most 2,000 characters, without control characters.", "Escriba cada descripción con hasta 2.000 caracteres, sin caracteres de control.")
        case .registrations: ("Registrations", "Inscripciones")
        case .status(let status):
            switch status {
            case .registered: ("Registered", "Inscrito/a")
            case .waitlisted: ("Waiting list", "Lista de espera")
            case .cancelled: ("Cancelled", "Cancelado")
            case .attended: ("Attended", "Asistió")
            }
        case .markAttended: ("Attended", "Asistió")
        case .trainedFor(let role): ("Attending marks a member trained for the role: \(Text.role(role).in(.en))", "La asistencia marca al miembro como capacitado para el rol: \(Text.role(role).in(.es))")
        case .noRegistrations: ("No registrations yet.", "Aún no hay inscripciones.")
        case .publicPage: ("Public page", "Página pública")
        }
    }
}
