import AmparoDomain
import AmparoPersistence
import NIOConcurrencyHelpers

/// The delivery channels as they stand now: each from the server's environment when it sets it,
/// else from the settings page. An admin's save takes effect at once: the outbox worker and every
/// page ask here, and only the channel that changed gets a new sender (mail keeps its sessions).
final class LiveChannels: Sendable {
    typealias MakeSender = @Sendable (AlertChannel, DeliveryConfig) -> (any ChannelSender)?

    /// What the environment sets (`AMPARO_SMTP`, `AMPARO_TWILIO_*`, `AMPARO_SIGNAL_*`).
    let environment: DeliveryConfig
    private let make: MakeSender
    private let state: NIOLockedValueBox<(config: DeliveryConfig, senders: [AlertChannel: any ChannelSender])>
    /// The public hotline number from the settings page, kept here with the rest of what the page
    /// saves so the public pages read it without a query.
    private let hotline = NIOLockedValueBox<String?>(nil)

    init(environment: DeliveryConfig, make: @escaping MakeSender) {
        self.environment = environment
        self.make = make
        var senders: [AlertChannel: any ChannelSender] = [:]
        for channel in AlertChannel.allCases { senders[channel] = make(channel, environment) }
        state = NIOLockedValueBox((environment, senders))
    }

    var config: DeliveryConfig { state.withLockedValue { $0.config } }
    var hotlineNumber: String? { hotline.withLockedValue { $0 } }

    func sender(_ channel: AlertChannel) -> (any ChannelSender)? { state.withLockedValue { $0.senders[channel] } }

    /// Whether the environment sets this channel: the settings page then shows it and leaves it alone.
    func setByEnvironment(_ channel: AlertChannel) -> Bool { environment.sets(channel) }

    /// Takes what the settings page keeps.
    func apply(_ stored: StoredSettings) {
        hotline.withLockedValue { $0 = stored.hotlineNumber }
        let next = environment.overlaid(with: stored)
        state.withLockedValue { state in
            for channel in AlertChannel.allCases where state.config.part(channel) != next.part(channel) {
                state.senders[channel] = make(channel, next)
            }
            state.config = next
        }
    }
}

extension DeliveryConfig {
    func sets(_ channel: AlertChannel) -> Bool {
        switch channel {
        case .email: smtpHost != nil
        case .sms: twilioAccountSID != nil
        case .signal: signalBaseURL != nil
        }
    }

    /// Each channel the environment leaves unset, from the settings page.
    func overlaid(with stored: StoredSettings) -> DeliveryConfig {
        var config = self
        if !sets(.email), let mail = stored.mail {
            config.smtpHost = mail.host
            config.smtpPort = mail.port
            config.smtpSecurity = mail.security
            config.smtpUsername = mail.username
            config.smtpPassword = mail.password
            config.mailFrom = mail.from
        }
        if !sets(.sms), let twilio = stored.twilio {
            config.twilioAccountSID = twilio.accountSID
            config.twilioAuthToken = twilio.authToken
            config.twilioFrom = twilio.from
        }
        if !sets(.signal), let signal = stored.signal {
            config.signalBaseURL = signal.url
            config.signalNumber = signal.number
        }
        return config
    }

    /// What one channel's sender is made from: a change elsewhere leaves it as it is.
    func part(_ channel: AlertChannel) -> [String?] {
        switch channel {
        case .email:
            [smtpHost, "\(smtpPort)", smtpSecurity?.rawValue, smtpUsername, smtpPassword, smtpTrustRootsFile, mailFrom]
        case .sms: [twilioBaseURL, twilioAccountSID, twilioAuthToken, twilioFrom]
        case .signal: [signalBaseURL, signalNumber]
        }
    }
}
