/// The steps that make a new Amparo ready for the group, in the order a coordinator takes them.
public enum SetupStep: String, CaseIterable, Codable, Sendable {
    case organization, channel, teams, members, shifts, agreements, signUp
}

/// The time zones of the United States and its territories, as the settings page offers them (any
/// other IANA zone may still be fixed where the server starts).
public enum CommonTimeZone: String, CaseIterable, Codable, Sendable {
    case eastern = "America/New_York", central = "America/Chicago", mountain = "America/Denver", arizona = "America/Phoenix"
    case pacific = "America/Los_Angeles", alaska = "America/Anchorage", hawaii = "Pacific/Honolulu"
    case puertoRico = "America/Puerto_Rico", guam = "Pacific/Guam", samoa = "Pacific/Pago_Pago", utc = "UTC"

    public var pair: (String, String) {
        switch self {
        case .eastern: ("Eastern (New York, Atlanta, Miami)", "Este (Nueva York, Atlanta, Miami)")
        case .central: ("Central (Chicago, Houston, Minneapolis)", "Centro (Chicago, Houston, Mineápolis)")
        case .mountain: ("Mountain (Denver, Salt Lake City, El Paso)", "Montaña (Denver, Salt Lake City, El Paso)")
        case .arizona: ("Arizona (Phoenix, no daylight saving time)", "Arizona (Phoenix, sin horario de verano)")
        case .pacific: ("Pacific (Los Angeles, Seattle, Portland)", "Pacífico (Los Ángeles, Seattle, Portland)")
        case .alaska: ("Alaska (Anchorage)", "Alaska (Anchorage)")
        case .hawaii: ("Hawaii (Honolulu)", "Hawái (Honolulu)")
        case .puertoRico: ("Atlantic (Puerto Rico, U.S. Virgin Islands)", "Atlántico (Puerto Rico, Islas Vírgenes)")
        case .guam: ("Chamorro (Guam, Northern Mariana Islands)", "Chamorro (Guam, Islas Marianas del Norte)")
        case .samoa: ("Samoa (American Samoa)", "Samoa (Samoa Americana)")
        case .utc: ("UTC (coordinated universal time)", "UTC (tiempo universal coordinado)")
        }
    }

    public func label(_ language: Language) -> String { language == .en ? pair.0 : pair.1 }
}

/// Strings of the settings page (the organization and the delivery channels), in English and
/// Spanish, reached through `Text.settings(_:)`.
public enum SettingsText: Sendable, Equatable, Codable {
    case navSettings, title, intro
    case organizationTitle, organizationName, hotlineNumber, hotlineNumberHint, defaultLanguage, timeZone, timeZoneHint, timeZoneFromEnvironment(String)
    case channelTitle(AlertChannel), channelIntro(AlertChannel), setByEnvironment(String)
    case mailHost, mailHostHint, mailPort, mailSecurity, security(SMTPSecurity), mailUsername, mailPassword, passwordSaved, passwordHint, mailFrom, mailFromHint
    case twilioSID, twilioToken, tokenSaved, twilioFrom, twilioFromHint
    case signalURL, signalURLHint, signalNumber
    case saveChannel, turnOffHint
    case healthTitle, notConfigured, configured, waiting(Int), lastSent(String), neverSent, lastProblem(at: String, reason: String)
    case testTitle, testTo, testButton, testSubject(String), testBody(String), testSent(String), testFailed(String)
    // Problems
    case errorName, errorHotline, errorTimeZone, errorHost, errorPort, errorFrom, errorUserWithoutPassword, errorSID, errorToken, errorNumber, errorURL
    case errorServer(String), errorSignIn(String), errorTestTo(AlertChannel), errorNotConfigured(AlertChannel)
    case stuck(Int, AlertChannel)
    case checklistTitle, checklistIntro(done: Int, of: Int), step(SetupStep), stepDone, stepToDo

    public var pair: (String, String) {
        switch self {
        case .navSettings: ("Settings", "Configuración")
        case .title: ("Settings", "Configuración")
        case .intro: ("What the public sees of your group, and how Amparo sends its messages. Passwords and tokens are kept encrypted and never shown again.",
                      "Lo que el público ve de su grupo y cómo envía Amparo sus mensajes. Las contraseñas y los tokens se guardan cifrados y no se vuelven a mostrar.")
        case .organizationTitle: ("Your organization", "Su organización")
        case .organizationName: ("Name of the organization", "Nombre de la organización")
        case .hotlineNumber: ("Public hotline number", "Número público de la línea")
        case .hotlineNumberHint: ("Shown on the public pages, for people who would rather call. Leave it empty if you have none.",
                                  "Se muestra en las páginas públicas, para quien prefiera llamar. Déjelo vacío si no tienen.")
        case .defaultLanguage: ("Language for people who have not chosen one", "Idioma para quien no eligió uno")
        case .timeZone: ("Time zone", "Zona horaria")
        case .timeZoneHint: ("Every time Amparo shows or texts is in this zone, and shifts repeat at its local hours.",
                             "Amparo muestra y envía todas las horas en esta zona, y los turnos se repiten a sus horas locales.")
        case .timeZoneFromEnvironment(let zone): ("\(zone), set where the server starts (AMPARO_TIMEZONE).", "\(zone), definida donde arranca el servidor (AMPARO_TIMEZONE).")
        case .channelTitle(let channel):
            switch channel {
            case .email: ("Email", "Correo electrónico")
            case .sms: ("Text messages (Twilio)", "Mensajes de texto (Twilio)")
            case .signal: ("Signal", "Signal")
            }
        case .channelIntro(let channel):
            switch channel {
            case .email: ("Invitations, alerts and notices by email go through your mail provider's SMTP server. Its help pages name the server, port and security to use.",
                          "Las invitaciones, alertas y avisos por correo salen por el servidor SMTP de su proveedor de correo. Su página de ayuda indica el servidor, el puerto y la seguridad.")
            case .sms: ("Texts and calls go through a Twilio account: its console shows the Account SID, the Auth Token and your Twilio number.",
                        "Los textos y las llamadas pasan por una cuenta de Twilio: su consola muestra el Account SID, el Auth Token y su número de Twilio.")
            case .signal: ("Signal messages go through signal-cli-rest-api, run next to Amparo with the group's own Signal number.",
                           "Los mensajes de Signal pasan por signal-cli-rest-api, instalado junto a Amparo con el número de Signal del grupo.")
            }
        case .setByEnvironment(let variable): ("Set where the server starts (\(variable)): change it there.", "Definido donde arranca el servidor (\(variable)): cámbielo allí.")
        case .mailHost: ("SMTP server", "Servidor SMTP")
        case .mailHostHint: ("For example smtp.gmail.com or smtp.office365.com. Leave it empty to stop sending email.",
                             "Por ejemplo smtp.gmail.com o smtp.office365.com. Déjelo vacío para dejar de enviar correos.")
        case .mailPort: ("Port", "Puerto")
        case .mailSecurity: ("Security", "Seguridad")
        case .security(let security):
            switch security {
            case .starttls: ("STARTTLS (usually port 587)", "STARTTLS (normalmente el puerto 587)")
            case .tls: ("TLS from the start (usually port 465)", "TLS desde el inicio (normalmente el puerto 465)")
            case .none: ("None: only for a relay on this machine (port 25)", "Ninguna: solo para un relé en esta máquina (puerto 25)")
            }
        case .mailUsername: ("User name", "Usuario")
        case .mailPassword: ("Password", "Contraseña")
        case .passwordSaved: ("A password is saved. Leave this empty to keep it.", "Hay una contraseña guardada. Deje esto vacío para conservarla.")
        case .passwordHint: ("Many providers ask for an app password here, not your usual one.", "Muchos proveedores piden aquí una contraseña de aplicación, no la habitual.")
        case .mailFrom: ("Sender address", "Dirección del remitente")
        case .mailFromHint: ("The address people see the messages come from; your provider must allow it.", "La dirección de la que la gente ve llegar los mensajes; su proveedor debe permitirla.")
        case .twilioSID: ("Account SID", "Account SID")
        case .twilioToken: ("Auth Token", "Auth Token")
        case .tokenSaved: ("A token is saved. Leave this empty to keep it.", "Hay un token guardado. Deje esto vacío para conservarlo.")
        case .twilioFrom: ("Twilio number", "Número de Twilio")
        case .twilioFromHint: ("With the country code, like +1 503 555 0100.", "Con el código de país, como +1 503 555 0100.")
        case .signalURL: ("Address of signal-cli-rest-api", "Dirección de signal-cli-rest-api")
        case .signalURLHint: ("For example http://127.0.0.1:8080.", "Por ejemplo http://127.0.0.1:8080.")
        case .signalNumber: ("The group's Signal number", "El número de Signal del grupo")
        case .saveChannel: ("Check and save", "Comprobar y guardar")
        case .turnOffHint: ("To turn this channel off, empty the first field and save.", "Para apagar este canal, vacíe el primer campo y guarde.")
        case .healthTitle: ("How it is going", "Cómo va")
        case .notConfigured: ("Not set up: nothing goes out by this channel.", "Sin configurar: nada sale por este canal.")
        case .configured: ("Set up.", "Configurado.")
        case .waiting(let count): (Plural.of(count, one: "1 message waiting.", other: "\(count) messages waiting."),
                                   Plural.of(count, one: "1 mensaje en espera.", other: "\(count) mensajes en espera."))
        case .lastSent(let when): ("Last message sent: \(when).", "Último mensaje enviado: \(when).")
        case .neverSent: ("No message has gone out yet.", "Todavía no ha salido ningún mensaje.")
        case .lastProblem(let when, let reason): ("Latest problem (\(when)): \(reason)", "Último problema (\(when)): \(reason)")
        case .testTitle: ("Send a test message", "Enviar un mensaje de prueba")
        case .testTo: ("To", "Para")
        case .testButton: ("Send the test", "Enviar la prueba")
        case .testSubject(let organization): ("Test message from \(organization)", "Mensaje de prueba de \(organization)")
        case .testBody(let organization): ("This is a test message from Amparo for \(organization). If you can read it, this channel works.",
                                           "Este es un mensaje de prueba de Amparo para \(organization). Si puede leerlo, este canal funciona.")
        case .testSent(let to): ("The test message went out to \(to).", "El mensaje de prueba salió hacia \(to).")
        case .testFailed(let reason): ("The test message did not go out: \(reason)", "El mensaje de prueba no salió: \(reason)")
        case .errorName: ("Enter the organization's name (up to 200 characters).", "Escriba el nombre de la organización (hasta 200 caracteres).")
        case .errorHotline: ("Enter the hotline number with its area code, like (503) 555-0100, or leave it empty.",
                             "Escriba el número de la línea con su código de área, como (503) 555-0100, o déjelo vacío.")
        case .errorTimeZone: ("Choose the time zone from the list.", "Elija la zona horaria de la lista.")
        case .errorHost: ("Enter the server's name, like smtp.example.org, without spaces.", "Escriba el nombre del servidor, como smtp.example.org, sin espacios.")
        case .errorPort: ("Enter a port number between 1 and 65535 (usually 587 or 465).", "Escriba un número de puerto entre 1 y 65535 (normalmente 587 o 465).")
        case .errorFrom: ("Enter the sender address, like alertas@example.org.", "Escriba la dirección del remitente, como alertas@example.org.")
        case .errorUserWithoutPassword: ("Enter the password that goes with this user name.", "Escriba la contraseña que va con este usuario.")
        case .errorSID: ("Enter the Account SID: AC followed by 32 letters and digits.", "Escriba el Account SID: AC seguido de 32 letras y números.")
        case .errorToken: ("Enter the Auth Token from Twilio's console.", "Escriba el Auth Token de la consola de Twilio.")
        case .errorNumber: ("Enter the number with its country code, like +1 503 555 0100.", "Escriba el número con su código de país, como +1 503 555 0100.")
        case .errorURL: ("Enter an address that starts with http:// or https://.", "Escriba una dirección que empiece con http:// o https://.")
        case .errorServer(let reason): ("The mail server did not accept these settings, so nothing was saved. It answered: \(reason)",
                                        "El servidor de correo no aceptó estos datos, así que no se guardó nada. Respondió: \(reason)")
        case .errorSignIn(let reason): ("The mail server did not accept the user name or password, so nothing was saved. Many providers want an app password here. It answered: \(reason)",
                                        "El servidor de correo no aceptó el usuario o la contraseña, así que no se guardó nada. Muchos proveedores piden aquí una contraseña de aplicación. Respondió: \(reason)")
        case .errorTestTo(let channel): (channel == .email ? "Enter an email address to send the test to." : "Enter a phone number, with its country code, to send the test to.",
                                         channel == .email ? "Escriba un correo al que enviar la prueba." : "Escriba un número de teléfono, con su código de país, al que enviar la prueba.")
        case .stuck(let count, let channel):
            (Plural.of(count, one: "1 message waits for \(Text.settings(.channelTitle(channel)).in(.en)), which is not set up: nothing goes out until it is.",
                       other: "\(count) messages wait for \(Text.settings(.channelTitle(channel)).in(.en)), which is not set up: nothing goes out until it is."),
             Plural.of(count, one: "1 mensaje espera por \(Text.settings(.channelTitle(channel)).in(.es)), que no está configurado: nada sale hasta que lo esté.",
                       other: "\(count) mensajes esperan por \(Text.settings(.channelTitle(channel)).in(.es)), que no está configurado: nada sale hasta que lo esté."))
        case .checklistTitle: ("Getting Amparo ready", "Preparar Amparo")
        case .checklistIntro(let done, let total): ("\(done) of \(total) done. Each step ticks itself when it is done; this list goes away after the last.",
                                                    "\(done) de \(total) listos. Cada paso se marca solo al hacerse; esta lista desaparece después del último.")
        case .step(let step):
            switch step {
            case .organization: ("Your organization's name, hotline number, language and time zone",
                                 "El nombre, el número de la línea, el idioma y la zona horaria de su organización")
            case .channel: ("A way to send messages: email, text messages or Signal", "Una forma de enviar mensajes: correo, mensajes de texto o Signal")
            case .teams: ("Teams and the regions they cover", "Los equipos y las regiones que cubren")
            case .members: ("Members invited, each with their roles", "Miembros invitados, cada uno con sus roles")
            case .shifts: ("Who is on call: the weekly shifts", "Quién está de turno: los turnos de la semana")
            case .agreements: ("ICE's 287(g) list imported, for the places pages", "La lista 287(g) de ICE importada, para las páginas de lugares")
            case .signUp: ("The alert sign-up page shared with your community (ticks at the first sign-up)", "La página de inscripción a alertas compartida con su comunidad (se marca con la primera inscripción)")
            }
        case .stepDone: ("Done", "Listo")
        case .stepToDo: ("To do", "Pendiente")
        case .errorNotConfigured(let channel): ("\(Text.settings(.channelTitle(channel)).in(.en)) is not set up yet: fill in and save the form above first.",
                                                "\(Text.settings(.channelTitle(channel)).in(.es)) aún no está configurado: primero llene y guarde el formulario de arriba.")
        }
    }
}
