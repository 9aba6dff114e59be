//! When should the phone fetch the list again? Pure arithmetic for the
//! platform schedulers (WorkManager, BGAppRefreshTask): they call
//! `next_sync_at` and sleep until then.

use crate::timestamp::Timestamp;

/// What the scheduler needs to know, kept in the state directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SyncHistory {
    pub last_success: Option<Timestamp>,
    pub last_failure: Option<Timestamp>,
    /// Failures since the last success.
    pub consecutive_failures: u32,
}

/// The list in force, if any: its validity window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validity {
    pub issued_at: Timestamp,
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefreshPolicy {
    /// After a success, check again this often (seconds).
    pub interval: i64,
    /// First retry delay after a failure; doubles per failure up to `max_backoff`.
    pub min_backoff: i64,
    pub max_backoff: i64,
}

impl Default for RefreshPolicy {
    fn default() -> Self {
        RefreshPolicy {
            interval: 6 * HOUR,
            min_backoff: 15 * MINUTE,
            max_backoff: 6 * HOUR,
        }
    }
}

const MINUTE: i64 = 60;
const HOUR: i64 = 3600;
const DAY: i64 = 86_400;

impl RefreshPolicy {
    /// The next time to sync (Unix seconds). Never later than a safe margin
    /// before the list expires: a quarter of its validity, between 1 hour and
    /// 3 days. After failures, exponential backoff from the last failure.
    pub fn next_sync_at(
        &self,
        history: &SyncHistory,
        list: Option<Validity>,
        now: Timestamp,
    ) -> Timestamp {
        let mut next = match history.last_success {
            Some(success) => success.0.saturating_add(self.interval),
            None => now.0,
        };
        if let Some(v) = list {
            let margin = ((v.expires_at.0 - v.issued_at.0) / 4).clamp(HOUR, 3 * DAY);
            next = next.min(v.expires_at.0 - margin);
        } else {
            next = next.min(now.0);
        }
        if let (Some(failure), n) = (history.last_failure, history.consecutive_failures) {
            if n > 0 {
                let backoff = self
                    .min_backoff
                    .saturating_mul(1i64 << (n - 1).min(20))
                    .min(self.max_backoff);
                // Due or not, never hammer a failing server faster than the backoff.
                next = next.max(failure.0.saturating_add(backoff));
            }
        }
        Timestamp(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_800_000_000;

    fn month_list() -> Validity {
        Validity {
            issued_at: Timestamp(T0),
            expires_at: Timestamp(T0 + 30 * DAY),
        }
    }

    #[test]
    fn without_a_list_sync_now() {
        let p = RefreshPolicy::default();
        assert_eq!(
            p.next_sync_at(&SyncHistory::default(), None, Timestamp(T0))
                .0,
            T0
        );
    }

    #[test]
    fn after_success_wait_the_interval() {
        let p = RefreshPolicy::default();
        let h = SyncHistory {
            last_success: Some(Timestamp(T0)),
            ..Default::default()
        };
        assert_eq!(
            p.next_sync_at(&h, Some(month_list()), Timestamp(T0)).0,
            T0 + 6 * HOUR
        );
    }

    #[test]
    fn always_well_before_expiry() {
        let p = RefreshPolicy {
            interval: 60 * DAY,
            ..Default::default()
        };
        let h = SyncHistory {
            last_success: Some(Timestamp(T0)),
            ..Default::default()
        };
        // 30-day list: a quarter is 7.5 days, clamped to 3 days before expiry.
        assert_eq!(
            p.next_sync_at(&h, Some(month_list()), Timestamp(T0)).0,
            T0 + 27 * DAY
        );
        // 2-hour list: the margin is at least an hour.
        let short = Validity {
            issued_at: Timestamp(T0),
            expires_at: Timestamp(T0 + 2 * HOUR),
        };
        assert_eq!(p.next_sync_at(&h, Some(short), Timestamp(T0)).0, T0 + HOUR);
    }

    #[test]
    fn failures_back_off_exponentially_up_to_a_cap() {
        let p = RefreshPolicy::default();
        let at = |n| {
            let h = SyncHistory {
                last_success: None,
                last_failure: Some(Timestamp(T0)),
                consecutive_failures: n,
            };
            p.next_sync_at(&h, None, Timestamp(T0)).0 - T0
        };
        assert_eq!(at(1), 15 * MINUTE);
        assert_eq!(at(2), 30 * MINUTE);
        assert_eq!(at(3), HOUR);
        assert_eq!(at(30), 6 * HOUR);
    }
}
