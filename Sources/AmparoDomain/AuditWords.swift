/// An audit entry in words for the person reading the log: its action code ("login.success") as
/// what the member did ("signed in"), and its record type ("records_request") as a noun. The codes
/// stay in the chain as they are (they are what is hashed); only the page reads them out. A code
/// this table does not know is shown as it is, never guessed at.
public enum AuditWords {
    /// What the member did, in `language`; nil for a code this table does not know.
    public static func action(_ code: String, in language: Language) -> String? {
        if let words = fixed[code] { return language == .es ? words.es : words.en }
        // Families whose last part is a status: "report.status.verified", "story.published".
        for family in statusChanges where code.hasPrefix(family.prefix) {
            guard let status = family.status(String(code.dropFirst(family.prefix.count)))?.in(language) else { continue }
            return language == .es ? "cambió \(family.what.es) a «\(status)»" : "set \(family.what.en) to “\(status)”"
        }
        return nil
    }

    /// The kind of record, as a noun in `language`; nil for a type this table does not know.
    public static func record(_ type: String, in language: Language) -> String? {
        records[type].map { language == .es ? $0.es : $0.en }
    }

    private struct StatusFamily: Sendable {
        let prefix: String
        let what: (en: String, es: String)
        let status: @Sendable (String) -> Text?
    }

    private static let statusChanges: [StatusFamily] = [
        StatusFamily(prefix: "report.status.", what: ("a report's status", "el estado de un reporte")) { ReportStatus(rawValue: $0).map { .hotline(.status($0)) } },
        StatusFamily(prefix: "records.status.", what: ("a records request's status", "el estado de una solicitud de registros")) {
            RecordsStatus(rawValue: $0).map { .records(.status($0)) }
        },
        StatusFamily(prefix: "campaign.status.", what: ("a campaign's status", "el estado de una campaña")) { CampaignStatus(rawValue: $0).map { .campaigns(.status($0)) } },
        StatusFamily(prefix: "case.bond.", what: ("a bond request", "una solicitud de fianza")) { BondRequestStatus(rawValue: $0).map { .support(.bondStatus($0)) } },
        StatusFamily(prefix: "story.", what: ("a story", "una historia")) { StoryStatus(rawValue: $0).map { .stories(.status($0)) } },
    ]

    private static let fixed: [String: (en: String, es: String)] = [
        "login.success": ("signed in", "inició sesión"),
        "login.password_ok": ("gave the right password (second step next)", "dio la contraseña correcta (falta el segundo paso)"),
        "login.failure": ("failed to sign in", "no pudo iniciar sesión"),
        "login.second_factor_failure": ("gave a wrong second-step code", "dio un código de segundo paso incorrecto"),
        "login.recovery_code_used": ("signed in with a recovery code", "entró con un código de recuperación"),
        "logout": ("signed out", "cerró sesión"),
        "organization.setup": ("set up the organization", "configuró la organización"),
        "user.create": ("invited a member", "invitó a un miembro"),
        "user.read": ("opened a member's page", "abrió la página de un miembro"),
        "user.disable": ("disabled a member", "desactivó a un miembro"),
        "user.enable": ("enabled a member again", "volvió a activar a un miembro"),
        "user.enrol_2fa": ("turned on two-step sign-in", "activó el inicio de sesión en dos pasos"),
        "user.reset_2fa": ("reset a member's two-step sign-in", "restableció el inicio de sesión en dos pasos de un miembro"),
        "user.invitation_accepted": ("accepted their invitation", "aceptó su invitación"),
        "user.invitation_reissue": ("made a new invitation link", "hizo un nuevo enlace de invitación"),
        "user.password_change": ("changed their password", "cambió su contraseña"),
        "user.reach": ("chose how urgent messages reach them", "eligió cómo le llegan los avisos urgentes"),
        "user.role_change": ("changed a member's roles", "cambió los roles de un miembro"),
        "settings.organization": ("changed the organization's settings", "cambió los datos de la organización"),
        "settings.channel": ("changed how messages are sent", "cambió cómo se envían los mensajes"),
        "settings.test": ("sent a test message", "envió un mensaje de prueba"),
        "user.teams_change": ("changed a member's teams", "cambió los equipos de un miembro"),
        "team.create": ("created a team", "creó un equipo"),
        "api_token.create": ("made an API token", "creó un token de API"),
        "api_token.create.read_only": ("made a read-only API token", "creó un token de API de solo lectura"),
        "api_token.revoke": ("revoked an API token", "revocó un token de API"),
        "audit.verify": ("checked the audit chain", "verificó la cadena de auditoría"),
        "keys.rotate": ("rotated the encryption keys", "rotó las claves de cifrado"),
        "backup.create": ("made a backup", "hizo una copia de seguridad"),
        "report.list": ("opened the hotline inbox", "abrió la bandeja de la línea"),
        "report.read": ("opened a report", "abrió un reporte"),
        "report.photo.read": ("opened a report's photo", "abrió la foto de un reporte"),
        "report.region": ("changed a report's region", "cambió la región de un reporte"),
        "report.reply": ("replied to a reporter", "respondió a quien reportó"),
        "report.urgency": ("changed a report's urgency", "cambió la urgencia de un reporte"),
        "number.ban": ("blocked a number", "bloqueó un número"),
        "hotline.fallback": ("set who answers calls when nobody is on shift", "eligió quién contesta cuando nadie está de turno"),
        "dispatch.send": ("asked responders to go and verify", "pidió a respondedores que fueran a verificar"),
        "alert.publish": ("published an alert", "publicó una alerta"),
        "subscription.create": ("signed up for alerts", "se inscribió para recibir alertas"),
        "subscription.confirm": ("confirmed an alert sign-up", "confirmó una inscripción a alertas"),
        "subscription.stop": ("stopped alerts", "dejó de recibir alertas"),
        "shift.create": ("added a shift", "agregó un turno"),
        "shift.remove": ("removed a shift", "quitó un turno"),
        "shift.offer": ("offered a shift to swap", "ofreció cambiar un turno"),
        "shift.take": ("took a shift", "tomó un turno"),
        "case.list": ("opened the case list", "abrió la lista de casos"),
        "case.open": ("opened a case", "abrió un caso nuevo"),
        "case.read": ("read a case", "leyó un caso"),
        "case.person": ("changed a case's person", "cambió los datos de la persona de un caso"),
        "case.close": ("closed a case", "cerró un caso"),
        "case.erase": ("erased a case", "borró un caso"),
        "case.export": ("exported a case", "exportó un caso"),
        "case.transfer": ("moved a case to another team", "pasó un caso a otro equipo"),
        "case.hold": ("recorded a hold", "registró una retención"),
        "case.hold_alert.told": ("was told of a hold past 48 hours", "recibió aviso de una retención de más de 48 horas"),
        "case.event.add": ("added to a case's timeline", "agregó un paso a la historia de un caso"),
        "case.event.correct": ("corrected a case's timeline", "corrigió la historia de un caso"),
        "case.contact.add": ("added a family contact", "agregó un contacto de la familia"),
        "case.contact.remove": ("removed a family contact", "quitó un contacto de la familia"),
        "case.note.add": ("added a note to a case", "agregó una nota a un caso"),
        "case.task.add": ("added a task to a case", "agregó una tarea a un caso"),
        "case.task": ("changed a case's task", "cambió una tarea de un caso"),
        "case.task.done": ("finished a task", "terminó una tarea"),
        "case.referral": ("referred a case", "derivó un caso"),
        "case.bond.request": ("asked the bond fund", "pidió al fondo de fianzas"),
        "case.visit.schedule": ("planned a visit", "planeó una visita"),
        "case.visit.cancel": ("cancelled a visit", "canceló una visita"),
        "case.counts": ("read the case counts", "consultó los conteos de casos"),
        "case.counts.teams": ("read the case counts by team", "consultó los conteos de casos por equipo"),
        "visit.list": ("opened their visits", "abrió sus visitas"),
        "visit.read": ("opened a visit", "abrió una visita"),
        "visit.report": ("reported on a visit", "informó sobre una visita"),
        "visitor.profile": ("updated a visitor's training", "actualizó la capacitación de un visitante"),
        "facility.create": ("added a facility", "agregó un centro"),
        "facility.update": ("updated a facility", "actualizó un centro"),
        "campaign.create": ("started a campaign", "inició una campaña"),
        "campaign.letter": ("wrote a sign-on letter", "escribió una carta para firmar"),
        "letter.confirm": ("confirmed a signature", "confirmó una firma"),
        "story.list": ("opened the stories to review", "abrió las historias por revisar"),
        "story.read": ("read a story", "leyó una historia"),
        "event.create": ("created an event", "creó un evento"),
        "event.attended": ("marked attendance", "marcó la asistencia"),
        "records.create": ("sent a records request", "envió una solicitud de registros"),
        "records.deadline": ("was told of a records deadline", "recibió aviso de un plazo de registros"),
        "records.document": ("added a document", "agregó un documento"),
        "records.message": ("logged a message with an agency", "registró un mensaje con una agencia"),
        "places.policy": ("recorded a place's policy", "registró la política de un lugar"),
        "evidence.import": ("imported ICE's detainer data", "importó datos de órdenes de retención de ICE"),
        "evidence.facility": ("matched a detention facility to a county", "asignó un centro de detención a un condado"),
    ]

    private static let records: [String: (en: String, es: String)] = [
        "user": ("member", "miembro"), "case": ("case", "caso"), "report": ("report", "reporte"), "report_photo": ("report photo", "foto de reporte"),
        "subscription": ("alert sign-up", "inscripción a alertas"), "records_request": ("records request", "solicitud de registros"),
        "visit": ("visit", "visita"), "story": ("story", "historia"), "campaign": ("campaign", "campaña"), "team": ("team", "equipo"),
        "shift": ("shift", "turno"), "shift_swap": ("shift swap", "cambio de turno"), "facility": ("facility", "centro"), "event": ("event", "evento"),
        "dispatch": ("request to verify", "pedido de verificación"), "audit_log": ("audit log", "registro de auditoría"),
        "api_token": ("API token", "token de API"), "settings": ("settings", "configuración"), "key": ("encryption key", "clave de cifrado"), "jurisdiction": ("county", "condado"),
        "detainer_import": ("detainer import", "importación de órdenes de retención"), "detainer_facility": ("detention facility", "centro de detención"),
        "backup": ("backup", "copia de seguridad"), "alert": ("alert", "alerta"), "agreement_import": ("287(g) list import", "importación de la lista 287(g)"),
    ]
}
