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
сл безопасн*
банковск* безопасн*
финансов* безопасн*
кибербезопасн*
безопасност~
служб* поддержк* клиент*
служб* защит* клиент*
пфр
сфр
налогов*
минфин*
фссп
судебн* пристав*
росгвардия*
гибдд
умвд
омвд
гумвд
скр
следком*
фсбшник*
центрбанк*
центр банк~
интерпол*
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

/// Bank brands of the region that are no ordinary words, matched at the
/// start of a word: a brand with a role word ("VTB Security", "СБ Сбера")
/// is a claim of its staff, and a brand alone on a messenger is the bank
/// (which does not call there). Brands that are common words ("Альфа",
/// "Открытие", "Почта", "Freedom") are left out: too many shops share them.
const BRANDS: &str = "втб vtb сбер* sber* тинькофф* tinkoff* каспи* kaspi* райффайзен* \
    raiffeisen* ощадбанк* oschadbank* росбанк* уралсиб* газпромбанк* совкомбанк* jusan*";

/// Role words that, beside a bank word or brand, make a name claim a bank's
/// staff: security, fraud, support, and the people who call customers.
const ROLE_WORDS: &str = "безопасн* безпек* security* мошенн* fraud* антифрод* antifraud* \
    сб поддержк* сотрудник* специалист* менеджер* оператор* консультант* employee* manager* \
    operator* consultant*";

/// Endings after "банк"/"bank" that keep it the word bank ("Банка",
/// "банком", "banks"), and not a surname ("Банков", "Банкин") or another
/// word ("Банкет").
const BANK_ENDINGS: &[&str] = &["а", "у", "ом", "е", "и", "ах", "ам", "ами", "s"];

/// Words that make a security phrase civil: a building's or a shop's own
/// guards ("Служба безопасности ЖК Солнечный"), a blood or food bank.
const CIVIL: &str = "жк тц трц бц завод* школ* склад* магазин* гостиниц* отел* \
    кров* blood* food* продовольств* данных идей";

/// Words that may stand beside a bank word or brand in a name that is
/// nothing but the bank ("Ваш банк", "Т-Банк", "Банк онлайн").
const FILLERS: &str = "ваш your the мой my онлайн online официальн* official т";

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
    bank_endings: Vec<Vec<Look>>,
    brands: Vec<Word>,
    roles: Vec<Word>,
    civil: Vec<Word>,
    fillers: Vec<Word>,
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
        bank_endings: BANK_ENDINGS.iter().map(|w| fold(w).looks).collect(),
        brands: Phrase::from_lexicon(BRANDS).words,
        roles: Phrase::from_lexicon(ROLE_WORDS).words,
        civil: Phrase::from_lexicon(CIVIL).words,
        fillers: Phrase::from_lexicon(FILLERS).words,
    })
}

/// Where a bank word ends, if one is at `at`: "банк"/"bank" starting a word
/// or ending a compound ("Сбер|банк|а"), with only a bank ending after it.
fn bank_word_at(name: &Folded, at: usize, lexicon: &Lexicon) -> Option<usize> {
    lexicon.bank_words.iter().find_map(|w| {
        let end = at + w.len();
        if !name.has_at(at, w) {
            return None;
        }
        let rest = name.rest_of_word(end);
        let ending_ok = rest == 0
            || lexicon
                .bank_endings
                .iter()
                .any(|e| e.len() == rest && name.has_at(end, e));
        ending_ok.then_some(end + rest)
    })
}

fn brand_at(name: &Folded, at: usize, lexicon: &Lexicon) -> Option<usize> {
    lexicon
        .brands
        .iter()
        .find_map(|b| starts_word(name, at, b))
        .map(|end| end + name.rest_of_word(end))
}

/// A bank word or brand, and a role word starting another word.
fn bank_with_role(name: &Folded, starts: &[usize], lexicon: &Lexicon) -> bool {
    let Some(bank) = (0..name.len())
        .find(|&at| bank_word_at(name, at, lexicon).is_some())
        .or_else(|| {
            starts
                .iter()
                .copied()
                .find(|&at| brand_at(name, at, lexicon).is_some())
        })
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

/// A name that is nothing but a bank: bank words, brands and fillers
/// ("Сбербанк", "Ваш банк", "Т-Банк").
fn only_the_bank(name: &Folded, starts: &[usize], lexicon: &Lexicon) -> bool {
    let mut any_bank = false;
    for &at in starts {
        let word_end = at + name.rest_of_word(at + 1) + 1;
        let bank_end = bank_word_at(name, at, lexicon)
            .or_else(|| {
                // A compound ending in "банк" ("Газпромбанк") is a bank word too.
                (at + 1..word_end).find_map(|i| bank_word_at(name, i, lexicon))
            })
            .or_else(|| brand_at(name, at, lexicon));
        if bank_end == Some(word_end) {
            any_bank = true;
            continue;
        }
        let filler = lexicon.fillers.iter().any(|f| {
            starts_word(name, at, f).is_some_and(|end| end + name.rest_of_word(end) == word_end)
        });
        if !filler {
            return false;
        }
    }
    any_bank
}

/// Names written with spaces between the letters ("С л у ж б а"): runs of
/// three or more one-letter words read as one word.
fn glued(name: &Folded) -> Option<Folded> {
    let single = |i: usize| name.word_start[i] && (i + 1 == name.len() || name.word_start[i + 1]);
    let mut out = name.clone();
    let mut changed = false;
    let mut i = 0;
    while i < name.len() {
        if single(i) {
            let start = i;
            while i < name.len() && single(i) {
                i += 1;
            }
            if i - start >= 3 {
                for j in start + 1..i {
                    out.word_start[j] = false;
                }
                changed = true;
            }
        } else {
            i += 1;
        }
    }
    changed.then_some(out)
}

/// The phrase's words one right after the other inside glued letters.
fn in_glued(name: &Folded, at: usize, words: &[Word]) -> bool {
    let Some((word, rest)) = words.split_first() else {
        return true;
    };
    if !name.has_at(at, &word.chars) {
        return false;
    }
    let end = at + word.chars.len();
    rest.is_empty() || (0..=MAX_ENDING + 6).any(|gap| in_glued(name, end + gap, rest))
}

fn claims_in(name: &Folded, lexicon: &Lexicon, extra: &[&Phrase]) -> bool {
    let starts = word_starts(name);
    if starts.iter().any(|&at| {
        lexicon
            .civil
            .iter()
            .any(|c| starts_word(name, at, c).is_some())
    }) {
        return false;
    }
    lexicon.phrases.iter().any(|p| p.matches_at(name, &starts))
        || bank_with_role(name, &starts, lexicon)
        || only_the_bank(name, &starts, lexicon)
        || extra.iter().any(|p| p.matches_at(name, &starts))
}

/// True when the folded name claims an authority role, by the built-in
/// lexicon or by one of `extra` (phrases from the lists in force).
pub fn claims_authority<'a>(name: &Folded, extra: impl IntoIterator<Item = &'a Phrase>) -> bool {
    if name.is_empty() {
        return false;
    }
    let lexicon = lexicon();
    let extra: Vec<&Phrase> = extra.into_iter().collect();
    if claims_in(name, lexicon, &extra) {
        return true;
    }
    // "С л у ж б а  б е з о п а с н о с т и": the letters glued back.
    glued(name).is_some_and(|g| {
        lexicon
            .phrases
            .iter()
            .chain(extra.iter().copied())
            .any(|p| (0..g.len()).any(|at| g.word_start[at] && in_glued(&g, at, &p.words)))
    })
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
            "Служба безопасности ЖК Солнечный",
            "Центральный банк крови",
            "Freedom Taxi Service",
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
