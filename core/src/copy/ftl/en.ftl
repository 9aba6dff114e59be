# CallGuard: the words the customer reads, in English.
# Short, concrete, what to do next. Never the caller's number or name.
# Arguments: $bank (the bank's name from its signed list), $label (the
# contact's label from the list), $channel (a channel's name below),
# $agent, $department, $purpose (from the bank's signed call intent),
# $hint (a contact name the SDK offers).

## Names used inside other messages

bank-unnamed = your bank
channel-phone = ordinary calls
channel-sms = SMS
channel-whatsapp = WhatsApp
channel-telegram = Telegram
channel-viber = Viber
channel-signal = Signal
channel-other = this app

## Screening: one title and one body per verdict and reason

screen-spoofed-inbound-only =
    .title = Fake call — not { $bank }
    .body = { $bank } never calls from this number ({ $label }); it only takes calls. Someone is faking it. Hang up and call the number on the back of your card.
screen-spoofed-channel-not-used =
    .title = Fake call — not { $bank }
    .body = { $bank } never calls from this number over { $channel }. Someone is using the bank's number to deceive you. Hang up; never share codes or passwords.
screen-spoofed-attestation-failed =
    .title = Fake call — not { $bank }
    .body = The phone network could not confirm this number: the caller ID is probably faked. Hang up and call the number on the back of your card.
screen-verified =
    .title = { $bank } · { $label }
    .body = The network confirmed this call comes from { $bank }. Even so, the bank never asks for card codes, SMS codes or passwords.
screen-announced =
    .title = { $bank } is calling you now
    .body = { $agent }, { $department }, about { $purpose }. The bank announced this call in its app. Even so, the bank never asks for card codes, SMS codes or passwords, or to move money.
screen-official-listed =
    .title = { $bank } · { $label }
    .body = This is an official number of { $bank }. It is safe to call.
screen-official-unannounced =
    .title = { $bank } · { $label } — not announced
    .body = { $bank } announces its calls in the app. This call was not announced: it may be fake. Hang up and call the number on your card.
screen-official =
    .title = { $bank } · { $label }
    .body = This number belongs to { $bank }, but caller ID can be faked. The bank never asks for codes or passwords, or to move money. If in doubt, hang up and call the number on your card.
screen-impersonation-authority =
    .title = Scam warning — banks and the state don't call on messengers
    .body = This caller on { $channel } claims to be a bank's security service, the central bank, the police or another authority. Banks and the state never call customers through WhatsApp, Telegram or other messengers. Hang up. Never share codes, install apps or move money at a caller's request.
screen-impersonation-bank =
    .title = Scam warning — not { $bank }
    .body = This caller uses the name of { $bank } but does not call from any of its numbers. Hang up. Never share codes, install apps or move money at a caller's request.
screen-reported-fraud =
    .title = Reported as fraud
    .body = Many people reported this number as fraud. Don't answer; if you did, hang up. Never share codes, install apps or move money at a caller's request.
screen-reported-fraud-outgoing =
    .title = Reported as fraud — don't call
    .body = You are about to call a number reported as fraud. Don't call it: if someone asked you to, it is a scam. To reach your bank, use the number on your card.
screen-reported-spam =
    .title = Reported as spam
    .body = Many people reported this number as spam or aggressive marketing. You don't have to answer.
screen-reported-spam-outgoing =
    .title = Reported as spam
    .body = You are about to call a number many people reported as spam or aggressive marketing.
screen-internal-error =
    .title = Cannot check this call
    .body = Something went wrong while checking this call. If the caller says they are from the bank, hang up and call the number on your card. Never share codes.
screen-no-valid-list =
    .title = Cannot check this call
    .body = Your bank's list of official numbers is out of date, so this call cannot be checked. Open your bank's app while you are online so it can update the list. Until then, if the caller says they are from the bank, hang up and call the number on your card. Never share codes.
screen-unknown =
    .title = Not a bank number
    .body = This number is not on your bank's list. If the caller says they are from the bank, hang up and call the number on your card.
screen-unknown-outgoing =
    .title = Not a bank number
    .body = This number is not on your bank's list. If someone claiming to be the bank asked you to call it, don't — use the number on your card.

## Call Directory (iOS): the label shown while the number rings

directory-listed = { $bank } · { $label }
directory-never-calls = ⚠ Not { $bank } — hang up
directory-reported-fraud = ⚠ Reported: fraud
directory-reported-spam = ⚠ Reported: spam

## The contact audit: the customer's saved contacts

contacts-hint = { $bank } hotline — never calls you
contacts-inbound-only =
    .title = { $bank } never calls from this saved number
    .body = You saved { $bank }'s { $label }. The bank only takes calls on it: a call that shows this contact's name is fake. Rename it to “{ $hint }” so the name itself warns you.
contacts-claims-bank =
    .title = Not { $bank }'s number
    .body = This contact is named as { $bank } or its service, but its number is not one of the bank's. Scammers ask people to save their number this way. Delete or rename it, and call { $bank } only on the number on your card.

## Risk, as a badge beside the title

risk-danger = DANGER
risk-caution = CAUTION
risk-safe = SAFE
risk-neutral = UNKNOWN

## In-call protection: advice before a risky action (core/src/session)
## advice-hold follows the body of a hold; $minutes: how long the action is paused.

advice-on-call-with-danger =
    .title = Stop: this call is a scam
    .body = { $kind ->
        [spoofed] You are on a call from a faked bank number.
        [reported] You are on a call from a number people reported as fraud.
        [claim-on] You are on a call on { $channel } with someone who claims to be the bank or an authority.
       *[claim] You are on a call with someone who claims to be the bank or an authority.
    } Banks never ask you to move money, read out codes or install apps. Hang up first.
advice-recent-danger-call =
    .title = Were you just told to do this?
    .body = A call flagged as fake ended a short while ago. If that caller asked you to do this, it is a scam: stop and call the bank on the number on your card.
advice-on-call-unannounced-bank =
    .title = The bank did not announce this call
    .body = You are on a call from the bank's number, but the bank did not announce it in the app. Its number can be faked. Hang up and call the number on your card before you go on.
advice-on-call-unknown =
    .title = Are you on a call right now?
    .body = If someone on the phone is telling you what to do in this app, stop: banks never guide you through transfers or codes on a call. Hang up first.
advice-screen-shared-on-call =
    .title = Your screen is being shared during a call
    .body = Someone can see your screen while you are on a call. Never let anyone see your codes or card details. Stop sharing and hang up.
advice-on-call-expected-bank =
    .title = The bank announced this call
    .body = Even so, the bank never asks for card codes, SMS codes or passwords, or to move money.
advice-hold = This action is paused for { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. You can always call the bank on the number on your card.
