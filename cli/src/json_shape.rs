//! `--json` errors: the shape of each command's own answers.

use crate::args::{Command, FeedCommand};

/// With `--json`, stdout is always one JSON document: a usage error
/// (exit 2) too, in the shape of the command's own answers (`error` is the
/// code, `detail` the message's first line). The message also goes to
/// stderr, for whoever reads the terminal.
#[derive(Clone, Copy)]
pub enum JsonShape {
    Verify,
    Sync,
    Plain,
}

impl JsonShape {
    /// `None` when the command was not asked for JSON.
    pub fn of(command: &Command) -> Option<JsonShape> {
        match command {
            Command::Verify { json: true, .. } => Some(JsonShape::Verify),
            Command::Sync { args }
            | Command::Feed {
                command: FeedCommand::Sync { args },
            } if args.json => Some(JsonShape::Sync),
            Command::Screen(args) if args.json => Some(JsonShape::Plain),
            Command::Contacts { json: true, .. } => Some(JsonShape::Plain),
            _ => None,
        }
    }

    /// `code`: a documented refusal code, or `usage`.
    pub fn error(self, code: &str, message: &str) -> serde_json::Value {
        let detail = message.lines().next().unwrap_or("").trim();
        let detail = detail.strip_prefix("error: ").unwrap_or(detail);
        match self {
            JsonShape::Verify => {
                serde_json::json!({"valid": false, "error": code, "detail": detail})
            }
            JsonShape::Sync => serde_json::json!({
                "status": "failed", "version": null, "error": code, "detail": detail
            }),
            JsonShape::Plain => serde_json::json!({"error": code, "detail": detail}),
        }
    }
}
