/// Every string a person reads, in English and Spanish. One case per message; the compiler makes
/// sure no message lacks a language.
public enum Text: Sendable, Equatable {
    // Layout
    case skipToContent, footer, navLabel, navDashboard, navUsers, navTeams, navAudit, navAccount, signOut
    case navMenu, navReport, navAlerts, navPlaces, navEvidence, navStories, navEvents, dashboardModules, homeLetters, homeMembers
    case backHome, fixTheseProblems, csrfFailed
    case errorTitle(Int), httpStatus(Int)
    // Home and setup
    case homeTitle, homeIntro, homeCallHotline, notSetUpTitle, notSetUpBody
    case setupTitle, setupIntro, setupSubmit, setupLinkInvalid, setupAlreadyDone, organizationName
    // Sign-in
    case signIn, email, password, passwordAgain, passwordHint, yourName
    case secondFactorTitle, secondFactorShort, secondFactorIntro, codeLabel, codeHint, verify
    case invitationTitle(String), invitationIntro, invitationSubmit, invitationInvalid
    case enrolTitle, enrolIntro, enrolManual, enrolSubmit, qrTitle, enrolOpenApp
    case recoveryTitle, recoveryIntro, recoveryDone, recoveryDownload, recoveryPrint, recoveryFile(account: String)
    // Dashboard and account
    case welcome(String), roleLabel, teamsLabel, noTeams, on, off
    case changePassword, currentPassword, newPassword
    case apiTokens, apiTokensIntro, tokenName, tokenNameHint, tokenPrefix, tokenCreated, createToken, revoke
    case created, lastUsed, tokenAccess, tokenAccessFull, tokenAccessRead, tokenLifetime, tokenDays(Int), tokenExpires
    // Administration
    case inviteMany, inviteManyIntro, inviteManyPeople, inviteManyHint, inviteManySubmit, invitedMany(Int, sent: Int), invitedManyNotSent, invitationSentShort(AlertChannel, String), invitationLinkLabel
    indirect case errorLine(Int, Text)
    case errorEmailAlsoOnLine(Int), errorNobodyPasted, errorTooManyPasted(Int), errorNoEmailOnLine
    case inviteMember, inviteIntro, memberName, invitationSent(AlertChannel, String), invitationNotSent, invitationSubject(String), invitationBody(organization: String, link: String), statusLabel, statusActive, statusInvited
    case statusDisabled, accessLabel, newInvitationLink, resetSecondFactor, disableMember, enableMember, save
    case teamName, region, regionHint, members, newTeam
    case auditIntro, auditVerify, auditIntact(Int), auditBroken, auditAnonymous, auditCommandLine, auditAmparo, when, who, what, record
    case role(Role)
    // Notices after an action
    case noticeSignedOut, noticePasswordChanged, noticeTokenRevoked, noticeSaved, noticeSecondFactorReset
    case reachTitle, reachIntro, reachChoice(AlertChannel), reachSave, reachInvalid, reachNoPhone, reachNotSetUp(AlertChannel)
    // Validation errors
    case errorEmailInvalid, errorNameMissing, errorNameTooLong, errorEmailTaken, errorRoleUnknown
    case errorOrganizationMissing, errorPasswordsDiffer, errorSignInFailed, errorTooManyAttempts, errorSignInBusy, errorPasswordBusy, errorCodeWrong
    case errorCurrentPasswordWrong, errorTokenName, errorTokenChoice, errorLanguageUnknown, errorCannotDemoteSelf
    case rolesLabel, roleOpens, rolesHint, rolesGuideTitle, rolesGuideIntro, roleOpensNothing, roleNotYours, errorNoRole, errorRoleNotHeld, errorLastAdmin
    case errorPhoneInvalid, phone, phoneHint
    case errorCannotDisableSelf, errorAlreadyAccepted, errorTeamNameMissing, errorTeamNameTaken
    case errorTeamFieldTooLong, errorControlCharacter
    case passwordProblem(PasswordPolicy.Problem)
    case hotline(HotlineText)
    case alerts(AlertsText)
    case dispatch(DispatchText)
    case cases(CasesText)
    case support(SupportText)
    case places(PlacesText)
    case records(RecordsText)
    case evidence(EvidenceText)
    case campaigns(CampaignsText)
    case stories(StoriesText)
    case events(EventsText)
    case settings(SettingsText)

    /// The notice named in a `?notice=` query, if it is one we know.
    /// Who acted, for an audit entry not made by a member.
    public static func auditActor(_ actor: String) -> Text? {
        switch actor {
        case "anonymous": .auditAnonymous
        case "cli": .auditCommandLine
        case "system": .auditAmparo
        default: nil
        }
    }

    public static func notice(_ key: String) -> Text? {
        switch key {
        case "signedOut": .noticeSignedOut
        case "passwordChanged": .noticePasswordChanged
        case "tokenRevoked": .noticeTokenRevoked
        case "saved": .noticeSaved
        case "secondFactorReset": .noticeSecondFactorReset
        default: nil
        }
    }

    public func `in`(_ language: Language) -> String {
        let (en, es) = pair
        return language == .en ? en : es
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private var pair: (String, String) {
        switch self {
        case .skipToContent: ("Skip to content", "Saltar al contenido")
        case .footer: ("Amparo keeps what you enter encrypted and records who reads it.", "Amparo guarda cifrado lo que usted escribe y registra quién lo lee.")
        case .navLabel: ("Main", "Principal")
        case .navMenu: ("Menu", "Menú")
        case .navReport: ("Report", "Reportar")
        case .navAlerts: ("Alerts", "Alertas")
        case .navPlaces: ("Counties", "Condados")
        case .navEvidence: ("ICE data", "Datos de ICE")
        case .navStories: ("Stories", "Historias")
        case .navEvents: ("Events", "Eventos")
        case .dashboardModules: ("What your roles open:", "Lo que abren sus roles:")
        case .roleOpens: ("Opens", "Abre")
        case .homeLetters: ("Letters open for signing", "Cartas abiertas para firmar")
        case .homeMembers: ("Members of the group:", "Para miembros del grupo:")
        case .navDashboard: ("Home", "Inicio")
        case .navUsers: ("Members", "Miembros")
        case .navTeams: ("Teams", "Equipos")
        case .navAudit: ("Audit log", "Registro de auditoría")
        case .navAccount: ("Your account", "Su cuenta")
        case .signOut: ("Sign out", "Cerrar sesión")
        case .backHome: ("Back to the start page", "Volver a la página de inicio")
        case .fixTheseProblems: ("Please fix the following", "Por favor corrija lo siguiente")
        case .csrfFailed: ("This form expired or came from another site. Go back, reload the page and try again.", "Este formulario caducó o vino de otro sitio. Regrese, recargue la página e intente de nuevo.")
        case .errorTitle(let status): status >= 500 ? ("Something went wrong", "Algo salió mal") : ("This did not work", "Esto no funcionó")
        case .httpStatus(let status):
            switch status {
            case 400: ("The request could not be read. Check what you sent and try again.", "No se pudo leer la solicitud. Revise lo que envió e intente de nuevo.")
            case 401: ("You need to sign in first.", "Primero necesita iniciar sesión.")
            case 403: ("Your role does not allow this. Ask an admin if you need it.", "Su rol no permite esto. Pida a un administrador si lo necesita.")
            case 404: ("There is nothing at this address. Check the link.", "No hay nada en esta dirección. Revise el enlace.")
            case 405: ("This address does not accept that kind of request.", "Esta dirección no acepta ese tipo de solicitud.")
            case 413: ("What you sent is too large.", "Lo que envió es demasiado grande.")
            case 415: ("What you sent is in a format this address does not accept.", "Lo que envió está en un formato que esta dirección no acepta.")
            case 422: ("Some of what you sent is not valid.", "Parte de lo que envió no es válido.")
            case 429: ("Too many attempts. Wait a few minutes and try again.", "Demasiados intentos. Espere unos minutos e intente de nuevo.")
            case 500...: ("Amparo hit an error. Nothing you sent was half-saved; try again, and tell your admin if it keeps happening.", "Amparo tuvo un error. Nada de lo que envió quedó guardado a medias; intente de nuevo y avise a su administrador si sigue pasando.")
            default: ("The request could not be completed.", "No se pudo completar la solicitud.")
            }
        case .homeTitle: ("Welcome", "Inicio")
        case .homeCallHotline: ("Rather call or text? The hotline:", "¿Prefiere llamar o escribir? La línea:")
        case .homeIntro: ("Report what you see, get verified alerts, and find out what your county does with ICE.", "Reporte lo que ve, reciba alertas verificadas y sepa qué hace su condado con ICE.")
        case .notSetUpTitle: ("Amparo is not set up yet", "Amparo aún no está configurado")
        case .notSetUpBody: ("Open the one-time setup link that Amparo printed on the terminal where it was started.", "Abra el enlace de configuración de un solo uso que Amparo mostró en la terminal donde se inició.")
        case .setupTitle: ("Set up Amparo", "Configurar Amparo")
        case .setupIntro: ("Create your organization and your own admin account. Next you will set up a second sign-in step on your phone.", "Cree su organización y su propia cuenta de administración. Después configurará un segundo paso de inicio de sesión en su teléfono.")
        case .setupSubmit: ("Create organization", "Crear organización")
        case .setupLinkInvalid: ("This setup link is not valid any more. Restart Amparo to get a new one.", "Este enlace de configuración ya no es válido. Reinicie Amparo para obtener uno nuevo.")
        case .setupAlreadyDone: ("Amparo is already set up. Sign in instead.", "Amparo ya está configurado. Inicie sesión.")
        case .organizationName: ("Organization name", "Nombre de la organización")
        case .signIn: ("Sign in", "Iniciar sesión")
        case .email: ("Email address", "Correo electrónico")
        case .password: ("Password", "Contraseña")
        case .passwordAgain: ("Password again", "Repita la contraseña")
        case .passwordHint: ("At least 12 characters. A few unrelated words are easy to remember and hard to guess.", "Al menos 12 caracteres. Unas palabras sin relación son fáciles de recordar y difíciles de adivinar.")
        case .yourName: ("Name", "Nombre")
        case .secondFactorTitle: ("Two-step sign-in", "Inicio de sesión en dos pasos")
        case .secondFactorShort: ("Two-step", "Dos pasos")
        case .secondFactorIntro: ("Enter the 6-digit code from your authenticator app, or one of your recovery codes.", "Escriba el código de 6 dígitos de su aplicación de autenticación, o uno de sus códigos de recuperación.")
        case .codeLabel: ("Code", "Código")
        case .codeHint: ("6 digits, or a recovery code like abcde-fghij", "6 dígitos, o un código de recuperación como abcde-fghij")
        case .verify: ("Continue", "Continuar")
        case .invitationTitle(let name): ("Welcome, \(name)", "Le damos la bienvenida, \(name)")
        case .invitationIntro: ("Choose your password. Next you will set up a second sign-in step on your phone.", "Elija su contraseña. Después configurará un segundo paso de inicio de sesión en su teléfono.")
        case .invitationSubmit: ("Save password", "Guardar contraseña")
        case .invitationInvalid: ("This invitation link is not valid any more. Ask your admin for a new one.", "Este enlace de invitación ya no es válido. Pida uno nuevo a su administrador.")
        case .enrolTitle: ("Set up two-step sign-in", "Configure el inicio de sesión en dos pasos")
        case .enrolIntro: ("With an authenticator app (for example FreeOTP, Aegis or Google Authenticator), scan this code from another screen, or on this phone open the key with the button below; then enter the 6-digit code the app shows.", "Con una aplicación de autenticación (por ejemplo FreeOTP, Aegis o Google Authenticator), escanee este código desde otra pantalla, o en este teléfono abra la clave con el botón de abajo; luego escriba el código de 6 dígitos que muestra la aplicación.")
        case .enrolOpenApp: ("Open in my authenticator app", "Abrir en mi aplicación de autenticación")
        case .enrolManual: ("If you cannot scan it, type this key into the app:", "Si no puede escanearlo, escriba esta clave en la aplicación:")
        case .enrolSubmit: ("Turn on two-step sign-in", "Activar el inicio de sesión en dos pasos")
        case .qrTitle: ("QR code for your authenticator app", "Código QR para su aplicación de autenticación")
        case .recoveryTitle: ("Your recovery codes", "Sus códigos de recuperación")
        case .recoveryIntro: ("If you lose your phone, each of these codes lets you sign in once. Write them down and keep them somewhere safe: they are shown only now.", "Si pierde su teléfono, cada uno de estos códigos le permite entrar una vez. Anótelos y guárdelos en un lugar seguro: solo se muestran ahora.")
        case .recoveryDone: ("I have saved them", "Ya los guardé")
        case .recoveryDownload: ("Download them", "Descargarlos")
        case .recoveryPrint: ("Print them", "Imprimirlos")
        case .recoveryFile(let account): ("Amparo recovery codes for \(account). Each one signs you in once, without your phone.", "Códigos de recuperación de Amparo para \(account). Cada uno le permite entrar una vez, sin su teléfono.")
        case .welcome(let name): ("Welcome, \(name)", "Hola, \(name)")
        case .roleLabel: ("Role", "Rol")
        case .teamsLabel: ("Teams", "Equipos")
        case .noTeams: ("No teams yet.", "Todavía no hay equipos.")
        case .on: ("On", "Activado")
        case .off: ("Off", "Desactivado")
        case .changePassword: ("Change password", "Cambiar contraseña")
        case .currentPassword: ("Current password", "Contraseña actual")
        case .newPassword: ("New password", "Contraseña nueva")
        case .apiTokens: ("API tokens", "Tokens de API")
        case .apiTokensIntro: ("A token lets a script use Amparo's API with your role. Treat it like a password.", "Un token permite que un programa use la API de Amparo con su rol. Trátelo como una contraseña.")
        case .tokenName: ("Token name", "Nombre del token")
        case .tokenNameHint: ("What it is for, e.g. \"weekly report\"", "Para qué es, p. ej. \"informe semanal\"")
        case .tokenPrefix: ("Starts with", "Empieza con")
        case .tokenCreated: ("Copy this token now: it will not be shown again.", "Copie este token ahora: no se volverá a mostrar.")
        case .createToken: ("Create token", "Crear token")
        case .revoke: ("Revoke", "Revocar")
        case .created: ("Created", "Creado")
        case .lastUsed: ("Last used", "Último uso")
        case .tokenAccess: ("What it may do", "Qué puede hacer")
        case .tokenAccessFull: ("Read and change, as your role may", "Leer y cambiar, como su rol permite")
        case .tokenAccessRead: ("Read only", "Solo leer")
        case .tokenLifetime: ("Expires after", "Vence después de")
        case .tokenDays(let days): ("\(days) days", "\(days) días")
        case .tokenExpires: ("Expires", "Vence")
        case .inviteMember: ("Invite a member", "Invitar a un miembro")
        case .inviteMany: ("Invite several people at once", "Invitar a varias personas a la vez")
        case .inviteManyIntro: ("Paste a list, one person per line: everyone gets the roles and teams ticked below, which you can change for each later. If one line has a problem, nobody is invited until it is fixed.",
                                "Pegue una lista, una persona por línea: todas reciben los roles y equipos marcados abajo, que luego puede cambiar para cada una. Si una línea tiene un problema, no se invita a nadie hasta corregirla.")
        case .inviteManyPeople: ("People, one per line", "Personas, una por línea")
        case .inviteManyHint: ("Name, email and, if you like, phone, separated by commas or as copied from a spreadsheet. For example: Ana Pérez, ana@example.org, (503) 555-0100",
                               "Nombre, correo y, si quiere, teléfono, separados por comas o tal como se copian de una hoja de cálculo. Por ejemplo: Ana Pérez, ana@example.org, (503) 555-0100")
        case .inviteManySubmit: ("Invite everyone on the list", "Invitar a todas las personas de la lista")
        case .invitedMany(let count, let sent):
            (Plural.of(count, one: "1 invitation made", other: "\(count) invitations made") + (sent == count ? ", each on its way to the person." : sent == 0 ? "." : ", \(sent) of them on their way to the person.")
                + " Each link works once, for 72 hours, and is shown only now: pass on any that did not go out, privately.",
             Plural.of(count, one: "Se creó 1 invitación", other: "Se crearon \(count) invitaciones") + (sent == count ? ", cada una en camino a su persona." : sent == 0 ? "." : ", \(sent) en camino a su persona.")
                + " Cada enlace funciona una vez, durante 72 horas, y se muestra solo ahora: pase en privado los que no salieron.")
        case .invitedManyNotSent: ("Not sent: pass on the link", "No enviada: pase el enlace")
        case .invitationSentShort(let channel, let to):
            (channel == .email ? "On its way by email to \(to)" : "On its way by text message to \(to)",
             channel == .email ? "En camino por correo a \(to)" : "En camino por mensaje de texto a \(to)")
        case .invitationLinkLabel: ("Invitation link", "Enlace de invitación")
        case .errorLine(let line, let problem): ("Line \(line): \(problem.in(.en))", "Línea \(line): \(problem.in(.es))")
        case .errorEmailAlsoOnLine(let earlier): ("this email is also on line \(earlier).", "este correo también está en la línea \(earlier).")
        case .errorNobodyPasted: ("Paste at least one person: a name and an email on each line.", "Pegue al menos una persona: un nombre y un correo en cada línea.")
        case .errorTooManyPasted(let count): ("The list has \(count) people: invite at most \(PastedPeople.maximum) at a time.",
                                              "La lista tiene \(count) personas: invite como máximo \(PastedPeople.maximum) a la vez.")
        case .errorNoEmailOnLine: ("no email address on this line.", "no hay correo electrónico en esta línea.")
        case .inviteIntro: ("Amparo makes a one-time link for the new member to choose a password and set up two-step sign-in. Send it to them privately.", "Amparo crea un enlace de un solo uso para que el nuevo miembro elija su contraseña y configure el inicio de sesión en dos pasos. Envíeselo en privado.")
        case .memberName: ("Member's name", "Nombre del miembro")
        case .invitationSent(let channel, let to):
            (channel == .email ? "The invitation is on its way by email to \(to). If it does not arrive, pass on this link privately (valid 72 hours, shown only now):"
                               : "The invitation is on its way by text message to \(to). If it does not arrive, pass on this link privately (valid 72 hours, shown only now):",
             channel == .email ? "La invitación va en camino por correo a \(to). Si no llega, pase este enlace en privado (válido 72 horas, se muestra solo ahora):"
                               : "La invitación va en camino por mensaje de texto a \(to). Si no llega, pase este enlace en privado (válido 72 horas, se muestra solo ahora):")
        case .invitationNotSent: ("Amparo sent nothing: no email or text messages are set up (Settings). Pass on this link privately (valid 72 hours, shown only now):",
                                  "Amparo no envió nada: no hay correo ni mensajes de texto configurados (Configuración). Pase este enlace en privado (válido 72 horas, se muestra solo ahora):")
        case .invitationSubject(let organization): ("Your invitation to \(organization) on Amparo", "Su invitación a \(organization) en Amparo")
        case .invitationBody(let organization, let link):
            ("\(organization) invites you to its private space on Amparo. Open this link within 72 hours to choose your password and set up two-step sign-in:\n\n\(link)\n\nIf you were not expecting this, ignore it: nothing happens without the link.",
             "\(organization) le invita a su espacio privado en Amparo. Abra este enlace dentro de 72 horas para elegir su contraseña y configurar el inicio de sesión en dos pasos:\n\n\(link)\n\nSi no esperaba este mensaje, ignórelo: nada pasa sin el enlace.")
        case .statusLabel: ("Status", "Estado")
        case .statusActive: ("Active", "Activo")
        case .statusInvited: ("Invited", "Invitado")
        case .statusDisabled: ("Disabled", "Desactivado")
        case .accessLabel: ("Access", "Acceso")
        case .newInvitationLink: ("Make a new invitation link", "Crear un nuevo enlace de invitación")
        case .resetSecondFactor: ("Reset two-step sign-in", "Restablecer el inicio de sesión en dos pasos")
        case .disableMember: ("Disable account", "Desactivar cuenta")
        case .enableMember: ("Enable account", "Activar cuenta")
        case .save: ("Save", "Guardar")
        case .teamName: ("Team name", "Nombre del equipo")
        case .region: ("Region", "Región")
        case .regionHint: ("Town, county or area the team covers", "Pueblo, condado o zona que cubre el equipo")
        case .members: ("Members", "Miembros")
        case .newTeam: ("Add a team", "Agregar un equipo")
        case .auditIntro: ("Every sign-in, change and read of protected records, newest first. Each entry is chained to the one before, so edits and deletions show.", "Cada inicio de sesión, cambio y lectura de registros protegidos, del más reciente al más antiguo. Cada entrada está encadenada a la anterior, así que las ediciones y borrados se notan.")
        case .auditVerify: ("Check the chain", "Verificar la cadena")
        case .auditAnonymous: ("Someone not signed in", "Alguien sin sesión")
        case .auditCommandLine: ("The command line", "La línea de comandos")
        case .auditAmparo: ("Amparo itself", "Amparo mismo")
        case .auditIntact(let count): (Plural.of(count, one: "The chain is intact: 1 entry checked.", other: "The chain is intact: \(count) entries checked."),
                                       Plural.of(count, one: "La cadena está intacta: 1 entrada verificada.", other: "La cadena está intacta: \(count) entradas verificadas."))
        case .auditBroken: ("The chain is broken:", "La cadena está rota:")
        case .when: ("When", "Cuándo")
        case .who: ("Who", "Quién")
        case .what: ("What", "Qué")
        case .record: ("Record", "Registro")
        case .role(let role):
            switch role {
            case .admin: ("Admin", "Administración")
            case .coordinator: ("Coordinator", "Coordinación")
            case .dispatcher: ("Dispatcher", "Despacho")
            case .responder: ("Responder", "Respuesta")
            case .caseWorker: ("Case worker", "Acompañamiento de casos")
            case .legal: ("Legal", "Legal")
            case .visitor: ("Visitor", "Visitas")
            case .organizer: ("Organizer", "Organización")
            case .analyst: ("Analyst", "Análisis")
            }
        case .noticeSignedOut: ("You are signed out.", "Cerró su sesión.")
        case .noticePasswordChanged: ("Your password was changed. Your other sessions and your API tokens were ended.", "Su contraseña se cambió. Sus otras sesiones y sus tokens de API se cerraron.")
        case .noticeTokenRevoked: ("The token was revoked.", "El token fue revocado.")
        case .reachTitle: ("How Amparo reaches you", "Cómo le avisa Amparo")
        case .reachIntro: ("For what cannot wait: a report while you are on call, a request to go and see, a hold past release.", "Para lo que no puede esperar: un reporte mientras está de turno, un pedido de ir a ver, una retención después de la liberación.")
        case .reachChoice(let channel):
            switch channel {
            case .sms: ("Text message (SMS)", "Mensaje de texto (SMS)")
            case .signal: ("Signal", "Signal")
            case .email: ("Email", "Correo electrónico")
            }
        case .reachSave: ("Save how to reach me", "Guardar cómo avisarme")
        case .reachInvalid: ("Choose text message, Signal or email.", "Elija mensaje de texto, Signal o correo.")
        case .reachNoPhone: ("You have no phone number in Amparo: messages go by email. An administrator can add your number.", "No tiene un número de teléfono en Amparo: los avisos llegan por correo. Un administrador puede agregar su número.")
        case .reachNotSetUp(let channel):
            switch channel {
            case .sms: ("Text messages are not set up on this server yet: until they are, messages go by email.", "Los mensajes de texto aún no están configurados en este servidor: hasta entonces, los avisos llegan por correo.")
            case .signal: ("Signal is not set up on this server yet: until it is, messages go by text message or email.", "Signal aún no está configurado en este servidor: hasta entonces, los avisos llegan por mensaje de texto o correo.")
            case .email: ("Email is not set up on this server yet: messages wait until it is.", "El correo aún no está configurado en este servidor: los avisos esperan hasta que lo esté.")
            }
        case .noticeSaved: ("Saved.", "Guardado.")
        case .noticeSecondFactorReset: ("Two-step sign-in was reset; the member sets it up again at next sign-in.", "Se restableció el inicio en dos pasos; el miembro lo configurará de nuevo al entrar.")
        case .errorEmailInvalid: ("Enter an email address like name@example.org.", "Escriba un correo como nombre@ejemplo.org.")
        case .errorNameMissing: ("Enter a name.", "Escriba un nombre.")
        case .errorNameTooLong: ("Use at most 200 characters for a name.", "Use como máximo 200 caracteres para un nombre.")
        case .errorEmailTaken: ("Someone already has an account with this email address.", "Ya existe una cuenta con este correo electrónico.")
        case .errorRoleUnknown: ("Choose one of the listed roles.", "Elija uno de los roles de la lista.")
        case .errorOrganizationMissing: ("Enter your organization's name.", "Escriba el nombre de su organización.")
        case .errorPasswordsDiffer: ("The two passwords are not the same.", "Las dos contraseñas no son iguales.")
        case .errorSignInFailed: ("That email and password do not match an active account.", "Ese correo y contraseña no corresponden a una cuenta activa.")
        case .errorTooManyAttempts: ("Too many attempts. Wait 15 minutes and try again.", "Demasiados intentos. Espere 15 minutos e intente de nuevo.")
        case .errorSignInBusy: ("Many people are signing in right now. Wait a few seconds and try again.",
                                "Muchas personas están iniciando sesión en este momento. Espere unos segundos e intente de nuevo.")
        case .errorPasswordBusy: ("Amparo is busy checking passwords right now. Wait a few seconds and send the form again.",
                                  "Amparo está ocupado revisando contraseñas en este momento. Espere unos segundos y envíe el formulario de nuevo.")
        case .errorCodeWrong: ("That code is not right, or was already used. Wait for the next code and try again.", "Ese código no es correcto o ya se usó. Espere el siguiente código e intente de nuevo.")
        case .errorCurrentPasswordWrong: ("Your current password is not right.", "Su contraseña actual no es correcta.")
        case .errorTokenName: ("Give the token a name of 1 to 100 characters.", "Dé al token un nombre de 1 a 100 caracteres.")
        case .errorTokenChoice: ("Choose what the token may do and when it expires from the lists.", "Elija de las listas qué puede hacer el token y cuándo vence.")
        case .errorLanguageUnknown: ("Choose English or Spanish.", "Elija inglés o español.")
        case .errorCannotDemoteSelf: ("You cannot take the admin role from yourself. Ask another admin.", "No puede quitarse su propio rol de administración. Pídalo a otra persona administradora.")
        case .rolesLabel: ("Roles", "Roles")
        case .rolesHint: ("A member can hold several roles; each opens what it needs and no more.", "Una persona puede tener varios roles; cada uno abre lo que necesita y nada más.")
        case .rolesGuideTitle: ("What each role opens", "Qué abre cada rol")
        case .rolesGuideIntro: ("Give each person only the roles their work needs: every role that sees personal data asks for a second sign-in step.", "Dé a cada persona solo los roles que su trabajo necesita: todo rol que ve datos personales pide un segundo paso al iniciar sesión.")
        case .roleOpensNothing: ("The public pages only (places and evidence).", "Solo las páginas públicas (lugares y evidencia).")
        case .roleNotYours: ("You do not hold this role, so you cannot give or take it.", "Usted no tiene este rol, así que no puede darlo ni quitarlo.")
        case .errorNoRole: ("Choose at least one role.", "Elija al menos un rol.")
        case .errorRoleNotHeld: ("You can only give roles you hold yourself.", "Solo puede dar los roles que usted tiene.")
        case .errorLastAdmin: ("This is the group's last admin: make someone else admin first.", "Es la última persona administradora del grupo: primero dé ese rol a otra persona.")
        case .errorCannotDisableSelf: ("You cannot disable your own account.", "No puede desactivar su propia cuenta.")
        case .errorAlreadyAccepted: ("This member has already accepted their invitation.", "Este miembro ya aceptó su invitación.")
        case .errorPhoneInvalid: ("Enter a phone number with 7 to 15 digits, e.g. +1 555 0100 123.", "Escriba un teléfono de 7 a 15 dígitos, p. ej. +1 555 0100 123.")
        case .phone: ("Mobile phone", "Teléfono móvil")
        case .phoneHint: ("Optional. For alerts and dispatch by SMS or Signal.", "Opcional. Para alertas y despacho por SMS o Signal.")
        case .errorTeamNameMissing: ("Enter a team name.", "Escriba el nombre del equipo.")
        case .errorTeamNameTaken: ("A team with this name already exists.", "Ya existe un equipo con este nombre.")
        case .errorTeamFieldTooLong: ("Use at most 120 characters for a team name and for a region.", "Use como máximo 120 caracteres para el nombre del equipo y para la región.")
        case .errorControlCharacter: ("Remove the invisible control characters (such as tabs) from the text.", "Quite los caracteres de control invisibles (como tabuladores) del texto.")
        case .hotline(let text): text.pair
        case .alerts(let text): text.pair
        case .dispatch(let text): text.pair
        case .cases(let text): text.pair
        case .support(let text): text.pair
        case .settings(let text): text.pair
        case .places(let text): text.pair
        case .records(let text): text.pair
        case .evidence(let text): text.pair
        case .campaigns(let text): text.pair
        case .stories(let text): text.pair
        case .events(let text): text.pair
        case .passwordProblem(let problem):
            switch problem {
            case .tooShort: ("Use at least 12 characters.", "Use al menos 12 caracteres.")
            case .tooLong: ("Use at most 128 characters.", "Use como máximo 128 caracteres.")
            case .tooCommon: ("This password is too easy to guess. Choose another.", "Esta contraseña es muy fácil de adivinar. Elija otra.")
            case .containsEmail: ("Do not use your email address in your password.", "No use su correo electrónico en la contraseña.")
            }
        }
    }
}

extension Text {
    /// The names of these roles, in the catalog's order ("Despacho, Respuesta").
    public static func roleNames(_ roles: RoleSet, _ l: Language) -> String {
        roles.map { Text.role($0).in(l) }.joined(separator: ", ")
    }
}
