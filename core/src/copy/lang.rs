//! The languages the SDK speaks.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ru,
    Uk,
    Kk,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Ru, Lang::Uk, Lang::Kk];

    /// A BCP 47 tag or a locale: `ru`, `ru-RU`, `uk_UA`, `kk-KZ`, `KK`;
    /// anything else is English.
    pub fn from_tag(tag: &str) -> Lang {
        Lang::spoken(tag).unwrap_or(Lang::En)
    }

    /// The language of a tag, if the SDK speaks it (no fallback).
    pub fn spoken(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.code()))
    }

    /// The language's BCP 47 primary subtag, as in the lists' texts.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::Kk => "kk",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_locales_pick_the_language() {
        assert_eq!(Lang::from_tag("ru-RU"), Lang::Ru);
        assert_eq!(Lang::from_tag("uk_UA"), Lang::Uk);
        assert_eq!(Lang::from_tag("KK"), Lang::Kk);
        assert_eq!(Lang::from_tag("kk-Cyrl-KZ"), Lang::Kk);
        assert_eq!(Lang::from_tag("rus"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::En);
        for lang in Lang::ALL {
            assert_eq!(Lang::ALL[lang.index()], lang);
        }
    }
}
