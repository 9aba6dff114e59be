//! The words of in-call protection: the risky actions, the levels of an
//! advice and its reasons, each with its stable name (the JSON, the
//! policy, the bindings). One file, so the policy and the advice share
//! them without depending on each other.

/// The risky actions of a bank's app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SensitiveAction {
    Transfer,
    NewPayee,
    CardDetails,
    /// Showing or resetting codes, the PIN, the password.
    Credentials,
    LimitChange,
    DeviceEnrolment,
    /// The app's own "support app" and remote-access flows.
    InstallOrRemoteAccess,
}

impl SensitiveAction {
    pub const ALL: [SensitiveAction; 7] = [
        SensitiveAction::Transfer,
        SensitiveAction::NewPayee,
        SensitiveAction::CardDetails,
        SensitiveAction::Credentials,
        SensitiveAction::LimitChange,
        SensitiveAction::DeviceEnrolment,
        SensitiveAction::InstallOrRemoteAccess,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SensitiveAction::Transfer => "transfer",
            SensitiveAction::NewPayee => "new_payee",
            SensitiveAction::CardDetails => "card_details",
            SensitiveAction::Credentials => "credentials",
            SensitiveAction::LimitChange => "limit_change",
            SensitiveAction::DeviceEnrolment => "device_enrolment",
            SensitiveAction::InstallOrRemoteAccess => "install_or_remote_access",
        }
    }

    pub fn from_name(name: &str) -> Option<SensitiveAction> {
        SensitiveAction::ALL.into_iter().find(|a| a.name() == name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AdviceLevel {
    Proceed,
    Confirm,
    Hold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdviceReason {
    OnCallWithDanger,
    RecentDangerCall,
    OnCallUnannouncedBank,
    OnCallUnknown,
    ScreenSharedOnCall,
    OnCallExpectedBank,
}

impl AdviceReason {
    pub const ALL: [AdviceReason; 6] = [
        AdviceReason::OnCallWithDanger,
        AdviceReason::RecentDangerCall,
        AdviceReason::OnCallUnannouncedBank,
        AdviceReason::OnCallUnknown,
        AdviceReason::ScreenSharedOnCall,
        AdviceReason::OnCallExpectedBank,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AdviceReason::OnCallWithDanger => "on_call_with_danger",
            AdviceReason::RecentDangerCall => "recent_danger_call",
            AdviceReason::OnCallUnannouncedBank => "on_call_unannounced_bank",
            AdviceReason::OnCallUnknown => "on_call_unknown",
            AdviceReason::ScreenSharedOnCall => "screen_shared_on_call",
            AdviceReason::OnCallExpectedBank => "on_call_expected_bank",
        }
    }

    pub fn from_code(code: &str) -> Option<AdviceReason> {
        AdviceReason::ALL.into_iter().find(|r| r.code() == code)
    }
}

impl AdviceLevel {
    pub fn name(self) -> &'static str {
        match self {
            AdviceLevel::Proceed => "proceed",
            AdviceLevel::Confirm => "confirm",
            AdviceLevel::Hold => "hold",
        }
    }
}
