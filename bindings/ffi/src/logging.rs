//! A foreign logger (Logcat, os_log) for the SDK's `log` records. Records
//! carry codes and versions only: nothing personal is ever logged.

use std::sync::{Arc, Once, RwLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum LogLevel {
    Error,
    Warn,
    Info,
    Debug,
}

/// Implemented in Kotlin or Swift. Called from any thread.
#[uniffi::export(with_foreign)]
pub trait Logger: Send + Sync {
    fn log(&self, level: LogLevel, message: String);
}

static FOREIGN: RwLock<Option<Arc<dyn Logger>>> = RwLock::new(None);
static INSTALL: Once = Once::new();

struct Forwarder;

impl log::Log for Forwarder {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.target().starts_with("callguard")
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let level = match record.level() {
            log::Level::Error => LogLevel::Error,
            log::Level::Warn => LogLevel::Warn,
            log::Level::Info => LogLevel::Info,
            log::Level::Debug | log::Level::Trace => LogLevel::Debug,
        };
        let logger = FOREIGN.read().unwrap_or_else(|p| p.into_inner()).clone();
        if let Some(logger) = logger {
            logger.log(level, record.args().to_string());
        }
    }

    fn flush(&self) {}
}

/// Routes the SDK's log lines to `logger` (replacing any earlier one).
#[uniffi::export]
pub fn set_logger(logger: Arc<dyn Logger>) {
    *FOREIGN.write().unwrap_or_else(|p| p.into_inner()) = Some(logger);
    INSTALL.call_once(|| {
        // Fails only if the host app installed its own `log` backend; then
        // the SDK's records go there instead, which is fine.
        if log::set_logger(&Forwarder).is_ok() {
            log::set_max_level(log::LevelFilter::Debug);
        }
    });
}
