//! Does a display name claim a financial or state authority role?
//!
//! "Служба безопасности Банка", "Центробанк", "ФСБ", "Bank security": on a
//! messenger such a caller is a scammer. In Russia, since 1 June 2025, the
//! anti-fraud law (41-FZ) bars bank, Bank of Russia and state staff from
//! calling customers through foreign messengers; elsewhere it is still the
//! classic script.
//!
//! The lexicon below is data. One phrase a line; its words must appear in
//! the name in this order, in consecutive words, each at the start of a
//! word. `word*` matches any word starting with it (Russian endings,
//! compounds); `word~` the word with an ending of up to three letters
//! ("банк~": "Банка", not "Банкетный"); a bare word must be the whole word
//! (abbreviations).
//! Letters are folded like everything else (look-alikes, case, digits), so
//! the phrases are written once, in their own script. A list may add its
//! own phrases (`issuer.authority_phrases`), matched the same way with every
//! word of 4+ letters as a stem.
//!
//! Separately, a *bank word* ("банк", "bank", also inside "Сбербанка")
//! together with a *role word* anywhere in the name is a claim too:
//! "СБ Сбербанка", "Поддержка банка", "Bank fraud team".

use super::fold::{fold, Folded, Look};
use super::words::{stem, Word, MAX_ENDING};
use std::sync::OnceLock;

const LEXICON: &str = "
# Russian
служб* безопасн*
отдел* безопасн*
департамент* безопасн*
управлени* безопасн*
сотрудник* безопасн*
безопасност* банк~
отдел* по борьб*
борьб* с мошенн*
противодейств* мошенн*
антимошенн*
антифрод*
фрод* мониторинг*
финмониторинг*
росфинмониторинг*
финансов* мониторинг*
банк~ росси*
центробанк~
центральн* банк~
цб
цбрф
нацбанк~
национальн* банк~
фсб
мвд
полици*
киберполици*
прокуратур*
прокурор*
следовател*
следствен* комитет*
ск рф
госуслуг*
гос услуг*
пенсионн* фонд*
соцфонд*
социальн* фонд*
фнс
налогов* служб*
росфинмон*
служб* финансов* безопасн*
министерств* внутренн* дел*
генпрокуратур*
генеральн* прокуратур*
ск росси*
ск рф
# Ukrainian
служб* безпек*
відділ* безпек*
нбу
національн* банк~
сбу
поліці*
кіберполіці*
прокуратур*
протиді* шахрай*
держфінмоніторинг*
мвс
# Kazakh
қауіпсіздік қызмет*
ұлттық банк~
кнб
ұқк
қаржы мониторинг*
аррфр
афм
іім
egov*
# English
security service*
security department*
security team*
fraud department*
fraud prevention*
fraud team*
fraud alert*
anti fraud*
antifraud*
central bank~
national bank~
bank of russia
financial monitoring*
fsb
police*
cyber police*
prosecutor*
investigative committee*
gosuslugi*
state service*
interpol*
";

/// Words that name a bank, matched anywhere in a word ("Сбер|банк|а").
const BANK_WORDS: &[&str] = &["банк", "bank"];

/// Bank brands of the region, matched at the start of a word: a brand with
/// a role word ("VTB Security", "СБ Сбера") is a claim of its staff.
const BRANDS: &str =
    "втб vtb сбер* sber* тинькофф* tinkoff* альфа* alfa* каспи* kaspi* халык* halyk* \
    открыти* райффайзен* raiffeisen* приват* privat* ощад* oschad* юмани* yoomoney* озон* \
    совком* почта* росбанк* уралсиб* jusan* freedom* forte*";

/// Role words that, beside a bank word, make a name claim a bank's staff.
const ROLE_WORDS: &str = "безопасн* безпек* security* мошенн* fraud* антифрод* antifraud* \
    служб* service* поддержк* support* сб сотрудник* специалист* employee* отдел* department*";

#[derive(Debug, Clone)]
pub struct Phrase {
    words: Vec<Word>,
}

impl Phrase {
    /// A lexicon line: `word*` is a stem, a bare word is whole.
    fn from_lexicon(line: &str) -> Phrase {
        let words = line
            .split_whitespace()
            .map(|token| Word {
                chars: fold(token.trim_end_matches(['*', '~'])).looks,
                generic: token.ends_with('~'),
                exact: !token.ends_with(['*', '~']),
                synonyms: Vec::new(),
            })
            .filter(|w| !w.chars.is_empty())
            .collect();
        Phrase { words }
    }

    /// A phrase a list adds: words of 4+ folded letters are stems, shorter ones whole.
    /// `None` when it folds to nothing.
    pub fn from_list(text: &str) -> Option<Phrase> {
        let words: Vec<Word> = text
            .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
            .filter_map(|raw| {
                let chars = fold(&stem(raw)).looks;
                (!chars.is_empty()).then(|| Word {
                    exact: chars.len() < 4,
                    chars,
                    generic: false,
                    synonyms: Vec::new(),
                })
            })
            .collect();
        (!words.is_empty()).then_some(Phrase { words })
    }

    pub fn matches(&self, name: &Folded) -> bool {
        self.matches_at(name, &word_starts(name))
    }

    /// Tries only where words start (`starts`, from [`word_starts`]).
    fn matches_at(&self, name: &Folded, starts: &[usize]) -> bool {
        let first = self.words[0].chars[0];
        starts
            .iter()
            .any(|&at| first.meets(name.looks[at]) && in_words(name, at, &self.words))
    }

    /// Visible letters and digits in the phrase.
    pub fn folded_len(&self) -> usize {
        self.words.iter().map(|w| w.chars.len()).sum()
    }
}

fn word_starts(name: &Folded) -> Vec<usize> {
    (0..name.len()).filter(|&i| name.word_start[i]).collect()
}

/// `words`, the first starting the word at `at`, each next one starting the next word.
fn in_words(name: &Folded, at: usize, words: &[Word]) -> bool {
    let Some((word, rest)) = words.split_first() else {
        return true;
    };
    let Some(end) = starts_word(name, at, word) else {
        return false;
    };
    rest.is_empty() || in_words(name, end + name.rest_of_word(end), rest)
}

fn starts_word(name: &Folded, at: usize, word: &Word) -> Option<usize> {
    let end = at + word.chars.len();
    let fits = at < name.len()
        && name.word_start[at]
        && name.has_at(at, &word.chars)
        && (!word.exact || name.rest_of_word(end) == 0)
        && (!word.generic || name.rest_of_word(end) <= MAX_ENDING);
    fits.then_some(end)
}

struct Lexicon {
    phrases: Vec<Phrase>,
    bank_words: Vec<Vec<Look>>,
    brands: Vec<Word>,
    roles: Vec<Word>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON_ONCE: OnceLock<Lexicon> = OnceLock::new();
    LEXICON_ONCE.get_or_init(|| Lexicon {
        phrases: LEXICON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(Phrase::from_lexicon)
            .filter(|p| !p.words.is_empty())
            .collect(),
        bank_words: BANK_WORDS.iter().map(|w| fold(w).looks).collect(),
        brands: Phrase::from_lexicon(BRANDS).words,
        roles: Phrase::from_lexicon(ROLE_WORDS).words,
    })
}

/// A bank word anywhere, followed by at most an ending, and a role word
/// starting another word.
fn bank_with_role(name: &Folded, starts: &[usize], lexicon: &Lexicon) -> bool {
    let bank_at = |at: usize| {
        lexicon.bank_words.iter().find_map(|w| {
            let end = at + w.len();
            (name.has_at(at, w) && name.rest_of_word(end) <= 3).then_some(at)
        })
    };
    let brand_at = |at: usize| {
        lexicon
            .brands
            .iter()
            .any(|b| starts_word(name, at, b).is_some())
            .then_some(at)
    };
    let Some(bank) = (0..name.len())
        .find_map(bank_at)
        .or_else(|| starts.iter().copied().find_map(brand_at))
    else {
        return false;
    };
    let word_of_bank = (0..=bank).rev().find(|&i| name.word_start[i]);
    starts.iter().any(|&at| {
        Some(at) != word_of_bank
            && lexicon
                .roles
                .iter()
                .any(|r| starts_word(name, at, r).is_some())
    })
}

/// True when the folded name claims an authority role, by the built-in
/// lexicon or by one of `extra` (phrases from the lists in force).
pub fn claims_authority<'a>(name: &Folded, extra: impl IntoIterator<Item = &'a Phrase>) -> bool {
    if name.is_empty() {
        return false;
    }
    let lexicon = lexicon();
    let starts = word_starts(name);
    lexicon.phrases.iter().any(|p| p.matches_at(name, &starts))
        || bank_with_role(name, &starts, lexicon)
        || extra.into_iter().any(|p| p.matches_at(name, &starts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(name: &str) -> bool {
        claims_authority(&fold(name), [])
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
            "Служба безпеки банку",
            "Қауіпсіздік қызметі",
            "Bank Security",
            "Fraud Department",
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
        ] {
            assert!(!flags(name), "{name}");
        }
    }

    #[test]
    fn lists_add_their_own_phrases() {
        let extra = Phrase::from_list("Комитет по защите вкладчиков").unwrap();
        assert!(claims_authority(
            &fold("Комитет по защите вкладчиков"),
            [&extra]
        ));
        assert!(!flags("Комитет по защите вкладчиков"));
    }
}
