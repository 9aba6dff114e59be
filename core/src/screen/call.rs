//! What the phone knows about a call, and what the SDK answers.

use crate::model::Channel;

/// The network's caller-ID attestation (STIR/SHAKEN; Android's
/// `Call.Details.getCallerNumberVerificationStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attestation {
    Passed,
    Failed,
    NotVerified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallDirection {
    Incoming,
    /// The customer is about to dial (the "check before you call" screen).
    Outgoing,
}

/// One call to screen. `number` may be empty or not a number at all:
/// a messenger call often shows only a name.
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    pub number: &'a str,
    pub channel: Channel,
    pub display_name: Option<&'a str>,
    pub attestation: Attestation,
    pub direction: CallDirection,
    /// The caller's **number** matches a contact the customer saved (the
    /// platform's lookup; never a match of the displayed name, which a
    /// caller can copy). The name shown is then the customer's own label
    /// ("Мама Сбер работа"), so it raises no name claim — unless the
    /// contact audit flags that very contact (docs/screening.md, "Saved
    /// contacts"). The number rules always apply.
    pub saved_contact: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Risk {
    /// The bank's number, confirmed by the network; or the customer is about
    /// to call one of the bank's numbers.
    Safe,
    /// Nothing is known about the caller: a friend, or a scammer on an
    /// unlisted number who only *says* he is the bank. No warning — a false
    /// alarm teaches the customer to ignore us — but no reassurance either.
    Neutral,
    Caution,
    Danger,
}

impl Risk {
    pub fn name(self) -> &'static str {
        match self {
            Risk::Safe => "safe",
            Risk::Neutral => "neutral",
            Risk::Caution => "caution",
            Risk::Danger => "danger",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The bank's number; caller ID unconfirmed.
    Official,
    /// The bank's number, confirmed by the network.
    Verified,
    /// The bank's number, and the bank announced this call (a signed intent).
    Expected,
    /// A bank number used in a way the bank never uses it: caller ID faked.
    Spoofed,
    /// Not a bank number, but the name claims a bank.
    Impersonation,
    /// Not a bank number; the issuer's feed says people reported it
    /// (fraud: `danger`, spam: `caution`). Expired feeds may still warn.
    Reported,
    Unknown,
    /// No current list to check against.
    Unverifiable,
}

impl Verdict {
    pub const ALL: [Verdict; 8] = [
        Verdict::Official,
        Verdict::Verified,
        Verdict::Expected,
        Verdict::Spoofed,
        Verdict::Impersonation,
        Verdict::Reported,
        Verdict::Unknown,
        Verdict::Unverifiable,
    ];

    pub fn from_name(name: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Verdict::Official => "official",
            Verdict::Verified => "verified",
            Verdict::Expected => "expected",
            Verdict::Spoofed => "spoofed",
            Verdict::Impersonation => "impersonation",
            Verdict::Reported => "reported",
            Verdict::Unknown => "unknown",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

/// Why: a stable code apps may branch on (docs/screening.md lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    NoValidList,
    InboundOnly,
    ChannelNotUsed,
    AttestationFailed,
    Attested,
    ListedOutbound,
    /// A signed call intent announced this call.
    Announced,
    /// The bank announces every call it makes, and this one was not.
    Unannounced,
    /// Outgoing call to a listed number (any direction).
    Listed,
    NameClaimsIssuer,
    /// A messenger caller whose name claims a financial or state authority role.
    ClaimsAuthority,
    /// The number is in a feed as fraud.
    ReportedFraud,
    /// The number is in a feed as spam.
    ReportedSpam,
    NotListed,
    /// Screening itself failed (a bug); only the bindings' panic guard uses it.
    InternalError,
}

impl Reason {
    pub const ALL: [Reason; 15] = [
        Reason::NoValidList,
        Reason::InboundOnly,
        Reason::ChannelNotUsed,
        Reason::AttestationFailed,
        Reason::Attested,
        Reason::ListedOutbound,
        Reason::Announced,
        Reason::Unannounced,
        Reason::Listed,
        Reason::NameClaimsIssuer,
        Reason::ClaimsAuthority,
        Reason::ReportedFraud,
        Reason::ReportedSpam,
        Reason::NotListed,
        Reason::InternalError,
    ];

    pub fn from_code(code: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Reason::NoValidList => "no_valid_list",
            Reason::InboundOnly => "inbound_only",
            Reason::ChannelNotUsed => "channel_not_used",
            Reason::AttestationFailed => "attestation_failed",
            Reason::Attested => "attested",
            Reason::ListedOutbound => "listed_outbound",
            Reason::Announced => "announced",
            Reason::Unannounced => "unannounced",
            Reason::Listed => "listed",
            Reason::NameClaimsIssuer => "name_claims_issuer",
            Reason::ClaimsAuthority => "claims_authority",
            Reason::ReportedFraud => "reported_fraud",
            Reason::ReportedSpam => "reported_spam",
            Reason::NotListed => "not_listed",
            Reason::InternalError => "internal_error",
        }
    }
}

/// The answer for one call, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screening {
    pub verdict: Verdict,
    pub risk: Risk,
    pub reason: Reason,
    /// The issuer id the verdict is about.
    pub issuer: Option<String>,
    /// The contact's label in the requested language (English fallback).
    pub label: Option<String>,
    /// The caller as E.164 (`+7…`) or a short code; `None` when not a number.
    pub number: Option<String>,
    /// The `jti` of the call intent that announced this call (`expected`).
    pub intent_id: Option<String>,
    pub title: String,
    pub message: String,
}
