//! Small value types shared by the list and the screening engine.

/// How a call or message reaches the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    Phone,
    Sms,
    Whatsapp,
    Telegram,
    Viber,
    Signal,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 7] = [
        Channel::Phone,
        Channel::Sms,
        Channel::Whatsapp,
        Channel::Telegram,
        Channel::Viber,
        Channel::Signal,
        Channel::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Sms => "sms",
            Channel::Whatsapp => "whatsapp",
            Channel::Telegram => "telegram",
            Channel::Viber => "viber",
            Channel::Signal => "signal",
            Channel::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.name() == name)
    }

    /// An internet messenger (not the phone network, not SMS).
    pub fn is_messenger(self) -> bool {
        !matches!(self, Channel::Phone | Channel::Sms)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of channels in one byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Channels(u8);

impl Channels {
    pub const PHONE_ONLY: Channels = Channels(1);

    pub fn insert(&mut self, channel: Channel) -> bool {
        let fresh = !self.contains(channel);
        self.0 |= channel.bit();
        fresh
    }

    pub fn contains(self, channel: Channel) -> bool {
        self.0 & channel.bit() != 0
    }

    pub fn iter(self) -> impl Iterator<Item = Channel> {
        Channel::ALL.into_iter().filter(move |c| self.contains(*c))
    }
}

/// Which way the bank uses a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContactDirection {
    /// Customers call it; the bank never calls from it.
    InboundOnly,
    /// The bank calls from it.
    Outbound,
    Both,
}

impl ContactDirection {
    pub fn name(self) -> &'static str {
        match self {
            ContactDirection::InboundOnly => "inbound_only",
            ContactDirection::Outbound => "outbound",
            ContactDirection::Both => "both",
        }
    }

    pub fn from_name(name: &str) -> Option<ContactDirection> {
        match name {
            "inbound_only" => Some(ContactDirection::InboundOnly),
            "outbound" => Some(ContactDirection::Outbound),
            "both" => Some(ContactDirection::Both),
            _ => None,
        }
    }
}

/// Text in several languages; `en` is always present (the list rules demand it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized(Vec<(Box<str>, Box<str>)>);

impl Localized {
    /// `pairs` must contain `en`; checked by the list parser.
    pub(crate) fn new(mut pairs: Vec<(Box<str>, Box<str>)>) -> Localized {
        pairs.sort();
        Localized(pairs)
    }

    /// The text in `lang`, else English. Language tags compare
    /// case-insensitively (`pt-BR` finds `pt-br`), as BCP 47 says.
    pub fn get(&self, lang: &str) -> &str {
        self.find(lang)
            .or_else(|| self.find("en"))
            .unwrap_or_default()
    }

    fn find(&self, lang: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(lang))
            .map(|(_, t)| t.as_ref())
    }

    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(l, t)| (l.as_ref(), t.as_ref()))
    }

    pub(crate) fn text_bytes(&self) -> usize {
        self.0.iter().map(|(l, t)| l.len() + t.len()).sum()
    }
}
