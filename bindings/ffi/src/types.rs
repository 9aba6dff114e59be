//! Records and enums as Kotlin and Swift see them, with conversions to and
//! from the core's types. No decisions are made here.

use callguard_core::screen as core_screen;
use callguard_core::{Channel as CoreChannel, ContactList};

#[derive(Debug, Clone, uniffi::Record)]
pub struct GuardConfig {
    /// The phone's home region, ISO 3166 (e.g. "RU"). If unknown or empty,
    /// only numbers written with "+" can match.
    pub home_region: String,
    /// "en" or "ru" (others fall back to English).
    pub language: String,
    /// Where the last accepted list per issuer is kept. `None`: memory only.
    #[uniffi(default = None)]
    pub state_dir: Option<String>,
    /// Refuse lists larger than this many bytes (default 8 MiB).
    #[uniffi(default = None)]
    pub max_list_bytes: Option<u64>,
    /// This install's audience id for call intents, if the app has its own
    /// (1–128 of `A-Z a-z 0-9 . _ : -`). `None`: a random id, made once and
    /// kept in the state directory (`intent_audience()` returns it).
    #[uniffi(default = None)]
    pub intent_audience: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ListInfo {
    pub issuer: String,
    pub version: u64,
    /// RFC 3339, UTC.
    pub issued_at: String,
    /// RFC 3339, UTC.
    pub expires_at: String,
    pub contacts: u64,
}

impl From<&ContactList> for ListInfo {
    fn from(list: &ContactList) -> Self {
        ListInfo {
            issuer: list.issuer.id.clone(),
            version: list.version,
            issued_at: list.issued_at.to_rfc3339(),
            expires_at: list.expires_at.to_rfc3339(),
            contacts: list.contact_count() as u64,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Channel {
    Phone,
    Sms,
    Whatsapp,
    Telegram,
    Viber,
    Signal,
    Other,
}

impl From<Channel> for CoreChannel {
    fn from(c: Channel) -> Self {
        match c {
            Channel::Phone => CoreChannel::Phone,
            Channel::Sms => CoreChannel::Sms,
            Channel::Whatsapp => CoreChannel::Whatsapp,
            Channel::Telegram => CoreChannel::Telegram,
            Channel::Viber => CoreChannel::Viber,
            Channel::Signal => CoreChannel::Signal,
            Channel::Other => CoreChannel::Other,
        }
    }
}

impl From<CoreChannel> for Channel {
    fn from(c: CoreChannel) -> Self {
        match c {
            CoreChannel::Phone => Channel::Phone,
            CoreChannel::Sms => Channel::Sms,
            CoreChannel::Whatsapp => Channel::Whatsapp,
            CoreChannel::Telegram => Channel::Telegram,
            CoreChannel::Viber => Channel::Viber,
            CoreChannel::Signal => Channel::Signal,
            CoreChannel::Other => Channel::Other,
        }
    }
}

/// A call the bank announced (a verified call intent), for the app's own
/// "talking to you now" screen. Texts in the guard's language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IntentInfo {
    pub issuer: String,
    pub id: String,
    /// E.164, `+7…`.
    pub from: String,
    pub channel: Channel,
    pub agent: String,
    pub department: String,
    pub purpose: String,
    /// Unix seconds.
    pub not_before: i64,
    /// Unix seconds.
    pub expires_at: i64,
}

impl IntentInfo {
    pub fn new(
        intent: &callguard_core::intent::CallIntent,
        lang: callguard_core::screen::Lang,
    ) -> Self {
        IntentInfo {
            issuer: intent.issuer.clone(),
            id: intent.id.clone(),
            from: format!("+{}", intent.from),
            channel: intent.channel.into(),
            agent: intent.agent.get(lang.code()).to_string(),
            department: intent.department.get(lang.code()).to_string(),
            purpose: intent.purpose.get(lang.code()).to_string(),
            not_before: intent.not_before.0,
            expires_at: intent.expires_at.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Attestation {
    Passed,
    Failed,
    NotVerified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Direction {
    Incoming,
    Outgoing,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Call {
    /// As the phone shows it; may be empty or a name.
    pub number: String,
    pub channel: Channel,
    #[uniffi(default = None)]
    pub display_name: Option<String>,
    pub attestation: Attestation,
    pub direction: Direction,
    /// The caller's number matches a contact the customer saved (the
    /// platform's lookup of the number, never of the name shown): the name
    /// is then the customer's own label and raises no claim, unless the
    /// contact audit flags that contact (docs/screening.md, "Saved contacts").
    #[uniffi(default = false)]
    pub saved_contact: bool,
}

impl Call {
    pub(crate) fn as_core(&self) -> core_screen::Call<'_> {
        core_screen::Call {
            number: &self.number,
            channel: self.channel.into(),
            display_name: self.display_name.as_deref(),
            attestation: match self.attestation {
                Attestation::Passed => core_screen::Attestation::Passed,
                Attestation::Failed => core_screen::Attestation::Failed,
                Attestation::NotVerified => core_screen::Attestation::NotVerified,
            },
            direction: match self.direction {
                Direction::Incoming => core_screen::CallDirection::Incoming,
                Direction::Outgoing => core_screen::CallDirection::Outgoing,
            },
            saved_contact: self.saved_contact,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Verdict {
    Official,
    Verified,
    /// The bank's number, and the bank announced this very call (a signed call intent).
    Expected,
    Spoofed,
    Impersonation,
    /// Not a bank number; the issuer's feed says people reported it (fraud or spam).
    Reported,
    Unknown,
    Unverifiable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Risk {
    /// The bank's number, confirmed; or calling one of its numbers.
    Safe,
    /// Nothing known about the caller: no warning, and no reassurance either.
    Neutral,
    Caution,
    Danger,
}

/// Why the verdict was reached: the stable codes of docs/screening.md
/// (`Screening.reason` carries the same code as text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Reason {
    NoValidList,
    InboundOnly,
    ChannelNotUsed,
    AttestationFailed,
    Attested,
    ListedOutbound,
    /// A call intent announced this call.
    Announced,
    /// The bank announces every call, and this one was not.
    Unannounced,
    Listed,
    NameClaimsIssuer,
    ClaimsAuthority,
    /// The number is in a known-fraud feed.
    ReportedFraud,
    /// The number is in a spam feed.
    ReportedSpam,
    NotListed,
    InternalError,
}

impl From<core_screen::Reason> for Reason {
    fn from(r: core_screen::Reason) -> Self {
        match r {
            core_screen::Reason::NoValidList => Reason::NoValidList,
            core_screen::Reason::InboundOnly => Reason::InboundOnly,
            core_screen::Reason::ChannelNotUsed => Reason::ChannelNotUsed,
            core_screen::Reason::AttestationFailed => Reason::AttestationFailed,
            core_screen::Reason::Attested => Reason::Attested,
            core_screen::Reason::Announced => Reason::Announced,
            core_screen::Reason::Unannounced => Reason::Unannounced,
            core_screen::Reason::ListedOutbound => Reason::ListedOutbound,
            core_screen::Reason::Listed => Reason::Listed,
            core_screen::Reason::NameClaimsIssuer => Reason::NameClaimsIssuer,
            core_screen::Reason::ClaimsAuthority => Reason::ClaimsAuthority,
            core_screen::Reason::ReportedFraud => Reason::ReportedFraud,
            core_screen::Reason::ReportedSpam => Reason::ReportedSpam,
            core_screen::Reason::NotListed => Reason::NotListed,
            core_screen::Reason::InternalError => Reason::InternalError,
        }
    }
}

/// One answer of `screen_many`: the verdict as codes only. No strings, so a
/// batch of thousands crosses the FFI as a few bytes per call; `screen` the
/// one call the customer opens for its issuer, label and worded warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ScreeningCode {
    pub verdict: Verdict,
    pub risk: Risk,
    pub reason: Reason,
}

impl ScreeningCode {
    pub(crate) fn new(
        verdict: core_screen::Verdict,
        risk: core_screen::Risk,
        reason: core_screen::Reason,
    ) -> Self {
        ScreeningCode {
            verdict: verdict.into(),
            risk: risk.into(),
            reason: reason.into(),
        }
    }
}

impl From<core_screen::Verdict> for Verdict {
    fn from(v: core_screen::Verdict) -> Self {
        match v {
            core_screen::Verdict::Official => Verdict::Official,
            core_screen::Verdict::Verified => Verdict::Verified,
            core_screen::Verdict::Expected => Verdict::Expected,
            core_screen::Verdict::Spoofed => Verdict::Spoofed,
            core_screen::Verdict::Impersonation => Verdict::Impersonation,
            core_screen::Verdict::Reported => Verdict::Reported,
            core_screen::Verdict::Unknown => Verdict::Unknown,
            core_screen::Verdict::Unverifiable => Verdict::Unverifiable,
        }
    }
}

impl From<Verdict> for core_screen::Verdict {
    fn from(v: Verdict) -> Self {
        match v {
            Verdict::Official => core_screen::Verdict::Official,
            Verdict::Verified => core_screen::Verdict::Verified,
            Verdict::Expected => core_screen::Verdict::Expected,
            Verdict::Spoofed => core_screen::Verdict::Spoofed,
            Verdict::Impersonation => core_screen::Verdict::Impersonation,
            Verdict::Reported => core_screen::Verdict::Reported,
            Verdict::Unknown => core_screen::Verdict::Unknown,
            Verdict::Unverifiable => core_screen::Verdict::Unverifiable,
        }
    }
}

impl From<core_screen::Risk> for Risk {
    fn from(r: core_screen::Risk) -> Self {
        match r {
            core_screen::Risk::Safe => Risk::Safe,
            core_screen::Risk::Neutral => Risk::Neutral,
            core_screen::Risk::Caution => Risk::Caution,
            core_screen::Risk::Danger => Risk::Danger,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Screening {
    pub verdict: Verdict,
    pub risk: Risk,
    /// A stable code (docs/screening.md): "inbound_only", "not_listed", …
    pub reason: String,
    /// The bank the verdict is about: the list's issuer, or for `Reported`
    /// the issuer whose feed reported the number.
    pub issuer: Option<String>,
    pub label: Option<String>,
    /// E.164 ("+7…") or a short code; `None` when the input was not a number.
    pub number: Option<String>,
    /// The call intent that announced this call (verdict `Expected`), for the app's own screen.
    pub intent_id: Option<String>,
    pub title: String,
    pub message: String,
}

impl From<core_screen::Screening> for Screening {
    fn from(s: core_screen::Screening) -> Self {
        Screening {
            verdict: s.verdict.into(),
            risk: s.risk.into(),
            reason: s.reason.code().to_string(),
            issuer: s.issuer,
            label: s.label,
            number: s.number,
            intent_id: s.intent_id,
            title: s.title,
            message: s.message,
        }
    }
}
