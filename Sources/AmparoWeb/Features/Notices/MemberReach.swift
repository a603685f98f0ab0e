import AmparoDomain
import AmparoPersistence

/// How an urgent message reaches a member: the channel they chose (`UserModel.reachChannel`) when
/// this server has it and they have what it needs, else a text when possible, else email. The one
/// place the on-call alarm, dispatch requests and hold alerts choose a channel.
enum MemberReach {
    /// A phone channel for this member: Signal when they chose it and it is set up, else a text
    /// message when that is set up; nil without a phone, without either channel, or when they chose email.
    static func phone(_ member: UserModel, accounts: Accounts, services: AmparoServices) -> (channel: AlertChannel, to: String)? {
        let chosen = member.reachChannel.flatMap(AlertChannel.init(rawValue:))
        guard chosen != .email, let raw = accounts.phone(of: member) else { return nil }
        let order: [AlertChannel] = chosen == .signal ? [.signal, .sms] : [.sms]
        for channel in order where services.delivery.senders(channel) != nil {
            if let number = channel.normalize(raw) { return (channel, number) }
        }
        return nil
    }

    /// The one channel for a message that cannot wait: the member's phone channel, else email.
    static func urgent(_ member: UserModel, accounts: Accounts, services: AmparoServices) -> (channel: AlertChannel, to: String) {
        phone(member, accounts: accounts, services: services) ?? (.email, accounts.email(of: member))
    }
}
