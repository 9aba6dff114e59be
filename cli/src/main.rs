//! `callguard`: the publisher's and tester's tool. Exit codes: 0 success
//! (accepted, updated), 1 rejected, 2 usage error.

mod cmd;
mod io;

use clap::{Parser, Subcommand};
use io::UsageError;
use std::path::PathBuf;
use std::process::ExitCode;

/// What a command concluded (usage errors travel as `UsageError`).
pub enum Outcome {
    Accepted,
    Rejected,
}

#[derive(Parser)]
#[command(
    name = "callguard",
    version,
    about = "Sign, verify and screen against a bank's official contact list"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate a signing key (private JWK, mode 0600); prints the public JWK.
    Keygen {
        #[arg(long, value_parser = ["EdDSA", "ES256"])]
        alg: String,
        #[arg(long)]
        kid: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Print a trust file for the given public (or private) JWKs.
    Trust {
        #[arg(long)]
        issuer: String,
        #[arg(long, default_value_t = 1)]
        threshold: usize,
        #[arg(required = true)]
        keys: Vec<PathBuf>,
    },
    /// Check a list payload against every rule, then sign it (general JSON JWS).
    Sign {
        #[arg(long = "key", required = true)]
        keys: Vec<PathBuf>,
        #[arg(long = "in")]
        input: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Verify a signed list as a phone would. Exit 0 accepted, 1 rejected.
    Verify {
        #[arg(long)]
        trust: PathBuf,
        /// State directory: enforces and records rollback protection.
        #[arg(long)]
        state: Option<PathBuf>,
        /// Pretend it is this RFC 3339 time.
        #[arg(long)]
        now: Option<String>,
        #[arg(long)]
        json: bool,
        list: PathBuf,
    },
    /// Show a signed list's headers and payload, UNVERIFIED.
    Inspect { list: PathBuf },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Keygen { alg, kid, out } => {
            cmd::keygen::run(&alg, &kid, &out).map(|_| Outcome::Accepted)
        }
        Command::Trust {
            issuer,
            threshold,
            keys,
        } => cmd::trust::run(&issuer, threshold, &keys).map(|_| Outcome::Accepted),
        Command::Sign { keys, input, out } => {
            cmd::sign::run(&keys, &input, &out).map(|_| Outcome::Accepted)
        }
        Command::Verify {
            trust,
            state,
            now,
            json,
            list,
        } => cmd::verify::run(&trust, state.as_deref(), now.as_deref(), json, &list),
        Command::Inspect { list } => cmd::inspect::run(&list),
    };
    match result {
        Ok(Outcome::Accepted) => ExitCode::SUCCESS,
        Ok(Outcome::Rejected) => ExitCode::from(1),
        Err(UsageError(message)) => {
            eprintln!("callguard: {message}");
            ExitCode::from(2)
        }
    }
}
