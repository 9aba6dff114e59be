//! In-call protection across the FFI: the events the glue reports and the
//! advice for a risky action. Types and conversions only; the history and
//! the decisions are `callguard_core::session`'s, kept by the Guard.

use crate::error::CallGuardError;
use crate::guard::{now, CallGuard};
use crate::types::{Channel, Screening};
use callguard_core::screen::Reason;
use callguard_core::session as core;
use callguard_core::Timestamp;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What the platform glue saw. `call_id` is the glue's own opaque id for
/// the call (a CallKit UUID, a notification key): never a number or a name.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum CallEvent {
    /// A call the SDK screened rings or is dialled, with its screening and
    /// the channel it came on (the advice says "on WhatsApp").
    Screened {
        call_id: String,
        screening: Screening,
        channel: Channel,
    },
    /// A call is going on whose caller the SDK does not know (CallKit's
    /// observer, Android's audio mode, a messenger call's notification).
    Active {
        call_id: String,
    },
    Answered {
        call_id: String,
    },
    Ended {
        call_id: String,
    },
    /// No call is going on now (the audio mode is back to normal, CallKit
    /// shows no call): every call still open ended. Report it whenever the
    /// platform says so, e.g. when the Transfer screen opens.
    Idle,
    /// The screen is being shared or recorded (`on`), or no longer is.
    ScreenShared {
        on: bool,
    },
}

/// The bank app's risky actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum AdviceLevel {
    Proceed,
    /// Show the words, and go on only when the customer confirms.
    Confirm,
    /// Do not go on before `hold_until`; offer to call the bank.
    Hold,
}

/// Why (docs/in-call-protection.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum AdviceReason {
    OnCallWithDanger,
    RecentDangerCall,
    OnCallUnannouncedBank,
    OnCallUnknown,
    ScreenSharedOnCall,
    OnCallExpectedBank,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ActionAdvice {
    pub level: AdviceLevel,
    /// Every reason that applies, the strictest first.
    pub reasons: Vec<AdviceReason>,
    /// For a hold: until when (Unix seconds), never more than the bank's
    /// signed bound (24 h at most) from now.
    pub hold_until: Option<i64>,
    /// The words to show, in the guard's language; empty when no reason applies.
    pub title: String,
    pub body: String,
}

#[uniffi::export]
impl CallGuard {
    /// Records what the glue saw, now. It counts for this process at once;
    /// `Storage` when it could not be saved in the state directory (for
    /// other processes and after a restart). Never logs the call.
    pub fn report_call_event(&self, event: CallEvent) -> Result<(), CallGuardError> {
        self.report_call_event_at(event, now())
    }

    /// `report_call_event` with the caller's clock (Unix seconds).
    pub fn report_call_event_at(
        &self,
        event: CallEvent,
        now_unix_seconds: i64,
    ) -> Result<(), CallGuardError> {
        let event = event.into_core();
        catch_unwind(AssertUnwindSafe(|| {
            self.guard
                .report_call_event(event, Timestamp(now_unix_seconds))
        }))
        .unwrap_or_else(|_| {
            log::error!("recording a call event failed internally");
            Err(callguard_state::GuardError::Storage(
                "call history: internal error".into(),
            ))
        })?;
        Ok(())
    }

    /// What to do before `action`, now: proceed, confirm, or hold until
    /// when, and why, in the guard's language. Reads the state directory,
    /// never writes it.
    pub fn advise_action(&self, action: SensitiveAction) -> ActionAdvice {
        self.advise_action_at(action, now())
    }

    /// `advise_action` with the caller's clock (Unix seconds).
    pub fn advise_action_at(&self, action: SensitiveAction, now_unix_seconds: i64) -> ActionAdvice {
        let now = Timestamp(now_unix_seconds);
        let copy = self.copy_in_use();
        let copy = copy.as_deref().unwrap_or(callguard_core::copy::sdk());
        catch_unwind(AssertUnwindSafe(|| {
            let advice = self.guard.advise_action(action.into_core(), now);
            let (title, body) = core::words(&advice, now, self.lang, copy).unwrap_or_default();
            ActionAdvice {
                level: advice.level.into(),
                reasons: advice.reasons.into_iter().map(Into::into).collect(),
                hold_until: advice.hold_until.map(|t| t.0),
                title,
                body,
            }
        }))
        .unwrap_or_else(|_| {
            // A bug must not wave a transfer through, nor lock anyone out.
            log::error!("advice failed internally; answered confirm");
            ActionAdvice {
                level: AdviceLevel::Confirm,
                reasons: Vec::new(),
                hold_until: None,
                title: String::new(),
                body: String::new(),
            }
        })
    }
}

impl CallEvent {
    fn into_core(self) -> core::CallEvent {
        match self {
            CallEvent::Screened {
                call_id,
                screening,
                channel,
            } => core::CallEvent::Screened {
                call: call_id,
                channel: Some(channel.into()),
                verdict: screening.verdict.into(),
                // Only `screen` makes a Screening; a reason it never gives
                // reads as a failed screening (an unknown caller).
                reason: Reason::from_code(&screening.reason).unwrap_or(Reason::InternalError),
            },
            CallEvent::Active { call_id } => core::CallEvent::Active { call: call_id },
            CallEvent::Answered { call_id } => core::CallEvent::Answered { call: call_id },
            CallEvent::Ended { call_id } => core::CallEvent::Ended { call: call_id },
            CallEvent::Idle => core::CallEvent::Idle,
            CallEvent::ScreenShared { on } => core::CallEvent::ScreenShared { on },
        }
    }
}

impl SensitiveAction {
    fn into_core(self) -> core::SensitiveAction {
        match self {
            SensitiveAction::Transfer => core::SensitiveAction::Transfer,
            SensitiveAction::NewPayee => core::SensitiveAction::NewPayee,
            SensitiveAction::CardDetails => core::SensitiveAction::CardDetails,
            SensitiveAction::Credentials => core::SensitiveAction::Credentials,
            SensitiveAction::LimitChange => core::SensitiveAction::LimitChange,
            SensitiveAction::DeviceEnrolment => core::SensitiveAction::DeviceEnrolment,
            SensitiveAction::InstallOrRemoteAccess => core::SensitiveAction::InstallOrRemoteAccess,
        }
    }
}

impl From<core::AdviceLevel> for AdviceLevel {
    fn from(level: core::AdviceLevel) -> Self {
        match level {
            core::AdviceLevel::Proceed => AdviceLevel::Proceed,
            core::AdviceLevel::Confirm => AdviceLevel::Confirm,
            core::AdviceLevel::Hold => AdviceLevel::Hold,
        }
    }
}

impl From<core::AdviceReason> for AdviceReason {
    fn from(reason: core::AdviceReason) -> Self {
        match reason {
            core::AdviceReason::OnCallWithDanger => AdviceReason::OnCallWithDanger,
            core::AdviceReason::RecentDangerCall => AdviceReason::RecentDangerCall,
            core::AdviceReason::OnCallUnannouncedBank => AdviceReason::OnCallUnannouncedBank,
            core::AdviceReason::OnCallUnknown => AdviceReason::OnCallUnknown,
            core::AdviceReason::ScreenSharedOnCall => AdviceReason::ScreenSharedOnCall,
            core::AdviceReason::OnCallExpectedBank => AdviceReason::OnCallExpectedBank,
        }
    }
}
