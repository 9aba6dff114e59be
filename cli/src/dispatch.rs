//! Each command to the function that runs it.

use crate::args::{Command, DirectoryArgs, FeedCommand, IntentArgs, ScreenArgs};
use crate::io::UsageError;
use crate::{cmd, feeds, lists, Outcome};

pub fn run(command: Command) -> Result<Outcome, UsageError> {
    match command {
        Command::Feed { command } => feed(command),
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
        command @ Command::Verify { .. } => verify(command),
        Command::Inspect { list } => cmd::inspect::run(&list),
        Command::Normalize { region, numbers } => cmd::normalize::run(&region, &numbers),
        Command::Screen(args) => screen(args),
        Command::Intent(args) => intent(args),
        Command::Contacts {
            trusts,
            lists,
            state,
            region,
            lang,
            json,
            vcf,
        } => lists::load(&trusts, &lists, state.as_ref(), false)
            .and_then(|loaded| cmd::contacts::run(&loaded, &region, &lang, json, &vcf)),
        Command::Directory(args) => directory(args),
        Command::Sync { args } => cmd::sync::run(args.as_args()),
        Command::Serve {
            dir,
            addr,
            tls_cert,
            tls_key,
        } => cmd::serve::run(&dir, &addr, tls_cert.as_deref(), tls_key.as_deref())
            .map(|_| Outcome::Accepted),
        Command::Advise {
            policy,
            trusts,
            lists,
            state,
            lang,
            copy,
            timeline,
        } => {
            if policy.is_some() && !(trusts.is_empty() && lists.is_empty()) {
                return Err(UsageError::new(
                    "give either --policy or --trust/--list: the policy to try, or the lists' signed one",
                ));
            }
            // No lists: the SDK's default policy (or --policy).
            let loaded = if trusts.is_empty() && lists.is_empty() {
                Vec::new()
            } else {
                lists::load(&trusts, &lists, None, false)?
            };
            cmd::advise::run(
                &loaded,
                cmd::advise::Args {
                    policy: policy.as_deref(),
                    state: state.as_deref(),
                    lang: &lang,
                    copy: copy.as_deref(),
                    timeline: timeline.as_deref(),
                },
            )
        }
        Command::Demo { lang, copy, region } => {
            cmd::demo::run(&lang, copy.as_deref(), &region).map(|_| Outcome::Accepted)
        }
    }
}

fn screen(args: ScreenArgs) -> Result<Outcome, UsageError> {
    let ScreenArgs {
        trusts,
        lists,
        state,
        region,
        channel,
        name,
        saved_contact,
        attestation,
        direction,
        lang,
        copy,
        now,
        json,
        intents,
        audience,
        feeds,
        feed_blobs,
        stdin,
        number,
    } = args;
    lists::load(&trusts, &lists, state.as_ref(), !feeds.is_empty()).and_then(|loaded| {
        let loaded_feeds = feeds::load(&trusts, &feeds, &feed_blobs, state.as_ref())?;
        cmd::screen::run(
            &loaded,
            cmd::screen::Args {
                feeds: &loaded_feeds.feeds()?,
                intents: &intents,
                audience: audience.as_deref(),
                state: state.as_deref(),
                region: &region,
                channel: &channel,
                name: name.as_deref(),
                saved_contact,
                attestation: &attestation,
                direction: &direction,
                lang: &lang,
                copy: copy.as_deref(),
                now: now.as_deref(),
                json,
                stdin,
                number: number.as_deref(),
            },
        )
    })
}

fn intent(args: IntentArgs) -> Result<Outcome, UsageError> {
    let IntentArgs {
        key,
        issuer,
        id,
        from,
        channel,
        audience,
        agent_en,
        agent_ru,
        department_en,
        department_ru,
        purpose_en,
        purpose_ru,
        ttl,
        now,
    } = args;
    cmd::intent::make(cmd::intent::Args {
        key: &key,
        issuer: &issuer,
        id: id.as_deref(),
        from: &from,
        channel: &channel,
        audience: &audience,
        agent: [agent_en.as_deref(), agent_ru.as_deref()],
        department: [department_en.as_deref(), department_ru.as_deref()],
        purpose: [purpose_en.as_deref(), purpose_ru.as_deref()],
        ttl: &ttl,
        now: now.as_deref(),
    })
    .map(|_| Outcome::Accepted)
}

fn directory(args: DirectoryArgs) -> Result<Outcome, UsageError> {
    let DirectoryArgs {
        trusts,
        lists,
        state,
        lang,
        max_prefix_expansion,
        feeds,
        feed_blobs,
        now,
    } = args;
    lists::load(&trusts, &lists, state.as_ref(), !feeds.is_empty())
        .and_then(|loaded| {
            let loaded_feeds = feeds::load(&trusts, &feeds, &feed_blobs, state.as_ref())?;
            cmd::directory::run(
                &loaded,
                &loaded_feeds.feeds()?,
                &lang,
                max_prefix_expansion,
                now.as_deref(),
            )
        })
        .map(|_| Outcome::Accepted)
}

fn feed(command: FeedCommand) -> Result<Outcome, UsageError> {
    match command {
        FeedCommand::Build {
            input,
            out,
            issuer,
            version,
            valid_days,
            block_size,
            previous,
        } => cmd::feed::build(cmd::feed::BuildArgs {
            input: &input,
            out: &out,
            issuer: &issuer,
            version,
            valid_days,
            block_size,
            previous: &previous,
        })
        .map(|_| Outcome::Accepted),
        FeedCommand::Diff { from, to, out } => {
            cmd::feed::diff_cmd(&from, &to, &out).map(|_| Outcome::Accepted)
        }
        FeedCommand::Sync { args } => cmd::sync::run_feed(args.as_args()),
    }
}

/// `verify`: a list, or with `--with-list` a call intent.
fn verify(command: Command) -> Result<Outcome, UsageError> {
    match command {
        Command::Verify {
            trust,
            with_list: Some(with_list),
            audience,
            state,
            now,
            json,
            list,
        } => cmd::intent::verify(cmd::intent::VerifyArgs {
            trust: &trust,
            list: &with_list,
            audience: audience.as_deref(),
            state: state.as_deref(),
            now: now.as_deref(),
            json,
            intent: &list,
        }),
        Command::Verify {
            trust,
            state,
            now,
            json,
            list,
            ..
        } => cmd::verify::run(&trust, state.as_deref(), now.as_deref(), json, &list),
        _ => Err(UsageError::new("not a verify command")),
    }
}
