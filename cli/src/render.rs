//! A screening drawn as the phone would show it: a coloured card on a
//! terminal, plain text when piped.

use callguard_core::copy::Arg;
use callguard_core::screen::{Lang, Risk, Screening};
use callguard_core::session::{words, Advice, AdviceLevel};
use callguard_core::Timestamp;
use std::io::IsTerminal;

pub fn use_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

pub fn card(s: &Screening, colour: bool, lang: Lang) -> String {
    let (badge, code) = match s.risk {
        Risk::Danger => ("risk-danger", "1;97;41"),
        Risk::Caution => ("risk-caution", "1;30;43"),
        Risk::Safe => ("risk-safe", "1;97;42"),
        Risk::Neutral => ("risk-neutral", "1;97;100"),
    };
    let badge = callguard_core::copy::sdk().text(lang, badge, &[]);
    let paint = |text: &str| {
        if colour {
            format!("\x1b[{code}m {text} \x1b[0m")
        } else {
            format!("[{text}]")
        }
    };
    let mut out = String::new();
    out.push_str(&format!("{} {}\n", paint(&badge), s.title));
    for line in wrap(&s.message, 72) {
        out.push_str(&format!("    {line}\n"));
    }
    let mut facts = vec![
        format!("verdict={}", s.verdict.name()),
        format!("reason={}", s.reason.code()),
    ];
    if let Some(issuer) = &s.issuer {
        facts.push(format!("issuer={issuer}"));
    }
    if let Some(number) = &s.number {
        facts.push(format!("number={number}"));
    }
    let facts = facts.join(" ");
    if colour {
        out.push_str(&format!("    \x1b[2m{facts}\x1b[0m\n"));
    } else {
        out.push_str(&format!("    {facts}\n"));
    }
    out
}

/// An in-call advice as the bank's app would show it before a transfer:
/// the level, the words, until when a hold lasts.
pub fn advice_card(
    advice: &Advice,
    now: Timestamp,
    colour: bool,
    lang: Lang,
    copy: &callguard_core::copy::Catalogue,
) -> String {
    let (badge, code) = match advice.level {
        AdviceLevel::Hold => ("demo-level-hold", "1;97;41"),
        AdviceLevel::Confirm => ("demo-level-confirm", "1;30;43"),
        AdviceLevel::Proceed => ("demo-level-proceed", "1;97;42"),
    };
    let demo = crate::copy::demo();
    let badge = demo.text(lang, badge, &[]);
    let badge = if colour {
        format!("\x1b[{code}m {badge} \x1b[0m")
    } else {
        format!("[{badge}]")
    };
    let (title, body) = words(advice, now, lang, copy).unwrap_or_default();
    let mut out = format!("{badge} {title}\n");
    for line in wrap(&body, 72) {
        out.push_str(&format!("    {line}\n"));
    }
    if let Some(until) = advice.hold_until {
        let time = until.to_rfc3339();
        let hhmm = time.get(11..16).unwrap_or(&time);
        for line in wrap(
            &demo.text(lang, "demo-hold-until", &[("time", Arg::Text(hhmm))]),
            72,
        ) {
            out.push_str(&format!("    {line}\n"));
        }
    }
    let reasons: Vec<&str> = advice.reasons.iter().map(|r| r.code()).collect();
    out.push_str(&format!(
        "    level={} reasons={}\n",
        advice.level.name(),
        reasons.join(",")
    ));
    out
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
