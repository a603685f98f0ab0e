/// Who was involved in what a story tells.
public enum StoryAgency: String, CaseIterable, Codable, Sendable { case police, sheriff, jail, ice, court, other }

/// What came of it.
public enum StoryOutcome: String, CaseIterable, Codable, Sendable { case released, detained, deported, stillWaiting = "still_waiting", other }

/// Where a story stands: received (private), published (its reviewed text, public), declined.
public enum StoryStatus: String, CaseIterable, Codable, Sendable { case received, published, declined }

/// The stories pages' strings, in English and Spanish, reached through `Text.stories(_:)`.
public enum StoriesText: Sendable, Equatable {
    case title, intro, noStories, tell, tellTitle, tellIntro, what, whatHint, state, county, when, whenHint, agencies, agency(StoryAgency)
    case outcomeLabel, outcome(StoryOutcome), consent, consentHint, name, nameHint, contact, contactHint, send, thanks, error
    case reviewTitle, reviewIntro, noneToReview, status(StoryStatus), publishedText, publishedHint, publish, decline, noConsent, anonymous
    case errorPublish, navStories, received

    public var pair: (String, String) {
        switch self {
        case .title: ("Stories", "Historias")
        case .intro: ("How police and ICE working together has touched our community, told by the people it happened to, published with their consent.", "Cómo la colaboración entre la policía e ICE ha afectado a nuestra comunidad, contado por quienes lo vivieron, publicado con su consentimiento.")
        case .noStories: ("No stories published yet.", "Aún no hay historias publicadas.")
        case .tell: ("Tell your story", "Cuente su historia")
        case .tellTitle: ("Tell us what happened", "Cuéntenos qué pasó")
        case .tellIntro: ("You do not have to give your name. We read every story; we publish one only if you say yes below, and only after we remove anything that could identify you or others.", "No tiene que dar su nombre. Leemos cada historia; publicamos una solo si usted dice que sí abajo, y solo después de quitar lo que pueda identificarle a usted o a otras personas.")
        case .what: ("What happened", "Qué pasó")
        case .whatHint: ("A stop, an arrest, the jail, ICE: what you saw and lived. At most 6,000 characters.", "Una parada, un arresto, la cárcel, ICE: lo que vio y vivió. Hasta 6.000 caracteres.")
        case .state: ("State", "Estado")
        case .county: ("County (optional)", "Condado (opcional)")
        case .when: ("When (optional)", "Cuándo (opcional)")
        case .whenHint: ("Month and year, e.g. 2025-03.", "Mes y año, p. ej. 2025-03.")
        case .agencies: ("Who was involved", "Quiénes intervinieron")
        case .agency(let agency):
            switch agency {
            case .police: ("Police", "Policía")
            case .sheriff: ("Sheriff", "Sheriff")
            case .jail: ("The jail", "La cárcel")
            case .ice: ("ICE", "ICE")
            case .court: ("A court", "Un tribunal")
            case .other: ("Other", "Otro")
            }
        case .outcomeLabel: ("What came of it", "Qué resultó")
        case .outcome(let outcome):
            switch outcome {
            case .released: ("Released", "Liberada")
            case .detained: ("Detained by ICE", "Detenida por ICE")
            case .deported: ("Deported", "Deportada")
            case .stillWaiting: ("Still waiting", "Todavía esperando")
            case .other: ("Other", "Otro")
            }
        case .consent: ("You may publish my story (after removing what could identify anyone)", "Pueden publicar mi historia (después de quitar lo que pueda identificar a alguien)")
        case .consentHint: ("Leave it unchecked and we will only read it and count it.", "Si no lo marca, solo la leeremos y la contaremos.")
        case .name: ("Name to publish with it (optional)", "Nombre para publicar con ella (opcional)")
        case .nameHint: ("Empty: published as anonymous.", "Vacío: se publica como anónima.")
        case .contact: ("Phone or email, if we may contact you (optional)", "Teléfono o correo, si podemos contactarle (opcional)")
        case .contactHint: ("Stored encrypted; never published.", "Se guarda cifrado; nunca se publica.")
        case .send: ("Send", "Enviar")
        case .thanks: ("Thank you. We received your story.", "Gracias. Recibimos su historia.")
        case .error: ("Write what happened (at most 6,000 characters), choose the state, and give the month as 2025-03 if you give one.", "Escriba qué pasó (hasta 6.000 caracteres), elija el estado y, si da el mes, escríbalo como 2025-03.")
        case .reviewTitle: ("Stories received", "Historias recibidas")
        case .reviewIntro: ("Read each story. Publish only those whose teller consented, after removing names, places and details that could identify anyone.", "Lea cada historia. Publique solo las que tienen consentimiento, después de quitar nombres, lugares y detalles que puedan identificar a alguien.")
        case .noneToReview: ("No stories received.", "No hay historias recibidas.")
        case .status(let status):
            switch status {
            case .received: ("Received", "Recibida")
            case .published: ("Published", "Publicada")
            case .declined: ("Not published", "No publicada")
            }
        case .publishedText: ("Text to publish", "Texto para publicar")
        case .publishedHint: ("Edited to remove what could identify anyone.", "Editado para quitar lo que pueda identificar a alguien.")
        case .publish: ("Publish", "Publicar")
        case .decline: ("Do not publish", "No publicar")
        case .noConsent: ("The teller did not consent to publication: it stays private.", "Quien la contó no dio consentimiento para publicarla: queda privada.")
        case .anonymous: ("Anonymous", "Anónima")
        case .errorPublish: ("Only a story with consent can be published, with its reviewed text (at most 6,000 characters).", "Solo se publica una historia con consentimiento, con su texto revisado (hasta 6.000 caracteres).")
        case .navStories: ("Stories", "Historias")
        case .received: ("Received", "Recibida")
        }
    }
}
