//! A small, strict reader of the vCard files phones export (RFC 6350 vCard
//! 4.0, RFC 2426 3.0, and the 2.1 that Android's "Export contacts" writes):
//! only what the contact audit needs, each card's name and telephone
//! numbers. Lines are unfolded (a line starting with a space or tab goes on
//! the one before); `FN` is the name (else `N`, given then family name);
//! every `TEL` is a number, its `tel:` URI prefix and parameters dropped;
//! QUOTED-PRINTABLE values (2.1, with soft line breaks) are decoded; the
//! backslash escapes of 3.0/4.0 are undone; a card with neither is named
//! by its `ORG`, as phones show it. Lines end in CRLF, LF or CR; a UTF-8
//! byte order mark is skipped. Anything else is skipped. What it cannot
//! read exactly is refused, never guessed: a text in another CHARSET than
//! UTF-8, quoted-printable that is not UTF-8, more cards or numbers than
//! the SDK's audit reads (`MAX_CARDS`, `MAX_NUMBERS`: the audit would
//! leave the rest unchecked).
//! (No crate fits: the maintained ones are parsers of the whole standard,
//! far larger than this, for a tester's tool that never ships.)

pub const MAX_CARDS: usize = callguard_core::contacts::MAX_CONTACTS;
pub const MAX_NUMBERS: usize = callguard_core::contacts::MAX_NUMBERS_PER_CONTACT;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Card {
    pub name: String,
    pub numbers: Vec<String>,
}

/// The cards of `text`; an error names the line (never its content).
pub fn parse(text: &str) -> Result<Vec<Card>, String> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lines = unfold(text);
    let mut cards = Vec::new();
    let mut card: Option<(Card, Names)> = None;
    for (no, line) in lines {
        let (head, value) = line
            .split_once(':')
            .ok_or_else(|| format!("line {no}: not a vCard property (no ':')"))?;
        let mut params = head.split(';');
        let name = params.next().unwrap_or("").to_ascii_uppercase();
        // A group prefix ("item1.TEL") is part of the name.
        let name = name.rsplit('.').next().unwrap_or("").to_string();
        let params: Vec<String> = params.map(|p| p.to_ascii_uppercase()).collect();
        match name.as_str() {
            "BEGIN" if value.trim().eq_ignore_ascii_case("VCARD") => {
                if card.is_some() {
                    return Err(format!("line {no}: BEGIN:VCARD inside a card"));
                }
                card = Some((Card::default(), Names::default()));
            }
            "END" if value.trim().eq_ignore_ascii_case("VCARD") => {
                let (mut c, n) = card
                    .take()
                    .ok_or_else(|| format!("line {no}: END:VCARD without BEGIN"))?;
                if c.name.is_empty() {
                    c.name = n.n.filter(|n| !n.is_empty()).or(n.org).unwrap_or_default();
                }
                if cards.len() == MAX_CARDS {
                    return Err(format!("more than {MAX_CARDS} cards"));
                }
                cards.push(c);
            }
            _ => {
                let Some((c, n)) = card.as_mut() else {
                    continue;
                };
                if !matches!(name.as_str(), "FN" | "N" | "ORG" | "TEL") {
                    continue;
                }
                let value = decode(value, &params).map_err(|e| format!("line {no}: {e}"))?;
                match name.as_str() {
                    "FN" => c.name = value.trim().to_string(),
                    "N" => {
                        // Family;Given;Additional;Prefix;Suffix → "Given Family".
                        let parts: Vec<&str> = value.split(';').collect();
                        let given = parts.get(1).copied().unwrap_or("");
                        let family = parts.first().copied().unwrap_or("");
                        n.n = Some(format!("{given} {family}").trim().to_string());
                    }
                    "ORG" => {
                        // Company;Unit → "Company".
                        let company = value.split(';').next().unwrap_or("").trim();
                        n.org = Some(company.to_string()).filter(|c| !c.is_empty());
                    }
                    "TEL" if c.numbers.len() == MAX_NUMBERS => {
                        return Err(format!(
                            "line {no}: a card with more than {MAX_NUMBERS} numbers"
                        ));
                    }
                    "TEL" => {
                        let number = value.trim();
                        let number = strip_prefix_ignore_case(number, "tel:").unwrap_or(number);
                        let number = number.split(';').next().unwrap_or("").trim();
                        if !number.is_empty() {
                            c.numbers.push(number.to_string());
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    if card.is_some() {
        return Err("the last card has no END:VCARD".into());
    }
    Ok(cards)
}

/// The names a card may be shown by, besides FN.
#[derive(Default)]
struct Names {
    n: Option<String>,
    org: Option<String>,
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Logical lines with their first physical line number: folded lines
/// joined, QUOTED-PRINTABLE soft line breaks (`=` at the end) joined.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut soft_break = false;
    for (i, line) in text
        .split("\r\n")
        .flat_map(|l| l.split(['\r', '\n']))
        .enumerate()
    {
        if soft_break {
            if let Some((_, last)) = out.last_mut() {
                last.pop(); // the '='
                last.push_str(line);
                soft_break = last.ends_with('=');
                continue;
            }
        }
        if (line.starts_with(' ') || line.starts_with('\t')) && !out.is_empty() {
            out.last_mut().unwrap().1.push_str(&line[1..]);
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        soft_break = line.to_ascii_uppercase().contains("QUOTED-PRINTABLE") && line.ends_with('=');
        out.push((i + 1, line.to_string()));
    }
    out
}

/// The value as text: quoted-printable decoded, escapes undone. Refused:
/// another CHARSET than UTF-8, quoted-printable that is not UTF-8.
fn decode(value: &str, params: &[String]) -> Result<String, String> {
    if let Some(charset) = params.iter().find_map(|p| p.strip_prefix("CHARSET=")) {
        if charset != "UTF-8" {
            return Err(
                "a CHARSET other than UTF-8 (export the contacts as vCard 3.0 or 4.0)".into(),
            );
        }
    }
    if params
        .iter()
        .any(|p| p == "ENCODING=QUOTED-PRINTABLE" || p == "QUOTED-PRINTABLE")
    {
        let bytes = value.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            match (
                bytes[i],
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                (b'=', Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                }
                (b, _, _) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        return String::from_utf8(out)
            .map_err(|_| "quoted-printable text that is not UTF-8".to_string());
    }
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push(' '),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_phones_export() {
        let v4 = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Пример Банк\r\nTEL;TYPE=work;VALUE=uri:tel:+7-800-555-35-35\r\nTEL:+7 495 000 00 01\r\nEND:VCARD\r\n";
        assert_eq!(
            parse(v4).unwrap(),
            [Card {
                name: "Пример Банк".into(),
                numbers: vec!["+7-800-555-35-35".into(), "+7 495 000 00 01".into()]
            }]
        );
        // Android's 2.1 export: quoted-printable UTF-8 with a soft line break, N only.
        let v21 = "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;=D0=A1=D0=BB=D1=83=D0=B6=D0=B1=D0=B0 =D0=B1=\n=D0=B5=D0=B7=D0=BE=D0=BF=D0=B0=D1=81=D0=BD=D0=BE=D1=81=D1=82=D0=B8;;;\nTEL;CELL:8 916 123-45-67\nEND:VCARD\n";
        assert_eq!(parse(v21).unwrap()[0].name, "Служба безопасности");
        // 3.0 folding and escapes, a grouped TEL.
        let v3 = "BEGIN:VCARD\nVERSION:3.0\nFN:Example Bank\\, fraud\n  department\nitem1.TEL:900\nEND:VCARD\n";
        let c = &parse(v3).unwrap()[0];
        assert_eq!(
            (c.name.as_str(), c.numbers[0].as_str()),
            ("Example Bank, fraud department", "900")
        );
    }

    #[test]
    fn broken_files_are_refused_by_line() {
        assert!(parse("BEGIN:VCARD\nFN:x\n").unwrap_err().contains("no END"));
        assert!(parse("BEGIN:VCARD\nnonsense\nEND:VCARD\n")
            .unwrap_err()
            .contains("line 2"));
        assert!(parse("END:VCARD\n").unwrap_err().contains("without BEGIN"));
    }
}
