/// What a campaign wants from its target place.
public enum CampaignGoal: String, CaseIterable, Codable, Sendable {
    case end287g = "end_287g", stopHonoringHolds = "stop_honoring_holds", rightToRefuse = "right_to_refuse_questioning"
    case legalFund = "legal_representation_fund", closeFacility = "close_facility"
}

public enum CampaignStatus: String, CaseIterable, Codable, Sendable { case active, paused, won, lost }

/// A step on a campaign's timeline.
public enum CampaignActionKind: String, CaseIterable, Codable, Sendable { case publicForum = "public_forum", testimony, meeting, media, vote }

/// Who signs a letter.
public enum SignerType: String, CaseIterable, Codable, Sendable { case community, faith, labor, legal, business, school, health, other }

/// The campaigns pages' strings, in English and Spanish, reached through `Text.campaigns(_:)`.
public enum CampaignsText: Sendable, Equatable {
    case navCampaigns, listTitle, listIntro, noCampaigns, newCampaign, title, place, placeHint, goalLabel, goal(CampaignGoal), statusLabel
    case status(CampaignStatus), create, actions, noActions, addAction, actionKind(CampaignActionKind), actionKindLabel, onDay, note, officials
    case noOfficials, addOfficial, officialName, office, publicContact, letters, noLetters, newLetter, letterTitle, letterBody, createLetter
    case signatures(Int), exportSignatures, outcome, saveStatus, wonPolicyHint, errorCampaign, errorAction, errorOfficial, errorLetter, errorStatus
    case signTitle, signIntro, organization, signerType, type(SignerType), city, contactEmail, contactHint, sign, signers, noSigners
    case checkEmail, confirmTitle, confirmButton, confirmed, linkInvalid, confirmSubject, confirmBody(letter: String, link: String), errorSign
    case closedLetter, publicCampaigns, wonPolicy

    public var pair: (String, String) {
        switch self {
        case .navCampaigns: ("Campaigns", "Campañas")
        case .listTitle: ("Campaigns", "Campañas")
        case .listIntro: ("Each campaign: its target place, its goal, who decides, what we did and when, and the letters people sign.", "Cada campaña: su lugar, su meta, quién decide, qué hicimos y cuándo, y las cartas que se firman.")
        case .noCampaigns: ("No campaigns yet.", "Aún no hay campañas.")
        case .newCampaign: ("New campaign", "Nueva campaña")
        case .title: ("Title", "Título")
        case .place: ("Target place", "Lugar")
        case .placeHint: ("A state (OR) or a county in it (OR / Marion County), as on the places pages.", "Un estado (OR) o un condado (OR / Marion County), como en las páginas de lugares.")
        case .goalLabel: ("Goal", "Meta")
        case .goal(let goal):
            switch goal {
            case .end287g: ("End the 287(g) agreement", "Terminar el acuerdo 287(g)")
            case .stopHonoringHolds: ("Stop honoring ICE holds without a judicial warrant", "Dejar de aceptar órdenes de ICE sin orden judicial")
            case .rightToRefuse: ("Right to refuse ICE questioning in the jail", "Derecho a negarse a ser interrogado por ICE en la cárcel")
            case .legalFund: ("A legal representation fund", "Un fondo de representación legal")
            case .closeFacility: ("Close the detention facility", "Cerrar el centro de detención")
            }
        case .statusLabel: ("Status", "Estado")
        case .status(let status):
            switch status {
            case .active: ("Active", "Activa")
            case .paused: ("Paused", "En pausa")
            case .won: ("Won", "Ganada")
            case .lost: ("Lost", "Perdida")
            }
        case .create: ("Start the campaign", "Iniciar la campaña")
        case .actions: ("Timeline", "Cronología")
        case .noActions: ("Nothing yet.", "Nada aún.")
        case .addAction: ("Add to the timeline", "Agregar a la cronología")
        case .actionKind(let kind):
            switch kind {
            case .publicForum: ("Public forum", "Foro público")
            case .testimony: ("Testimony", "Testimonio")
            case .meeting: ("Meeting", "Reunión")
            case .media: ("Media", "Medios")
            case .vote: ("Vote", "Votación")
            }
        case .actionKindLabel: ("What", "Qué")
        case .onDay: ("On", "El día")
        case .note: ("Note", "Nota")
        case .officials: ("Decision makers", "Quienes deciden")
        case .noOfficials: ("None recorded.", "Ninguno registrado.")
        case .addOfficial: ("Add a decision maker", "Agregar a quien decide")
        case .officialName: ("Name", "Nombre")
        case .office: ("Office", "Cargo")
        case .publicContact: ("Public contact (office phone, official email)", "Contacto público (teléfono de la oficina, correo oficial)")
        case .letters: ("Sign-on letters", "Cartas para firmar")
        case .noLetters: ("No letters.", "No hay cartas.")
        case .newLetter: ("New letter", "Nueva carta")
        case .letterTitle: ("Title", "Título")
        case .letterBody: ("The letter", "La carta")
        case .createLetter: ("Publish the letter", "Publicar la carta")
        case .signatures(let n): (Plural.of(n, one: "1 verified signature", other: "\(n) verified signatures"), Plural.of(n, one: "1 firma verificada", other: "\(n) firmas verificadas"))
        case .exportSignatures: ("Export the signatures (CSV)", "Exportar las firmas (CSV)")
        case .outcome: ("Outcome", "Resultado")
        case .saveStatus: ("Save", "Guardar")
        case .wonPolicyHint: ("When the campaign is won: the policy it won, with the document that says so. It goes into the place's public history.", "Cuando se gana la campaña: la política que se ganó, con el documento que lo dice. Entra en la historia pública del lugar.")
        case .wonPolicy: ("The new policy", "La nueva política")
        case .errorCampaign: ("Give a title, a goal and a target place that is on the places pages (e.g. OR, or OR / Marion County).", "Dé un título, una meta y un lugar que esté en las páginas de lugares (p. ej. OR, u OR / Marion County).")
        case .errorAction: ("Choose what happened and the date.", "Elija qué pasó y la fecha.")
        case .errorOfficial: ("Give the decision maker's name and office.", "Dé el nombre y el cargo de quien decide.")
        case .errorLetter: ("Give the letter a title and its text.", "Dé a la carta un título y su texto.")
        case .errorStatus: ("Choose a status.", "Elija un estado.")
        case .signTitle: ("Sign the letter", "Firmar la carta")
        case .signIntro: ("Organizations sign with their name, type and city. We email the contact a link to confirm; only confirmed signatures are listed. The contact is never shown.", "Las organizaciones firman con su nombre, tipo y ciudad. Enviamos al contacto un enlace para confirmar; solo se listan las firmas confirmadas. El contacto nunca se muestra.")
        case .organization: ("Organization", "Organización")
        case .signerType: ("Type", "Tipo")
        case .type(let type):
            switch type {
            case .community: ("Community group", "Grupo comunitario")
            case .faith: ("Faith community", "Comunidad de fe")
            case .labor: ("Union", "Sindicato")
            case .legal: ("Legal services", "Servicios legales")
            case .business: ("Business", "Negocio")
            case .school: ("School or university", "Escuela o universidad")
            case .health: ("Health", "Salud")
            case .other: ("Other", "Otro")
            }
        case .city: ("City", "Ciudad")
        case .contactEmail: ("Contact email", "Correo de contacto")
        case .contactHint: ("Only to confirm the signature. Stored encrypted, never shown.", "Solo para confirmar la firma. Se guarda cifrado, nunca se muestra.")
        case .sign: ("Sign", "Firmar")
        case .signers: ("Signed by", "Firmada por")
        case .noSigners: ("No confirmed signatures yet.", "Aún no hay firmas confirmadas.")
        case .checkEmail: ("Thank you. Check the contact email for the link that confirms the signature.", "Gracias. Revise el correo de contacto: el enlace confirma la firma.")
        case .confirmTitle: ("Confirm the signature", "Confirmar la firma")
        case .confirmButton: ("Confirm", "Confirmar")
        case .confirmed: ("Confirmed. The organization is now listed among the signers.", "Confirmado. La organización ya aparece entre quienes firman.")
        case .linkInvalid: ("This link is not valid. Sign again from the letter's page.", "Este enlace no es válido. Firme de nuevo desde la página de la carta.")
        case .confirmSubject: ("Confirm your organization's signature", "Confirme la firma de su organización")
        case .confirmBody(let letter, let link): ("Someone signed “\(letter)” for your organization. To confirm, open \(link) . If it was not you, do nothing: unconfirmed signatures are deleted after 14 days.", "Alguien firmó “\(letter)” en nombre de su organización. Para confirmar, abra \(link) . Si no fue usted, no haga nada: las firmas sin confirmar se borran en 14 días.")
        case .errorSign: ("Give the organization's name (at most 200 characters), its type, its city and a contact email.", "Dé el nombre de la organización (hasta 200 caracteres), su tipo, su ciudad y un correo de contacto.")
        case .closedLetter: ("This letter is closed to new signatures.", "Esta carta ya no recibe firmas.")
        case .publicCampaigns: ("Campaigns here", "Campañas aquí")
        }
    }
}
