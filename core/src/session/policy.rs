//! Which reasons ask for what, for which action: the SDK's default, or
//! the bank's own (`action_policy`, JSON, from its signed list).
//!
//! A bank's policy is checked like every signed document: a wrong type or
//! a hold out of bounds is `malformed`, with the path named; an action or
//! reason this SDK does not know is ignored, so that a newer list never
//! switches off an older SDK's protection.

pub use super::terms::SensitiveAction;
use super::terms::{AdviceLevel, AdviceReason};
use serde_json::Value;
use std::fmt;

/// The longest hold a policy may ask for.
pub const MAX_HOLD_MINUTES: u32 = 24 * 60;
/// Rules in a bank's policy, at most (7 actions × 6 reasons fit in far fewer).
pub const MAX_RULES: usize = 64;

/// What a reason asks for an action: a level and, for a hold, how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub level: AdviceLevel,
    pub hold_minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionPolicy {
    /// How long after a dangerous call ended it still counts.
    pub recent_minutes: u32,
    rules: Vec<(AdviceReason, SensitiveAction, Rule)>,
}

/// A bank's policy was refused: where, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    pub path: String,
    pub what: &'static str,
}

impl PolicyError {
    pub fn code(&self) -> &'static str {
        "malformed"
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed: {}: {}", self.path, self.what)
    }
}

const fn hold(minutes: u32) -> Rule {
    Rule {
        level: AdviceLevel::Hold,
        hold_minutes: minutes,
    }
}

const CONFIRM: Rule = Rule {
    level: AdviceLevel::Confirm,
    hold_minutes: 0,
};

impl Default for ActionPolicy {
    /// The SDK's default (docs/in-call-protection.md): a call from a
    /// fake or reported caller holds every action; recent danger, screen
    /// sharing on a call and an unannounced "bank" ask for a confirmation,
    /// holding what scammers ask for first (codes, remote access).
    fn default() -> ActionPolicy {
        use AdviceReason as R;
        use SensitiveAction as A;
        let mut rules = Vec::new();
        for action in A::ALL {
            let takes_over = matches!(
                action,
                A::Credentials | A::InstallOrRemoteAccess | A::CardDetails
            );
            rules.push((R::OnCallWithDanger, action, hold(30)));
            rules.push((
                R::RecentDangerCall,
                action,
                if takes_over { hold(30) } else { CONFIRM },
            ));
            rules.push((
                R::ScreenSharedOnCall,
                action,
                if takes_over { hold(30) } else { CONFIRM },
            ));
            rules.push((R::OnCallUnannouncedBank, action, CONFIRM));
            if !matches!(action, A::LimitChange) {
                rules.push((R::OnCallUnknown, action, CONFIRM));
            }
        }
        ActionPolicy {
            recent_minutes: 60,
            rules,
        }
    }
}

impl ActionPolicy {
    /// What `reason` asks for `action`: `Proceed` when the policy says nothing.
    pub fn rule(&self, reason: AdviceReason, action: SensitiveAction) -> Rule {
        self.rules
            .iter()
            .find(|(r, a, _)| *r == reason && *a == action)
            .map_or(
                Rule {
                    level: AdviceLevel::Proceed,
                    hold_minutes: 0,
                },
                |(_, _, rule)| *rule,
            )
    }

    /// One policy for several banks' lists held at once: for every reason
    /// and action the strictest rule of any of them (and the longest
    /// hold), the longest `recent_minutes`. A bank can relax the default
    /// for its own list, never for another bank's. No policy: the default.
    pub fn strictest<'a>(policies: impl IntoIterator<Item = &'a ActionPolicy>) -> ActionPolicy {
        let policies: Vec<&ActionPolicy> = policies.into_iter().collect();
        let Some(first) = policies.first() else {
            return ActionPolicy::default();
        };
        let mut rules = Vec::new();
        for reason in AdviceReason::ALL {
            for action in SensitiveAction::ALL {
                let rule = policies
                    .iter()
                    .map(|p| p.rule(reason, action))
                    .max_by_key(|r| (r.level, r.hold_minutes))
                    .unwrap_or(first.rule(reason, action));
                if rule.level != AdviceLevel::Proceed {
                    rules.push((reason, action, rule));
                }
            }
        }
        ActionPolicy {
            recent_minutes: policies
                .iter()
                .map(|p| p.recent_minutes)
                .max()
                .unwrap_or(60),
            rules,
        }
    }

    /// A bank's `action_policy`: the default, with its rules on top.
    ///
    /// ```json
    /// {"recent_minutes": 60,
    ///  "rules": [{"reason": "on_call_unknown", "actions": ["transfer"],
    ///             "level": "hold", "hold_minutes": 15}]}
    /// ```
    pub fn from_json(value: &Value) -> Result<ActionPolicy, PolicyError> {
        let err = |path: String, what| PolicyError { path, what };
        let object = value
            .as_object()
            .ok_or_else(|| err("action_policy".into(), "not an object"))?;
        let mut policy = ActionPolicy::default();
        if let Some(minutes) = object.get("recent_minutes") {
            policy.recent_minutes = minutes_in(minutes, "action_policy.recent_minutes")?;
        }
        let Some(rules) = object.get("rules") else {
            return Ok(policy);
        };
        let rules = rules
            .as_array()
            .ok_or_else(|| err("action_policy.rules".into(), "not an array"))?;
        if rules.len() > MAX_RULES {
            return Err(err("action_policy.rules".into(), "more than 64 rules"));
        }
        for (i, rule) in rules.iter().enumerate() {
            let path = format!("action_policy.rules[{i}]");
            for (reason, action, rule) in one_rule(rule, &path)? {
                policy
                    .rules
                    .retain(|(r, a, _)| !(*r == reason && *a == action));
                policy.rules.push((reason, action, rule));
            }
        }
        Ok(policy)
    }
}

/// One rule of a bank's policy: what it sets, its unknown names left out.
fn one_rule(
    rule: &Value,
    path: &str,
) -> Result<Vec<(AdviceReason, SensitiveAction, Rule)>, PolicyError> {
    let err = |field: &str, what| PolicyError {
        path: format!("{path}{field}"),
        what,
    };
    let object = rule.as_object().ok_or_else(|| err("", "not an object"))?;
    let text = |field: &str| -> Result<&str, PolicyError> {
        object
            .get(field)
            .ok_or_else(|| err(&format!(".{field}"), "missing"))?
            .as_str()
            .ok_or_else(|| err(&format!(".{field}"), "not a string"))
    };
    // A rule this SDK cannot apply (a reason or a level a later schema
    // added) is skipped before anything else of it is checked: a newer
    // list must never be refused, its protection switched off, for it.
    let (Some(reason), Some(level)) = (
        AdviceReason::from_code(text("reason")?),
        match text("level")? {
            "proceed" => Some(AdviceLevel::Proceed),
            "confirm" => Some(AdviceLevel::Confirm),
            "hold" => Some(AdviceLevel::Hold),
            _ => None,
        },
    ) else {
        return Ok(Vec::new());
    };
    let actions = object
        .get("actions")
        .ok_or_else(|| err(".actions", "missing"))?
        .as_array()
        .ok_or_else(|| err(".actions", "not an array"))?;
    let mut names = Vec::new();
    for (j, action) in actions.iter().enumerate() {
        names.push(
            action
                .as_str()
                .ok_or_else(|| err(&format!(".actions[{j}]"), "not a string"))?,
        );
    }
    let hold_minutes = match (level, object.get("hold_minutes")) {
        (AdviceLevel::Hold, Some(m)) => minutes_in(m, &format!("{path}.hold_minutes"))?,
        (AdviceLevel::Hold, None) => return Err(err(".hold_minutes", "missing for a hold")),
        (_, Some(m)) => {
            minutes_in(m, &format!("{path}.hold_minutes"))?;
            0
        }
        (_, None) => 0,
    };
    let rule = Rule {
        level,
        hold_minutes,
    };
    Ok(names
        .into_iter()
        .filter_map(SensitiveAction::from_name)
        .map(|action| (reason, action, rule))
        .collect())
}

/// Whole minutes, 1 to `MAX_HOLD_MINUTES`.
fn minutes_in(value: &Value, path: &str) -> Result<u32, PolicyError> {
    let minutes = value.as_u64().ok_or_else(|| PolicyError {
        path: path.to_string(),
        what: "not a whole number of minutes",
    })?;
    if minutes == 0 || minutes > u64::from(MAX_HOLD_MINUTES) {
        return Err(PolicyError {
            path: path.to_string(),
            what: "out of bounds (1 to 1440 minutes)",
        });
    }
    Ok(minutes as u32)
}
