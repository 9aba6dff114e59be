//! The words a frightened customer reads: short, concrete, what to do next.
//! English and Russian; labels fall back to English.

use super::call::{Call, CallDirection, Reason, Verdict};
use super::decide::Decision;
use crate::intent::CallIntent;
use crate::model::Channel;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ru,
}

impl Lang {
    /// `ru`, `ru-RU`, `ru_KZ` → Russian; anything else → English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("ru")) {
            Lang::Ru
        } else {
            Lang::En
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }
}

/// (title, message) for a decision.
pub fn words(decision: &Decision<'_>, call: &Call<'_>, lang: Lang) -> (String, String) {
    let bank = decision
        .list
        .map(|l| l.issuer.name.get(lang.code()).to_string())
        .unwrap_or_else(|| match lang {
            Lang::En => "your bank".into(),
            Lang::Ru => "ваш банк".into(),
        });
    let label = match (decision.list, decision.usage) {
        (Some(list), Some(usage)) => list.label(&usage).get(lang.code()).to_string(),
        _ => String::new(),
    };
    let channel = channel_name(call.channel, lang);
    let outgoing = call.direction == CallDirection::Outgoing;
    if let Some(intent) = decision.intent {
        return announced(&bank, intent, lang);
    }
    match lang {
        Lang::En => english(
            decision.verdict,
            decision.reason,
            &bank,
            &label,
            channel,
            outgoing,
        ),
        Lang::Ru => russian(
            decision.verdict,
            decision.reason,
            &bank,
            &label,
            channel,
            outgoing,
        ),
    }
}

/// The bank announced this call: who calls and why, from its signed intent.
fn announced(bank: &str, intent: &CallIntent, lang: Lang) -> (String, String) {
    let agent = intent.agent.get(lang.code());
    let department = intent.department.get(lang.code());
    let purpose = intent.purpose.get(lang.code());
    match lang {
        Lang::En => (
            format!("{bank} is calling you now"),
            format!("{agent}, {department}, about {purpose}. The bank announced this call in its app. Even so, the bank never asks for card codes, SMS codes or passwords, or to move money."),
        ),
        Lang::Ru => (
            format!("{bank} звонит вам сейчас"),
            format!("{agent}, {department}: {purpose}. Банк заранее сообщил об этом звонке в приложении. И всё же банк никогда не спрашивает коды из SMS, CVC и пароли и не просит переводить деньги."),
        ),
    }
}

fn english(
    verdict: Verdict,
    reason: Reason,
    bank: &str,
    label: &str,
    channel: &str,
    outgoing: bool,
) -> (String, String) {
    let (title, message) = match (verdict, reason) {
        (Verdict::Spoofed, Reason::InboundOnly) => (
            format!("Fake call — not {bank}"),
            format!("{bank} never calls from this number ({label}); it only takes calls. Someone is faking it. Hang up and call the number on the back of your card."),
        ),
        (Verdict::Spoofed, Reason::ChannelNotUsed) => (
            format!("Fake call — not {bank}"),
            format!("{bank} never calls from this number over {channel}. Someone is using the bank's number to deceive you. Hang up; never share codes or passwords."),
        ),
        (Verdict::Spoofed, _) => (
            format!("Fake call — not {bank}"),
            "The phone network could not confirm this number: the caller ID is probably faked. Hang up and call the number on the back of your card.".to_string(),
        ),
        (Verdict::Verified | Verdict::Expected, _) => (
            format!("{bank} · {label}"),
            format!("The network confirmed this call comes from {bank}. Even so, the bank never asks for card codes, SMS codes or passwords."),
        ),
        (Verdict::Official, Reason::Listed) => (
            format!("{bank} · {label}"),
            format!("This is an official number of {bank}. It is safe to call."),
        ),
        (Verdict::Official, Reason::Unannounced) => (
            format!("{bank} · {label} — not announced"),
            format!("{bank} announces its calls in the app. This call was not announced: it may be fake. Hang up and call the number on your card."),
        ),
        (Verdict::Official, _) => (
            format!("{bank} · {label}"),
            format!("This number belongs to {bank}, but caller ID can be faked. The bank never asks for codes or passwords, or to move money. If in doubt, hang up and call the number on your card."),
        ),
        (Verdict::Impersonation, Reason::ClaimsAuthority) => (
            "Scam warning — banks and the state don't call on messengers".to_string(),
            format!("This caller on {channel} claims to be a bank's security service, the central bank, the police or another authority. Banks and the state never call customers through WhatsApp, Telegram or other messengers. Hang up. Never share codes, install apps or move money at a caller's request."),
        ),
        (Verdict::Impersonation, _) => (
            format!("Scam warning — not {bank}"),
            format!("This caller uses the name of {bank} but does not call from any of its numbers. Hang up. Never share codes, install apps or move money at a caller's request."),
        ),
        (Verdict::Reported, Reason::ReportedFraud) if outgoing => (
            "Reported as fraud — don't call".to_string(),
            "You are about to call a number reported as fraud. Don't call it: if someone asked you to, it is a scam. To reach your bank, use the number on your card.".to_string(),
        ),
        (Verdict::Reported, Reason::ReportedFraud) => (
            "Reported as fraud".to_string(),
            "Many people reported this number as fraud. Don't answer; if you did, hang up. Never share codes, install apps or move money at a caller's request.".to_string(),
        ),
        (Verdict::Reported, _) if outgoing => (
            "Reported as spam".to_string(),
            "You are about to call a number many people reported as spam or aggressive marketing.".to_string(),
        ),
        (Verdict::Reported, _) => (
            "Reported as spam".to_string(),
            "Many people reported this number as spam or aggressive marketing. You don't have to answer.".to_string(),
        ),
        (Verdict::Unverifiable, Reason::InternalError) => (
            "Cannot check this call".to_string(),
            "Something went wrong while checking this call. If the caller says they are from the bank, hang up and call the number on your card. Never share codes.".to_string(),
        ),
        (Verdict::Unverifiable, _) => (
            "Cannot check this call".to_string(),
            "Your bank's list of official numbers is out of date, so this call cannot be checked. Open your bank's app while you are online so it can update the list. Until then, if the caller says they are from the bank, hang up and call the number on your card. Never share codes.".to_string(),
        ),
        (Verdict::Unknown, _) if outgoing => (
            "Not a bank number".to_string(),
            "This number is not on your bank's list. If someone claiming to be the bank asked you to call it, don't — use the number on your card.".to_string(),
        ),
        (Verdict::Unknown, _) => (
            "Not a bank number".to_string(),
            "This number is not on your bank's list. If the caller says they are from the bank, hang up and call the number on your card.".to_string(),
        ),
    };
    (title, message)
}

fn russian(
    verdict: Verdict,
    reason: Reason,
    bank: &str,
    label: &str,
    channel: &str,
    outgoing: bool,
) -> (String, String) {
    let (title, message) = match (verdict, reason) {
        (Verdict::Spoofed, Reason::InboundOnly) => (
            format!("Поддельный звонок — это не {bank}"),
            format!("{bank} никогда не звонит с этого номера ({label}): он только принимает звонки. Номер подделан. Положите трубку и позвоните по номеру с обратной стороны карты."),
        ),
        (Verdict::Spoofed, Reason::ChannelNotUsed) => (
            format!("Поддельный звонок — это не {bank}"),
            format!("{bank} не звонит с этого номера через {channel}. Номер банка используют, чтобы вас обмануть. Положите трубку и никому не называйте коды и пароли."),
        ),
        (Verdict::Spoofed, _) => (
            format!("Поддельный звонок — это не {bank}"),
            "Оператор не подтвердил этот номер: скорее всего, он подделан. Положите трубку и позвоните по номеру с обратной стороны карты.".to_string(),
        ),
        (Verdict::Verified | Verdict::Expected, _) => (
            format!("{bank} · {label}"),
            format!("Оператор подтвердил, что звонит {bank}. И всё же банк никогда не спрашивает коды из SMS, CVC и пароли."),
        ),
        (Verdict::Official, Reason::Listed) => (
            format!("{bank} · {label}"),
            format!("Это официальный номер: {bank}. Звонить безопасно."),
        ),
        (Verdict::Official, Reason::Unannounced) => (
            format!("{bank} · {label} — звонок не объявлен"),
            format!("{bank} заранее сообщает о своих звонках в приложении. Об этом звонке сообщения не было: возможно, он поддельный. Положите трубку и позвоните по номеру на карте."),
        ),
        (Verdict::Official, _) => (
            format!("{bank} · {label}"),
            format!("Номер принадлежит банку ({bank}), но номер на экране можно подделать. Банк никогда не просит коды, пароли или перевести деньги. Если сомневаетесь, положите трубку и позвоните по номеру на карте."),
        ),
        (Verdict::Impersonation, Reason::ClaimsAuthority) => (
            "Мошенники: банки и госорганы не звонят в мессенджерах".to_string(),
            format!("Звонящий в {channel} выдаёт себя за службу безопасности банка, Центробанк, полицию или другой госорган. Банки и государство не звонят клиентам через WhatsApp, Telegram и другие мессенджеры. Положите трубку. Никому не называйте коды, не устанавливайте приложения и не переводите деньги."),
        ),
        (Verdict::Impersonation, _) => (
            format!("Мошенники — это не {bank}"),
            format!("Звонящий называет себя {bank}, но звонит не с номера банка. Положите трубку. Никому не называйте коды, не устанавливайте приложения и не переводите деньги по просьбе звонящего."),
        ),
        (Verdict::Reported, Reason::ReportedFraud) if outgoing => (
            "Номер мошенников — не звоните".to_string(),
            "Вы собираетесь позвонить на номер, о котором сообщали как о мошенническом. Не звоните: если вас попросили об этом — это обман. Чтобы связаться с банком, звоните по номеру на карте.".to_string(),
        ),
        (Verdict::Reported, Reason::ReportedFraud) => (
            "Номер мошенников".to_string(),
            "Многие сообщили, что с этого номера звонят мошенники. Не отвечайте, а если уже ответили — положите трубку. Никому не называйте коды, не устанавливайте приложения и не переводите деньги по просьбе звонящего.".to_string(),
        ),
        (Verdict::Reported, _) if outgoing => (
            "Номер в жалобах на спам".to_string(),
            "Вы собираетесь позвонить на номер, на который многие жаловались: спам или навязчивая реклама.".to_string(),
        ),
        (Verdict::Reported, _) => (
            "Номер в жалобах на спам".to_string(),
            "Многие жаловались на этот номер: спам или навязчивая реклама. Можно не отвечать.".to_string(),
        ),
        (Verdict::Unverifiable, Reason::InternalError) => (
            "Не удаётся проверить звонок".to_string(),
            "При проверке звонка произошла ошибка. Если звонящий говорит, что он из банка, положите трубку и позвоните по номеру на карте. Никому не называйте коды.".to_string(),
        ),
        (Verdict::Unverifiable, _) => (
            "Не удаётся проверить звонок".to_string(),
            "Список официальных номеров банка устарел, поэтому звонок нельзя проверить. Откройте приложение банка, когда будете в сети, — оно обновит список. А пока, если звонящий говорит, что он из банка, положите трубку и позвоните по номеру на карте. Никому не называйте коды.".to_string(),
        ),
        (Verdict::Unknown, _) if outgoing => (
            "Это не номер банка".to_string(),
            "Этого номера нет в списке вашего банка. Если вас попросили перезвонить на него от имени банка — не звоните, используйте номер на карте.".to_string(),
        ),
        (Verdict::Unknown, _) => (
            "Это не номер банка".to_string(),
            "Этого номера нет в списке вашего банка. Если звонящий говорит, что он из банка, положите трубку и позвоните по номеру на карте.".to_string(),
        ),
    };
    (title, message)
}

/// A Call Directory label: iOS shows it while the number rings, so for an
/// inbound-only number the label itself is the warning.
pub fn directory_label(warning: bool, bank: &str, label: &str, lang: Lang) -> String {
    match (warning, lang) {
        (true, Lang::En) => format!("⚠ Not {bank} — hang up"),
        (true, Lang::Ru) => format!("⚠ Это не {bank} — положите трубку"),
        (false, _) => format!("{bank} · {label}"),
    }
}

fn channel_name(channel: Channel, lang: Lang) -> &'static str {
    match (channel, lang) {
        (Channel::Phone, Lang::En) => "ordinary calls",
        (Channel::Phone, Lang::Ru) => "обычную связь",
        (Channel::Sms, Lang::En) => "SMS",
        (Channel::Sms, Lang::Ru) => "SMS",
        (Channel::Whatsapp, _) => "WhatsApp",
        (Channel::Telegram, _) => "Telegram",
        (Channel::Viber, _) => "Viber",
        (Channel::Signal, _) => "Signal",
        (Channel::Other, Lang::En) => "this app",
        (Channel::Other, Lang::Ru) => "это приложение",
    }
}
