/// The alert pages' strings, in English and Spanish, reached through `Text.alerts(_:)`.
public enum AlertsText: Sendable, Equatable {
    case subscribeTitle, subscribeIntro, channelLabel, channel(AlertChannel), contactLabel, contactHint
    case regionLabel, allRegions, languageLabel, consentLabel, consentStatement, subscribeButton
    case subscribedTitle, subscribedBody, unsubscribeTitle, unsubscribeBody, unsubscribeButton, unsubscribedBody
    case unsubscribeInvalid, errorContact(AlertChannel), errorConsent, errorChoice, tooMany, channelsNotSetUp, errorChannelNotSetUp
    case publishTitle, coarsePlaceLabel, coarsePlaceHint, messageENLabel, messageESLabel, messageHint, hoursLabel
    case publishButton, published(Int), errorPlace, errorMessage, errorHours, notVerified, alertsSent, delivery(sent: Int, pending: Int, failed: Int)
    case stopFooter(String)
    case confirmTitle, confirmBody, confirmButton, confirmedBody, confirmInvalid, confirmSubject, confirmEmail(String), confirmText(String)
    case confirmedByText
    case onlyInOtherLanguage(Language), alertSubject(organization: String, place: String), errorMessageMissing, errorMessageTooLong
    case oneLanguageHint, previewButton, previewTitle, previewIntro, audienceTitle, audienceNobody, audienceLine(count: Int, channel: AlertChannel, language: Language)
    case channelNotConfigured(AlertChannel), messageFor(AlertChannel, Language), personalStopLink, editHint, composeTitle(String), backToReport
    case alertsTitle, alertsIntro, alertsNone, alertsLink, deliveryHeading, status(DeliveryStatus), failureReasons, waitingChannel
    case publishedBy, expires, audience, regionAll, fromReport

    public var pair: (String, String) {
        switch self {
        case .subscribeTitle: ("Get verified alerts", "Reciba alertas verificadas")
        case .subscribeIntro: ("We only send an alert after a trained volunteer has confirmed what is happening. Never a rumour.", "Solo enviamos una alerta después de que una persona voluntaria capacitada confirma lo que pasa. Nunca un rumor.")
        case .channelLabel: ("How should we reach you?", "¿Cómo le enviamos las alertas?")
        case .channel(let channel):
            switch channel {
            case .email: ("Email", "Correo electrónico")
            case .sms: ("Text message (SMS)", "Mensaje de texto (SMS)")
            case .signal: ("Signal", "Signal")
            }
        case .contactLabel: ("Email address or phone number", "Correo electrónico o número de teléfono")
        case .contactHint: ("It is stored encrypted and used only for these alerts.", "Se guarda cifrado y solo se usa para estas alertas.")
        case .regionLabel: ("Which area?", "¿Qué zona?")
        case .allRegions: ("Every area", "Todas las zonas")
        case .languageLabel: ("Language of the alerts", "Idioma de las alertas")
        case .consentLabel: ("Consent", "Consentimiento")
        case .consentStatement: ("I agree to receive verified enforcement alerts from this group on this channel. I can stop them at any time with the link or by replying STOP.", "Acepto recibir de este grupo alertas verificadas sobre acciones de inmigración por este medio. Puedo detenerlas en cualquier momento con el enlace o respondiendo ALTO.")
        case .subscribeButton: ("Subscribe", "Suscribirme")
        case .subscribedTitle: ("Almost done: confirm", "Casi listo: confirme")
        case .subscribedBody: ("We sent a message to the contact you gave. Alerts start once you open its link (or reply YES to the text). Every alert carries a link to stop them.", "Enviamos un mensaje al contacto que nos dio. Las alertas empiezan cuando abra su enlace (o responda SÍ al mensaje de texto). Cada alerta trae un enlace para detenerlas.")
        case .confirmTitle: ("Confirm your alerts", "Confirme sus alertas")
        case .confirmBody: ("Press the button to start receiving verified alerts on this contact.", "Pulse el botón para empezar a recibir alertas verificadas en este contacto.")
        case .confirmButton: ("Yes, send me alerts", "Sí, envíenme alertas")
        case .confirmedBody: ("You will get verified alerts. Every alert carries a link to stop them.", "Recibirá alertas verificadas. Cada alerta trae un enlace para detenerlas.")
        case .confirmInvalid: ("This link is not valid, or the alerts were stopped. Sign up again if you want them.", "Este enlace no es válido, o las alertas se detuvieron. Suscríbase de nuevo si las quiere.")
        case .confirmSubject: ("Confirm your alerts", "Confirme sus alertas")
        case .confirmEmail(let link): ("Someone (we hope you) asked for verified enforcement alerts at this address. To start them, open: \(link)\n\nIf it was not you, do nothing: without confirmation we send nothing and delete the address in 7 days.", "Alguien (esperamos que usted) pidió alertas verificadas sobre acciones de inmigración en esta dirección. Para empezar, abra: \(link)\n\nSi no fue usted, no haga nada: sin confirmación no enviamos nada y borramos la dirección en 7 días.")
        case .confirmText(let link): ("Amparo alerts: reply YES to confirm, or open \(link). Not you? Ignore this.", "Alertas de Amparo: responda SÍ para confirmar, o abra \(link). ¿No fue usted? Ignore este mensaje.")
        case .confirmedByText: ("Confirmed: you will get verified alerts. Reply STOP to end them.", "Confirmado: recibirá alertas verificadas. Responda ALTO para detenerlas.")
        case .unsubscribeTitle: ("Stop alerts", "Detener alertas")
        case .unsubscribeBody: ("Press the button to stop all alerts to this contact. We then delete the contact.", "Pulse el botón para detener todas las alertas a este contacto. Luego borramos el contacto.")
        case .unsubscribeButton: ("Stop alerts", "Detener alertas")
        case .unsubscribedBody: ("Done. You will get no more alerts, and your contact has been deleted.", "Listo. No recibirá más alertas y su contacto fue borrado.")
        case .unsubscribeInvalid: ("This link is not valid, or the alerts were already stopped.", "Este enlace no es válido, o las alertas ya se detuvieron.")
        case .errorContact(let channel):
            channel == .email
                ? ("Enter an email address like name@example.org.", "Escriba un correo como nombre@ejemplo.org.")
                : ("Enter a phone number with its area code, e.g. +1 503 555 0100.", "Escriba un teléfono con su código de área, p. ej. +1 503 555 0100.")
        case .errorConsent: ("Tick the consent box to subscribe.", "Marque la casilla de consentimiento para suscribirse.")
        case .errorChoice: ("Choose one of the listed options.", "Elija una de las opciones de la lista.")
        case .channelsNotSetUp: ("This group cannot send alerts yet: no way of sending messages (text, Signal or email) is set up on this server. Please come back later.",
                                 "Este grupo todavía no puede enviar alertas: en este servidor no hay ninguna forma de enviar mensajes (texto, Signal o correo). Vuelva más tarde, por favor.")
        case .errorChannelNotSetUp: ("Alerts cannot be sent that way here yet. Choose one of the listed ways.", "Aquí todavía no se pueden enviar alertas de esa forma. Elija una de la lista.")
        case .publishTitle: ("Send a verified alert", "Enviar una alerta verificada")
        case .coarsePlaceLabel: ("Area", "Zona")
        case .coarsePlaceHint: ("A neighbourhood or town, never an address.", "Un barrio o pueblo, nunca una dirección.")
        case .messageENLabel: ("Alert in English", "Alerta en inglés")
        case .messageESLabel: ("Alert in Spanish", "Alerta en español")
        case .messageHint: ("What is happening and what to do. Up to 480 characters.", "Qué pasa y qué hacer. Hasta 480 caracteres.")
        case .hoursLabel: ("Valid for (hours)", "Vigente por (horas)")
        case .publishButton: ("Send the alert", "Enviar la alerta")
        case .published(let n): (Plural.of(n, one: "Alert published: 1 message queued.", other: "Alert published: \(n) messages queued."),
                                 Plural.of(n, one: "Alerta publicada: 1 mensaje en cola.", other: "Alerta publicada: \(n) mensajes en cola."))
        case .errorPlace: ("Name the area in 1 to 120 characters, without an address.", "Nombre la zona en 1 a 120 caracteres, sin dirección.")
        case .errorMessage: ("Write the alert in both languages, up to 480 characters each.", "Escriba la alerta en ambos idiomas, hasta 480 caracteres cada una.")
        case .errorHours: ("An alert is valid for 1 to 72 hours.", "Una alerta vale de 1 a 72 horas.")
        case .notVerified: ("Only a verified report can become an alert.", "Solo un reporte verificado puede ser una alerta.")
        case .alertsSent: ("Alerts from this report", "Alertas de este reporte")
        case .delivery(let sent, let pending, let failed): ("\(sent) delivered, \(pending) waiting, \(failed) failed", "\(sent) entregados, \(pending) en espera, \(failed) fallidos")
        case .stopFooter(let link): ("Stop these alerts: \(link)", "Detener estas alertas: \(link)")
        case .onlyInOtherLanguage(let other):
            other == .en ? ("(Only in English)", "(Solo en inglés)") : ("(Only in Spanish)", "(Solo en español)")
        case .alertSubject(let organization, let place): ("\(organization): verified alert, \(place)", "\(organization): alerta verificada, \(place)")
        case .errorMessageMissing: ("Write the alert in at least one language.", "Escriba la alerta en al menos un idioma.")
        case .errorMessageTooLong: ("An alert holds at most 480 characters, without control characters.", "Una alerta tiene como máximo 480 caracteres, sin caracteres de control.")
        case .oneLanguageHint: ("One language is enough: subscribers of the other get it marked as such.", "Basta con un idioma: quienes leen el otro la reciben marcada así.")
        case .previewButton: ("Preview who gets what", "Ver quién recibe qué")
        case .previewTitle: ("Before you send", "Antes de enviar")
        case .previewIntro: ("Check who will receive this alert and exactly what each will read. Nothing has been sent yet.", "Revise quién recibirá esta alerta y qué leerá cada persona. Todavía no se envió nada.")
        case .audienceTitle: ("Who will receive it", "Quién la recibirá")
        case .audienceNobody: ("Nobody: no confirmed subscriber in this area. Publishing still records the alert.", "Nadie: no hay suscriptores confirmados en esta zona. Publicarla igual la deja registrada.")
        case .audienceLine(let count, let channel, let language):
            ("\(count) by \(Self.channelName(channel).0) in \(language == .es ? "Spanish" : "English")", "\(count) por \(Self.channelName(channel).1) en \(language == .es ? "español" : "inglés")")
        case .channelNotConfigured(let channel): ("\(Self.channelName(channel).0) is not set up on this server: these messages wait until it is.", "\(Self.channelName(channel).1) no está configurado en este servidor: estos mensajes esperan hasta que lo esté.")
        case .messageFor(let channel, let language): ("By \(Self.channelName(channel).0), in \(language == .es ? "Spanish" : "English")", "Por \(Self.channelName(channel).1), en \(language == .es ? "español" : "inglés")")
        case .personalStopLink: ("(each person's own stop link)", "(el enlace propio de cada persona)")
        case .editHint: ("Change the text above and preview again, or send it as it is.", "Cambie el texto arriba y vuelva a revisar, o envíela así.")
        case .composeTitle(let reference): ("Alert from report \(reference)", "Alerta del reporte \(reference)")
        case .backToReport: ("Back to the report", "Volver al reporte")
        case .alertsTitle: ("Alerts sent", "Alertas enviadas")
        case .alertsIntro: ("Every published alert and how its delivery is going, by channel. This page updates itself while messages are on their way.", "Cada alerta publicada y cómo va su entrega, por medio. Esta página se actualiza sola mientras los mensajes van en camino.")
        case .alertsNone: ("No alert has been published yet.", "Todavía no se publicó ninguna alerta.")
        case .alertsLink: ("Alerts sent", "Alertas enviadas")
        case .deliveryHeading: ("Delivery", "Entrega")
        case .status(let status):
            switch status {
            case .queued: ("queued", "en cola")
            case .sending: ("sending", "enviando")
            case .sent: ("sent", "enviados")
            case .failed: ("failed", "fallidos")
            case .waiting: ("waiting for the channel to be set up", "esperando que se configure el medio")
            }
        case .failureReasons: ("Why some failed", "Por qué fallaron algunos")
        case .waitingChannel: ("not set up", "sin configurar")
        case .publishedBy: ("Published by", "Publicada por")
        case .expires: ("Valid until", "Vigente hasta")
        case .audience: ("Recipients", "Destinatarios")
        case .regionAll: ("Every area", "Todas las zonas")
        case .fromReport: ("From report", "Del reporte")
        case .tooMany: ("Too many attempts from this connection. Wait a few minutes.", "Demasiados intentos desde esta conexión. Espere unos minutos.")
        }
    }

    private static func channelName(_ channel: AlertChannel) -> (String, String) {
        switch channel {
        case .email: ("email", "correo")
        case .sms: ("text message", "mensaje de texto")
        case .signal: ("Signal", "Signal")
        }
    }
}

/// Where an outbox message stands, as the alerts page counts it. `waiting`: queued for a channel
/// this server has not set up, so nothing will move until someone does.
public enum DeliveryStatus: String, Sendable, Equatable, Codable, CaseIterable {
    case queued, sending, sent, failed, waiting
}
