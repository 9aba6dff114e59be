//! Does a display name claim a financial or state authority role, or to
//! be a bank?
//!
//! "Служба безопасности Банка", "Центробанк", "ФСБ", "Bank security",
//! "Сбер поддержка": on a messenger such a caller is a scammer. In Russia,
//! since 1 June 2025, the anti-fraud law (41-FZ) bars bank, Bank of Russia
//! and state staff from calling customers through foreign messengers;
//! elsewhere it is still the classic script.
//!
//! A name claims when its reading (`reading/`) holds, anywhere, one of:
//! 1. an authority phrase of the lexicon (`lexicon/*.txt`), at word starts,
//!    or glued inside a word when the phrase is long enough;
//! 2. a bank brand ("ВТБ", "Сбер…", "Kaspi");
//! 3. a bank word ("банк", "bank", also inside "Сбербанка") and a role word
//!    (security, support, hotline, сотрудник…), as words or glued;
//! 4. nothing but bank words and fillers ("Ваш банк", "Т-Банк");
//! 5. a phrase of a list in force (`issuer.authority_phrases`).
//!
//! No other word takes a claim back: the only exceptions are exact
//! phrases in which the bank word is no bank ("Bank holiday", "банк
//! крови"), and they remove that bank word only.

use super::fold::{Folded, Look};
pub use super::lexicon::Phrase;
use super::lexicon::{
    glued_gaps, lexicon, word_starts, Lexicon, BANK_WORD_SET, BRAND_SET, GLUED_FILLER_SET,
    GLUED_ROLE_CHARS, GLUED_SET, NOT_BANK_SET,
};
use super::pairs::Pairs;
use super::reading::Reading;
use super::words::{ending_at, Word, MAX_ENDING};

/// Words this long may hold a glued phrase's start.
const GLUED_START_WORD: usize = 4;

/// Letters of a filler or role word read glued to a brand ("сбербанк|онлайн").
const GLUED_FILLER_CHARS: usize = 4;

/// Words read glued after a brand, at most.
const GLUED_TAIL_WORDS: usize = 3;

/// The `len` letters at `at` are a bank word's ending ("а", "ing").
fn bank_ending_at(name: &Folded, at: usize, len: usize, lexicon: &Lexicon) -> bool {
    lexicon
        .bank_endings
        .iter()
        .any(|e| e.len() == len && name.has_at(at, e))
}

/// Where a bank word ends, if one is at `at`: "банк"/"bank" starting a word
/// or ending a compound ("Сбер|банк|а"), with only a bank ending after it.
fn bank_word_at(name: &Folded, at: usize, lexicon: &Lexicon) -> Option<usize> {
    lexicon.bank_words.iter().find_map(|w| {
        let end = at + w.len();
        // Spelt exactly: "Банька" (a bathhouse) is no "Банка".
        if !name.has_at(at, w) || name.soft_after[at..end].iter().any(|s| *s) {
            return None;
        }
        let rest = name.rest_of_word(end);
        let ending_ok = rest == 0 || bank_ending_at(name, end, rest, lexicon);
        ending_ok.then_some(end + rest)
    })
}

/// The spans of the name that are no bank ("Bank holiday", "банк крови"):
/// no bank word and no authority phrase is read inside them.
fn not_bank_spans(name: &Folded, starts: &[usize], lexicon: &Lexicon) -> Vec<(usize, usize)> {
    // Each phrase where it first matches, from the index (a phrase of
    // `not_bank` has one order).
    let mut first: Vec<Option<(usize, usize)>> = vec![None; lexicon.not_bank.len()];
    for &at in starts {
        lexicon.not_bank_index.any_at(name, at, |p, o| {
            if first[p].is_none() {
                // Its last word may run on: "blood bank@support" read with
                // "a" for "@" is still a blood bank. Its words may be glued
                // ("foodbank@support").
                let phrase = &lexicon.not_bank[p];
                first[p] = phrase
                    .at_start(name, at, o, &[])
                    .or_else(|| phrase.at_start_open(name, at, o))
                    .or_else(|| phrase.glued_end(name, at).filter(|_| o == 0))
                    .map(|end| (at, end));
            }
            false
        });
    }
    // To the end of the word the phrase ends in ("банк|и").
    first
        .into_iter()
        .flatten()
        .map(|(s, e)| (s, e + name.rest_of_word(e)))
        .collect()
}

/// Every bank word or brand of the name: (start, end).
fn banks(
    name: &Folded,
    starts: &[usize],
    not_bank: &[(usize, usize)],
    near: &Near,
    lexicon: &Lexicon,
) -> Vec<(usize, usize)> {
    // The bank word starts its word ("Банк", "Bank"): ending one
    // ("Riverbank", "Фотобанк") it is part of another word; the bank
    // compounds that are banks are brands ("Сбербанк").
    let mut out: Vec<(usize, usize)> = starts
        .iter()
        .filter_map(|&at| bank_word_at(name, at, lexicon).map(|end| (at, end)))
        .filter(|&(at, end)| !not_bank.iter().any(|&(s, e)| s <= at && end <= e))
        .collect();
    out.extend(near.brands.iter().filter_map(|b| b.find_at(name, starts)));
    out
}

/// The role words and brands that may be in a name: those whose letter
/// pairs it shows (`pairs.rs`), in lexicon order. The bank rules try each
/// at every place of the name; the others are nowhere in it.
struct Near<'l> {
    roles: Vec<&'l Phrase>,
    brands: Vec<&'l Phrase>,
}

impl<'l> Near<'l> {
    fn of(pairs: &Pairs, lexicon: &'l Lexicon) -> Near<'l> {
        let near = |phrases: &'l [Phrase], needed: &[Vec<(u128, u128)>]| {
            phrases
                .iter()
                .zip(needed)
                .filter(|(_, needed)| pairs.may_hold(needed))
                .map(|(p, _)| p)
                .collect()
        };
        Near {
            roles: near(&lexicon.roles, &lexicon.role_pairs),
            brands: near(&lexicon.brands, &lexicon.brand_pairs),
        }
    }
}

/// A role word beside a bank word or brand: starting another word, or,
/// when long enough, glued anywhere outside it.
fn bank_with_role<'l>(
    name: &Folded,
    starts: &[usize],
    banks: &[(usize, usize)],
    near: &Near<'l>,
) -> Option<&'l Phrase> {
    banks.iter().find_map(|&(bank_start, bank_end)| {
        near.roles.iter().copied().find(|role| {
            role.find_outside(name, starts, &[(bank_start, bank_end)])
                .is_some()
                || role.scattered(name, starts, &[(bank_start, bank_end)])
                || role.folded_len() >= GLUED_ROLE_CHARS
                    && role.matches_glued(name, &[(bank_start, bank_end)])
        })
    })
}

/// A bank word or a brand glued to a long role word, before or after it
/// ("banksupportteam", "ВТБСЛУЖБАЗАБОТЫ", "поддержкабанка"): in one word,
/// the bank word's ending cannot be checked, the role says what it is.
fn glued_bank_and_role<'l>(
    name: &Folded,
    not_bank: &[(usize, usize)],
    near: &Near<'l>,
    lexicon: &Lexicon,
) -> Option<&'l Phrase> {
    // Bank words, and one-word brands with their own word (what may
    // follow it glued: nothing after a brand spelt whole, "каспи|й|сервис"
    // is a Caspian firm).
    let bank_words = lexicon
        .bank_words
        .iter()
        .map(|w| (w.as_slice(), None))
        .chain(
            near.brands
                .iter()
                .filter(|b| b.words.len() == 1)
                .map(|b| (&*b.words[0].chars, Some(&b.words[0]))),
        );
    let spans: Vec<(usize, usize, Option<&Word>)> = bank_words
        .flat_map(|(w, brand)| {
            // (A place whose letter shares no reading with the word's first
            // letter, as most do not, is passed at one AND: `has_at` would
            // find nothing there.)
            let first = w.first().map(|l| l.signature());
            let may_start =
                move |at: usize| first.is_none_or(|first| name.looks[at].signature() & first != 0);
            (0..name.len())
                .filter(|&at| may_start(at) && name.has_at(at, w))
                .map(|at| (at, at + w.len(), brand))
                .collect::<Vec<_>>()
        })
        .filter(|&(s, e, _)| !not_bank.iter().any(|&(ns, ne)| ns <= s && e <= ne))
        .collect();
    // One word: no word starts strictly inside (from, to).
    let one_word =
        |from: usize, to: usize| !(from + 1..to.min(name.len())).any(|i| name.word_start[i]);
    near.roles
        .iter()
        .copied()
        .filter(|r| r.folded_len() >= GLUED_ROLE_CHARS)
        .find(|role| {
            let len = role.folded_len();
            spans.iter().any(|&(s, e, brand)| {
                // After the bank word, only its ending: "банк|а|сервис",
                // "bank|ing|support", not "банк|ет|сервис"; after a brand,
                // what its word takes.
                let ending = |gap: usize| match brand {
                    Some(word) => glued_gaps(name, e, word).any(|g| g == gap),
                    None => {
                        gap == 0
                            || e + gap <= name.len()
                                && (ending_at(name, e, gap)
                                    || bank_ending_at(name, e, gap, lexicon))
                    }
                };
                (0..=MAX_ENDING)
                    .filter(|&gap| ending(gap))
                    .any(|gap| role.glued_at(name, e + gap) && one_word(s, e + gap + len))
                    || (0..=MAX_ENDING + len)
                        .filter_map(|back| s.checked_sub(back))
                        .any(|at| role.glued_ends_at(name, at, s) && one_word(at, e))
            })
        })
}

/// A brand glued to a bank word in one word ("KASPIBANK", "втббанк",
/// "BankKaspi"), or to the fillers, roles and bank words of a name that
/// is nothing but the bank ("сбербанконлайн", "втббанкофициальный",
/// "мойсбер"): the brand's own whole-word rule cannot see it.
fn brand_glued_to_bank<'l>(
    name: &Folded,
    near: &Near<'l>,
    lexicon: &Lexicon,
) -> Option<&'l Phrase> {
    near.brands
        .iter()
        .copied()
        .filter(|b| b.words.len() == 1)
        .find(|b| {
            bank_then_brand(name, &b.words[0].chars, lexicon)
                || (0..name.len()).any(|at| {
                    brand_then_more(name, at, b, near, lexicon)
                        || filler_then_brand(name, at, b, lexicon)
                })
        })
}

/// A filler of two letters or more starting the word at `at`, and glued
/// after it the brand, its own end as at a word's start ("мойсбер",
/// "мойвтб", "mykaspi"; not "т" before a brand).
fn filler_then_brand(name: &Folded, at: usize, brand: &Phrase, lexicon: &Lexicon) -> bool {
    name.word_start[at]
        && lexicon
            .fillers
            .iter()
            .filter(|f| f.words.len() == 1 && f.folded_len() >= 2)
            .filter_map(|f| f.glued_end(name, at))
            .any(|end| {
                end < name.len() && !name.word_start[end] && brand.glued_from(name, end, 0, &[])
            })
}

/// A bank word and, glued after it (an ending between), the brand ending
/// the word ("BankKaspi").
fn bank_then_brand(name: &Folded, brand: &[Look], lexicon: &Lexicon) -> bool {
    (0..name.len()).any(|at| {
        lexicon.bank_words.iter().any(|w| {
            name.has_at(at, w)
                && (0..=MAX_ENDING).any(|gap| {
                    let b = at + w.len() + gap;
                    name.has_at(b, brand)
                        && !(at + 1..=b).any(|i| i < name.len() && name.word_start[i])
                        && name.rest_of_word(b + brand.len()) == 0
                })
        })
    })
}

/// The brand starting the word at `at`, and glued after it a bank word
/// ending the word ("KASPIBANK"), or fillers, roles and bank words
/// (`glued_tail`).
fn brand_then_more(
    name: &Folded,
    at: usize,
    brand: &Phrase,
    near: &Near,
    lexicon: &Lexicon,
) -> bool {
    let word = &brand.words[0];
    if !(name.word_start[at] && name.has_at(at, &word.chars)) {
        return false;
    }
    let end = at + word.chars.len();
    let in_word = |next: usize| next < name.len() && !(at + 1..=next).any(|i| name.word_start[i]);
    let to_bank = (0..=MAX_ENDING).any(|gap| {
        let next = end + gap;
        in_word(next)
            && bank_word_at(name, next, lexicon)
                .is_some_and(|e| e == next + name.rest_of_word(next))
    });
    // The tail only after the brand as it is spelt: an ending where it
    // takes one ("каспийонлайн" is no "Каспи онлайн").
    to_bank
        || glued_gaps(name, end, word).any(|gap| {
            let next = end + gap;
            in_word(next) && glued_tail(name, next, near, lexicon, 0)
        })
}

/// What may follow a brand glued in one word, to the word's end: fillers
/// long enough to be read glued ("онлайн", "официальн*", not "т" or "my"),
/// role words ("help", "поддержк*") and bank words, one after another
/// ("сбербанк|онлайн|поддержка", "kaspi|official|team"), at most
/// `GLUED_TAIL_WORDS` of them.
fn glued_tail(name: &Folded, at: usize, near: &Near, lexicon: &Lexicon, depth: usize) -> bool {
    if at >= name.len() || name.word_start[at] || depth >= GLUED_TAIL_WORDS {
        return false;
    }
    let word_end = at + name.rest_of_word(at);
    let words = lexicon
        .fillers
        .iter()
        .chain(near.roles.iter().copied())
        .filter(|p| p.words.len() == 1 && p.folded_len() >= GLUED_FILLER_CHARS);
    for p in words {
        if p.glued_at(name, at) {
            return true;
        }
        if let Some(end) = p.glued_end(name, at).filter(|&e| e < word_end) {
            if glued_tail(name, end, near, lexicon, depth + 1) {
                return true;
            }
        }
    }
    lexicon.bank_words.iter().any(|w| {
        name.has_at(at, w)
            && (at + w.len() == word_end
                || glued_tail(name, at + w.len(), near, lexicon, depth + 1))
    })
}

/// A name that is nothing but a bank: bank words, brands and fillers
/// ("Сбербанк", "Ваш банк", "Т-Банк").
fn only_the_bank(
    name: &Folded,
    starts: &[usize],
    banks: &[(usize, usize)],
    lexicon: &Lexicon,
) -> bool {
    if banks.is_empty() {
        return false;
    }
    starts.iter().all(|&at| {
        let word_end = at + name.rest_of_word(at + 1) + 1;
        // The bank word is the word ("Банк", "Банка", "Т-Банк"): a word
        // that only ends in one ("JamesBanks") is a name, and the bank
        // compounds that are banks are brands ("Газпромбанк").
        let banked = banks.iter().any(|&(s, e)| s == at && e == word_end);
        banked
            || lexicon.fillers.iter().any(|f| {
                f.find_at(name, &[at])
                    .is_some_and(|(_, end)| end + name.rest_of_word(end) == word_end)
            })
    })
}

/// An authority phrase of the lexicon at the start of a word, or one of
/// many words scattered over the name.
/// In a transliterated spelling (`from_latin`), abbreviations are not
/// read: a short Latin word is a word of its own ("Comic Con"); Latin
/// abbreviations have their own lexicon lines ("fsb", "mvd").
fn authority_at_starts<'l>(
    name: &Folded,
    starts: &[usize],
    not_bank: &[(usize, usize)],
    lexicon: &'l Lexicon,
    from_latin: bool,
) -> Option<&'l Phrase> {
    let mut hit = None;
    for &at in starts {
        let found = lexicon.authority_index.any_at_start(name, at, |p, o| {
            let phrase = &lexicon.authority[p];
            let yes = !(from_latin && phrase.abbreviation())
                && phrase.at_start(name, at, o, not_bank).is_some();
            if yes {
                hit = Some(&lexicon.authority[p]);
            }
            yes
        });
        if found {
            return hit;
        }
    }
    // Every word must start a word of the name: a phrase with a word
    // whose first letter meets no word's first letter is passed at once.
    let start_keys = starts.iter().fold(0, |all, &at| all | name.looks[at].key());
    lexicon
        .scattering
        .iter()
        .map(|&i| &lexicon.authority[i])
        .filter(|p| p.words.iter().all(|w| w.chars[0].key() & start_keys != 0))
        .find(|p| p.scattered(name, starts, not_bank))
}

/// An authority's one word glued to fillers that end the word ("ЦБонлайн",
/// "Полицияинфо"), or glued after a filler that starts it ("Mypolice",
/// "мойцб"): fillers are words that add nothing to what stands beside them
/// ("ЦБ онлайн" is the Bank of Russia), spaced or not. (Not in a
/// transliterated spelling for an abbreviation, as at word starts.)
fn authority_glued_to_filler<'l>(
    name: &Folded,
    starts: &[usize],
    lexicon: &'l Lexicon,
    from_latin: bool,
) -> Option<&'l Phrase> {
    let one_word = |p: &Phrase| p.words.len() == 1 && !(from_latin && p.abbreviation());
    let mut hit = None;
    for &at in starts {
        let word_end = at + 1 + name.rest_of_word(at + 1);
        // The authority, then fillers to the word's end.
        let first = lexicon.authority_index.any_at(name, at, |p, o| {
            let phrase = &lexicon.authority[p];
            let word = &phrase.orders()[o][0];
            let yes = one_word(phrase)
                && name.has_at(at, &word.chars)
                && glued_gaps(name, at + word.chars.len(), word).any(|gap| {
                    let next = at + word.chars.len() + gap;
                    next < word_end && fillers_to_end(name, next, word_end, lexicon, 0)
                });
            if yes {
                hit = Some(phrase);
            }
            yes
        });
        if first {
            return hit;
        }
        // A filler, then the authority ending the word.
        for filler in &lexicon.glued_fillers {
            let Some(end) = filler.glued_end(name, at) else {
                continue;
            };
            // (An ending after a filler's stem: "Официальн|ая|цб".)
            for gap in glued_gaps(name, end, &filler.words[0]) {
                let next = end + gap;
                if next >= word_end {
                    break;
                }
                let after = lexicon.authority_index.any_at(name, next, |p, o| {
                    let phrase = &lexicon.authority[p];
                    let yes = one_word(phrase) && phrase.glued_from(name, next, o, &[]);
                    if yes {
                        hit = Some(phrase);
                    }
                    yes
                });
                if after {
                    return hit;
                }
            }
        }
    }
    None
}

/// Fillers glued one after another from `at` to `end`, the end of a word
/// ("онлайн", "официальн|ый|инфо"), at most `GLUED_TAIL_WORDS`.
fn fillers_to_end(name: &Folded, at: usize, end: usize, lexicon: &Lexicon, depth: usize) -> bool {
    depth < GLUED_TAIL_WORDS
        && lexicon
            .glued_fillers
            .iter()
            .filter(|f| f.folded_len() >= GLUED_FILLER_CHARS)
            .any(|f| {
                let word = &f.words[0];
                f.glued_end(name, at).is_some_and(|e| {
                    glued_gaps(name, e, word).any(|gap| {
                        e + gap == end
                            || e + gap < end
                                && fillers_to_end(name, e + gap, end, lexicon, depth + 1)
                    })
                })
            })
}

/// Where a glued phrase may start: inside a word of at least four
/// letters (a phrase over several short words is found at their starts).
fn glued_positions(name: &Folded) -> impl Iterator<Item = usize> + '_ {
    // Word by word, as the places are walked (no marks made first): at
    // each word's first place, where it ends and whether it is long.
    let (mut word_end, mut long) = (0, false);
    (0..name.len()).filter(move |&i| {
        if i >= word_end {
            word_end = i + 1 + name.rest_of_word(i + 1);
            long = word_end - i >= GLUED_START_WORD;
        }
        long
    })
}

/// A bank brand at the start of a word.
fn brand_at_starts<'l>(
    name: &Folded,
    starts: &[usize],
    lexicon: &'l Lexicon,
    from_latin: bool,
) -> Option<&'l Phrase> {
    let mut hit = None;
    for &at in starts {
        let found = lexicon.brand_index.any_at_start(name, at, |p, o| {
            let brand = &lexicon.brands[p];
            let yes =
                !(from_latin && brand.abbreviation()) && brand.at_start(name, at, o, &[]).is_some();
            if yes {
                hit = Some(&lexicon.brands[p]);
            }
            yes
        });
        if found {
            return hit;
        }
    }
    None
}

/// A long brand glued after two letters of a word or more ("мойсбербанк",
/// "xxsberbank"), its own end as at a word's start ("Альфабанкет" is a
/// banquet hall).
fn brand_inside_word<'l>(
    name: &Folded,
    live: &[bool],
    not_bank: &[(usize, usize)],
    lexicon: &'l Lexicon,
) -> Option<&'l Phrase> {
    // (Two letters before it at least: "Stinkoff" is a nickname.)
    let after_two = |at: usize| at >= 2 && !name.word_start[at] && !name.word_start[at - 1];
    glued_positions(name)
        .filter(|&at| live[at] && after_two(at))
        .find_map(|at| {
            let mut hit = None;
            lexicon.brand_index.any_at(name, at, |p, o| {
                let brand = &lexicon.brands[p];
                let yes = brand.brand_glues() && brand.glued_from(name, at, o, not_bank);
                if yes {
                    hit = Some(brand);
                }
                yes
            });
            hit
        })
}

/// A bank word or the first word of a brand anywhere in the name's letters.
fn bank_material(name: &Folded, live: &[bool], lexicon: &Lexicon) -> bool {
    // A bank word or a one-word brand glued anywhere; a brand of several
    // words where it stands, at a word's start (most hold a bank word
    // anyway: "Т-Банк").
    (0..name.len()).filter(|&at| live[at]).any(|at| {
        lexicon.bank_words.iter().any(|w| name.has_at(at, w))
            || lexicon.brand_index.any_at(name, at, |p, o| {
                let brand = &lexicon.brands[p];
                if brand.words.len() == 1 {
                    name.has_at(at, &brand.orders()[o][0].chars)
                } else {
                    name.word_start[at] && brand.at_start(name, at, o, &[]).is_some()
                }
            })
    })
}

/// Whether the word of `name` that starts at `at` is built on the
/// lexicon word `of`: the same word when that is short (an abbreviation:
/// "ФСБ"), or `of` whole at its start ("Сберов" on "Сбер", "Российская"
/// on "Росси…"). A surname that only shares first letters with one
/// ("Полищук", "Каспаров", "Прокопьев") is a surname.
fn near_word_at(name: &Folded, at: usize, of: &[Look]) -> bool {
    const SHORT: usize = 4;
    if at >= name.len() {
        return false;
    }
    let len = 1 + name.rest_of_word(at + 1);
    if of.len() < SHORT {
        len == of.len() && name.has_at(at, of)
    } else {
        len >= of.len() && name.has_at(at, of)
    }
}

/// Which rule makes the claim, and by which phrase.
fn claim_in(
    name: &Folded,
    lexicon: &Lexicon,
    extra: &[&Phrase],
    from_latin: bool,
) -> Option<String> {
    let starts = word_starts(name);
    // A phrase is nowhere in a name that misses one of its letter pairs
    // (`pairs.rs`): most names hold no phrase of `not_bank`, no glued
    // phrase, no brand and no bank word, and skip the rules that look
    // for them at every place (each of those finds only what it has
    // spelt out whole, so a skipped rule would have found nothing).
    let pairs = Pairs::of(name);
    let held = lexicon.needs.held(&pairs);
    let not_bank = if held.has(NOT_BANK_SET) {
        not_bank_spans(name, &starts, lexicon)
    } else {
        Vec::new()
    };
    let found = |rule: &str, p: &Phrase| Some(format!("{rule}: {}", p.text));
    if let Some(p) =
        authority_at_starts(name, &starts, &not_bank, lexicon, from_latin).or_else(|| {
            extra.iter().copied().find(|p| {
                p.find_outside(name, &starts, &not_bank).is_some()
                    || p.scatters() && p.scattered(name, &starts, &not_bank)
            })
        })
    {
        return found("authority", p);
    }
    if held.has(GLUED_FILLER_SET) {
        if let Some(p) = authority_glued_to_filler(name, &starts, lexicon, from_latin) {
            return found("authority glued to filler", p);
        }
    }
    let glued_near = held.has(GLUED_SET);
    let brand_near = held.has(BRAND_SET);
    let bank_near = brand_near || held.has(BANK_WORD_SET);
    if !glued_near && !bank_near {
        return None;
    }
    // The places where a glued phrase, a brand or a bank word may start.
    let live: Vec<bool> = (0..name.len())
        .map(|at| lexicon.scan_gate.passes(name, at))
        .collect();
    let glued_at = |at: &usize| glued_near && live[*at];
    let glued = glued_positions(name).filter(glued_at).find_map(|at| {
        let mut hit = None;
        lexicon.glued_index.any_at(name, at, |p, o| {
            let yes = lexicon.authority[p].glued_from(name, at, o, &not_bank);
            if yes {
                hit = Some(&lexicon.authority[p]);
            }
            yes
        });
        hit
    });
    if let Some(p) = glued {
        return found("authority glued", p);
    }
    if brand_near {
        if let Some(p) = brand_at_starts(name, &starts, lexicon, from_latin) {
            return found("brand", p);
        }
        if let Some(p) = brand_inside_word(name, &live, &not_bank, lexicon) {
            return found("brand glued inside a word", p);
        }
    }
    // The rules below need a bank word or a brand somewhere, glued or not:
    // most names have neither, and the rules cost.
    if !bank_near || !bank_material(name, &live, lexicon) {
        return None;
    }
    let near = Near::of(&pairs, lexicon);
    let banks = banks(name, &starts, &not_bank, &near, lexicon);
    if let Some(p) = bank_with_role(name, &starts, &banks, &near) {
        return found("bank word with role", p);
    }
    if let Some(p) = glued_bank_and_role(name, &not_bank, &near, lexicon) {
        return found("bank word glued to role", p);
    }
    if let Some(p) = brand_glued_to_bank(name, &near, lexicon) {
        return found("brand glued to bank word or filler", p);
    }
    only_the_bank(name, &starts, &banks, lexicon).then(|| "only the bank".to_string())
}

/// True when the name, in any of its spellings, claims an authority role
/// or to be a bank, by the built-in lexicon or by one of `extra` (phrases
/// from the lists in force).
pub fn claims_authority<'a>(name: &Reading, extra: impl IntoIterator<Item = &'a Phrase>) -> bool {
    explain(name, extra).is_some()
}

/// Which rule and phrase make the claim, for developers and tests
/// (`cargo run -p callguard-core --example name_reading`): never logged.
pub fn explain<'a>(name: &Reading, extra: impl IntoIterator<Item = &'a Phrase>) -> Option<String> {
    let extra: Vec<&Phrase> = extra.into_iter().collect();
    // A person with initials ("Доржиев Ц.Б."): nothing to claim, unless
    // the one word is a word the lexicon or a list has ("Ц.Б. России").
    if let Some(surname) = &name.surname_with_initials {
        let listed = || extra.iter().flat_map(|p| p.words.iter().map(|w| &*w.chars));
        let built_on_claim = lexicon()
            .claim_words()
            .chain(listed())
            .any(|w| surname.iter().any(|spelling| near_word_at(spelling, 0, w)));
        // A word beside them that claims ("МВД/ФСБ", "Сбербанк"), or a
        // word of an authority phrase of several words, which the initials
        // may complete ("Иванов Ц.Б. РФ"), leaves the initials to be read; a job, a town or an employer does
        // not ("Врач Доржиев Ц.Б.", "Сервисный центр").
        let beside_claims = name
            .beside_initials
            .iter()
            .any(|word| explain(word, extra.iter().copied()).is_some());
        // (The phrases two initials may be part of: those with a word of
        // two letters, "ЦБ РФ", "СК России".)
        let initials_word = |w: &Word| w.exact && w.chars.len() == 2;
        let phrase_words = || {
            lexicon()
                .authority
                .iter()
                .chain(extra.iter().copied())
                .filter(|p| p.words.len() > 1 && p.words.iter().any(initials_word))
                .flat_map(|p| p.words.iter().map(|w| &*w.chars))
        };
        let phrase_word_beside = name
            .beside_initials
            .iter()
            .flat_map(|word| &word.spellings)
            .any(|spelling| {
                (0..spelling.len())
                    .filter(|&at| spelling.word_start[at])
                    .any(|at| phrase_words().any(|w| near_word_at(spelling, at, w)))
            });
        if !built_on_claim && !beside_claims && !phrase_word_beside {
            return None;
        }
    }
    name.spellings
        .iter()
        .enumerate()
        .filter(|(_, spelling)| !spelling.is_empty())
        .find_map(|(i, spelling)| {
            let from_latin = i >= name.transliterated_from;
            claim_in(spelling, lexicon(), &extra, from_latin)
        })
}

#[cfg(test)]
mod tests {
    use super::super::reading::read;
    use super::*;

    fn flags(name: &str) -> bool {
        claims_authority(&read(name), [])
    }

    #[test]
    fn the_headline_scams_are_caught() {
        for name in [
            "Служба безопасности Банка",
            "СЛУЖБА БЕЗОПАСНОСТИ",
            "Службa безопасности 🔒",
            "Центробанк",
            "ЦБ РФ",
            "Банк России",
            "ФСБ",
            "Полиция",
            "Госуслуги",
            "СБ Сбербанка",
            "Поддержка банка",
            "Менеджер банка",
            "Сбербанк",
            "Ваш банк",
            "Т-Банк",
            "С л у ж б а  б е з о п а с н о с т и",
            "Сл. безопасности",
            "ФСБшник",
            "Безопасность",
            "Служба безпеки банку",
            "Қауіпсіздік қызметі",
            "Bank Security",
            "Fraud Department",
            // No word takes a claim back.
            "Служба безопасности ЖК Солнечный",
            "ЦБ РФ защита персональных данных",
            "Сбер горячая линия",
            "Bank Support",
            "Food bank security service",
            // Read as the customer reads: glued, spelled out, transliterated.
            "Службабезопасности",
            "ФСБРоссии",
            "В Т Б",
            "Sluzhba bezopasnosti",
            "🇷🇺ФСБ🇷🇺",
            "sber@support.ru",
        ] {
            assert!(flags(name), "{name}");
        }
    }

    #[test]
    fn ordinary_names_stay_quiet() {
        for name in [
            "Банкетный зал",
            "Охрана ЖК",
            "Полина",
            "Служба доставки",
            "Банкин Сергей",
            "Мама",
            "Центральный рынок",
            "Security desk",
            "Альфамед служба записи",
            "Почта России служба доставки",
            "Иван Банков отдел продаж",
            "Банкет-холл служба заказов",
            "Food Bank support",
            "Bank holiday party",
            "Банк крови Сергей",
            "Стеклянные банки оптом",
            "Центральный банк крови",
            "Freedom Taxi Service",
        ] {
            assert!(!flags(name), "{name}");
        }
    }

    #[test]
    fn the_lexicon_knows_the_regions_banks_and_state_services() {
        for name in [
            "МКБ",
            "Дія підтримка",
            "Служба підтримки Дія",
            "Банк Русский Стандарт",
            "Укрсиббанк",
            "Ukrgasbank",
            "Абсолют Банк",
            "Банк ЦентрКредит",
            "Отбасы банк",
        ] {
            assert!(flags(name), "{name}");
        }
        // Words inside them, and words that look like them.
        for name in [
            "Лідія",
            "Лидия Петровна",
            "Magazin Dlia vas",
            "Русский стандарт",
            "Абсолют",
            "Кредит доверия",
            "Пряма дія",
            "Дия Ахметова",
            "Центр кредитных решений",
        ] {
            assert!(!flags(name), "{name}");
        }
    }

    /// Found by the attack review: Latin letters written for their sound
    /// inside Cyrillic words; a number before a letter ("24/7 т-банк")
    /// read as one spelled-out word with it.
    #[test]
    fn latin_letters_for_sounds_are_read() {
        for name in [
            "ФSБ",
            "FСБ",
            "МVД",
            "ПоLиция",
            "ПОLИЦИЯ",
            "Sбер поддержка",
            "Kасpi",
            "Тинkoff",
            "Пrокуратура",
            "Prokuraтура",
            "Интерpol",
            "Gosуслуги",
            "Госuslugi",
            "С Б U",
            "ПrOKyρaтYrа",
            "Н６U",
            "24/7 т-банк",
            // "ts" is "тс" where two words are glued.
            "komitetsledstvennyi",
        ] {
            assert!(flags(name), "{name}");
        }
        // A Latin letter that looks like a Cyrillic one, alone among
        // Cyrillic letters, is that letter; "bI" is a "ы".
        for name in ["CБ", "Интерpол", "Cветлана", "ЦbIбульская Ира"] {
            assert!(!flags(name), "{name}");
        }
    }

    /// Found by the attack review: a glued phrase read "банк" in "Банкет"
    /// (the letters between glued words must be an ending after a word
    /// that takes endings), "центрбанк*" read "Центр банкеты", and "Райф"
    /// was the Tatar name "Раиф".
    #[test]
    fn authorities_the_attack_review_named() {
        for name in [
            "Госключ",
            "Финуполномоченный",
            "Налоговый инспектор",
            "Нацполіція",
            "Кібербезпека",
            "Відділ боротьби з шахраями",
            "Отдел защиты от мошенничества",
            "Служба финансовой защиты",
            "FBI",
            "HMRC",
            "Action Fraud",
        ] {
            assert!(flags(name), "{name}");
        }
        // Numbers and shops that would read as short ones.
        for name in [
            "Таксі 838 на Шевченка",
            "Антикор Сервис",
            "Такси KGD",
            "A.F.M. Rahman",
            "IRS Group",
            "JacobBanks@support.ru",
            "Sarah Banks - Support Worker",
        ] {
            assert!(!flags(name), "{name}");
        }
    }

    /// Multi-letter look-alikes the attack review drew.
    #[test]
    fn more_letters_drawn_in_strokes() {
        for name in [
            "ПОJIИЦИЯ",
            "ПО/\\ИЦИЯ",
            "|\\/|ВД",
            "/\\/\\ВД",
            "П()ЛИЦИЯ",
            "П[]ЛИЦИЯ",
            "ПОЛ|\\|ЦИЯ",
            "Ba|\\|k Support",
            "Борьба с мо|||енниками",
            "Борьба с моLLIенниками",
            "|3ank Support",
            "FRAUD PREVE|\\|TIO|\\|",
            "ПОЛ|/|Ц|/|Я",
            "https://|\\/|ВД.c[]rn",
        ] {
            assert!(flags(name), "{name}");
        }
        for name in ["Оля ()", "JIM", "WILLIAM", "Station [1]"] {
            assert!(!flags(name), "{name}");
        }
    }

    /// Letters drawn in other scripts, symbols and emoji ("fancy text").
    #[test]
    fn fancy_letters_are_letters() {
        for name in [
            "ΜΒΔ",
            "ГИБΔΔ",
            "Сδер поддержка",
            "∩олиция",
            "ҜASPI",
            "⒦⒜⒮⒫⒤",
            "⒡⒮⒝",
            "ᔕᗷEᖇ",
            "ᑭOᒪIᑕE",
            "ᗷᗩᑎK ᔕᑌᑭᑭOᖇT",
            "丂乃乇尺",
            "卩ㄖㄥ丨匚乇",
            "ßank Support",
            "©бербанк",
            "Poli¢e",
            "€uropol",
            "💲ber",
            "P⭕lice",
            "П○ЛИЦИЯ",
            "П🔵ЛИЦИЯ",
            "BΔNK Support",
            "Ѕбербанк",
            "ФЅБ",
            "МВԁ",
            "Р⭕©сии Банк",
            "М⭕н⭕банк@mail.ru",
            "www.Anti⒡rod.rf",
        ] {
            assert!(flags(name), "{name}");
        }
        for name in ["⭕ Мама ⭕", "© 2024 Магазин", "Каспийская ©", "Мама ❤️ 🔴"]
        {
            assert!(!flags(name), "{name}");
        }
    }

    /// Companies, surnames and trades that only start like an authority.
    #[test]
    fn words_that_only_start_like_an_authority() {
        for name in [
            "Интерполимер",
            "Интерполиграф",
            "Европолис ТЦ",
            "Семён Полицеймако",
            "Отдел по борьбе с вредителями",
            "Дежурный частный сантехник",
        ] {
            assert!(!flags(name), "{name}");
        }
        for name in [
            "Интерпола",
            "Полицейские",
            "дежурной части",
            "Отдел по борьбе с мошенничеством",
            "ОТДЕЛ ПО БОРЬБЕ С КИБЕРПРЕСТУПНОСТЬЮ",
        ] {
            assert!(flags(name), "{name}");
        }
    }

    /// A right-to-left mark first makes the line right to left: the
    /// renderer shows "\u{200F}Б\u{200F}С\u{200F}Ф" as "ФСБ" (UAX #9 P2,
    /// P3 and the implicit rules).
    #[test]
    fn right_to_left_marks_order_the_line() {
        for name in [
            "\u{200F}Б\u{200F}С\u{200F}Ф",
            "\u{200F}Б\u{200F}Ц",
            "\u{200F}Д\u{200F}В\u{200F}М",
            "\u{061C}Б\u{061C}С\u{061C}Ф",
            "\u{2067}Б\u{200F}С\u{200F}Ф\u{2069}",
            "\u{200F}я\u{200F}и\u{200F}ц\u{200F}и\u{200F}л\u{200F}о\u{200F}П",
            "\u{200F}Служба безопасности",
        ] {
            assert!(flags(name), "{name:?}");
        }
        // Letters in order stay in order: "Мама" with a Hebrew name.
        assert!(!flags("שרה Мама"));
    }

    /// After a glued bank word only its ending: "Банкетсервис" is a
    /// banquet service.
    #[test]
    fn a_glued_bank_word_takes_only_its_ending() {
        for name in ["банкетсервис", "БанкетСервис", "банкетменеджер"]
        {
            assert!(!flags(name), "{name}");
        }
        for name in [
            "банкасервис",
            "банксервис",
            "supportteambank",
            "поддержкабанка",
            "bankingsupport",
            "Банкингподдержка",
        ] {
            assert!(flags(name), "{name}");
        }
    }

    /// `[not_claim]` of `lexicon/ru.txt`: safety as a trade or a school
    /// subject. Every other word still reads.
    #[test]
    fn safety_trades_are_no_security_service() {
        for name in [
            "Пожарная безопасность",
            "ООО Пожарная безопасность",
            "Техника безопасности",
            "Безопасность труда",
            "Центр безопасности дорожного движения",
            "Учитель ОБЖ (основы безопасности)",
            "Школа безопасности детей",
        ] {
            assert!(!flags(name), "{name}");
        }
        for name in [
            "Пожарная безопасность Сбербанка",
            "Служба безопасности",
            "Безопасность",
            "Пожарная служба безопасности",
        ] {
            assert!(flags(name), "{name}");
        }
    }

    #[test]
    fn banquets_and_names_are_no_bank() {
        for name in [
            "Банкет-центр Империя",
            "Банкет центр Россия",
            "Банкеты Центральный",
            "Ресторан Центр банкеты",
            "Банкеты Россия",
            "Банкет национальной кухни",
            "Раиф Гарипов",
        ] {
            assert!(!flags(name), "{name}");
        }
        for name in [
            "банкароссии",
            "центральногобанка",
            "Центрбанка",
            "Центр банку",
            "Службабезопасностибанка",
            "Райффайзен",
        ] {
            assert!(flags(name), "{name}");
        }
    }

    /// A bank word or a brand is only where the name's letter shares a
    /// bit of its first letter's signature (`glued_bank_and_role` passes
    /// the other places at one AND).
    #[test]
    fn a_bank_word_starts_where_its_first_letter_shares_a_reading() {
        let lx = lexicon();
        let brands = lx.brands.iter().map(|b| &*b.words[0].chars);
        let words: Vec<&[Look]> = lx
            .bank_words
            .iter()
            .map(Vec::as_slice)
            .chain(brands)
            .collect();
        let mut found = 0;
        for text in [
            "Банк",
            "BANK",
            "6aнк",
            "Ьank",
            "|3ank",
            "ßank",
            "Сбер",
            "Kaspi",
            "ВТБ банк",
            "Ь@nk|-|0 Sluzhba",
            "💲ber",
            "ҜASPI",
            "Т-Банк",
            "М⭕н⭕банк@mail.ru",
        ] {
            for spelling in &read(text).spellings {
                for w in &words {
                    for at in (0..spelling.len()).filter(|&at| spelling.has_at(at, w)) {
                        assert!(spelling.looks[at].signature() & w[0].signature() != 0);
                        found += 1;
                    }
                }
            }
        }
        assert!(found > 10);
    }

    /// The places a glued phrase may start are those of the words of
    /// four letters or more, the name's first word starting at 0 whether
    /// marked or not.
    #[test]
    fn glued_positions_are_the_places_of_long_words() {
        let mut random = crate::testing::Xorshift::new(0x61ED);
        for len in 0..24 {
            for _ in 0..40 {
                let name = Folded {
                    looks: vec![Look::default(); len],
                    word_start: (0..len).map(|_| random.below(4) == 0).collect(),
                    ..Folded::default()
                };
                let mut bounds: Vec<usize> = (1..len).filter(|&i| name.word_start[i]).collect();
                bounds.insert(0, 0);
                bounds.push(len);
                let long: Vec<usize> = bounds
                    .windows(2)
                    .filter(|w| w[1] - w[0] >= GLUED_START_WORD)
                    .flat_map(|w| w[0]..w[1])
                    .collect();
                assert_eq!(glued_positions(&name).collect::<Vec<_>>(), long);
            }
        }
    }

    #[test]
    fn lists_add_their_own_phrases() {
        let extra = Phrase::from_list("Комитет по защите вкладчиков").unwrap();
        assert!(claims_authority(
            &read("Комитет по защите вкладчиков"),
            [&extra]
        ));
        assert!(!flags("Комитет по защите вкладчиков"));
    }
}
