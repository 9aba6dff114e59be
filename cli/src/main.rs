//! `callguard`: the publisher's and tester's tool. Exit codes: 0 success
//! (accepted, updated), 1 rejected (or a batch with unreadable lines),
//! 2 usage error.

mod args;
mod cmd;
mod copy;
mod dispatch;
mod feeds;
mod io;
mod json_shape;
mod lists;
mod render;
mod vcard;

use args::Cli;
use clap::Parser;
use io::UsageError;
use json_shape::JsonShape;
use std::process::ExitCode;

/// What a command concluded (usage errors travel as `UsageError`).
pub enum Outcome {
    Accepted,
    Rejected,
}

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, so `println!` into a closed pipe (`callguard
    // demo | head`) panics; a command-line tool should end quietly instead.
    #[cfg(unix)]
    // SAFETY: at the start of main, before any thread; restores the
    // default action of one signal.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and --version are answers, not errors.
            if e.use_stderr() && std::env::args().any(|a| a == "--json") {
                println!("{}", JsonShape::Plain.error("usage", &e.to_string()));
            }
            e.exit();
        }
    };
    let json = JsonShape::of(&cli.command);
    let result = dispatch::run(cli.command);
    match result {
        Ok(Outcome::Accepted) => ExitCode::SUCCESS,
        Ok(Outcome::Rejected) => ExitCode::from(1),
        Err(UsageError { message, code }) => {
            if let Some(shape) = json {
                println!("{}", shape.error(code.unwrap_or("usage"), &message));
            }
            match code {
                Some(code) if !message.contains(&format!("({code})")) => {
                    eprintln!("callguard: refused ({code}): {message}")
                }
                _ => eprintln!("callguard: {message}"),
            }
            // A refused document (a documented code) is a rejection, exit 1;
            // anything else is the operator's to fix, exit 2.
            ExitCode::from(if code.is_some() { 1 } else { 2 })
        }
    }
}
