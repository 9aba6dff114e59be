# `callguard demo`: the words of the demonstration, in English. The
# warnings themselves come from the SDK's catalogue (core/src/copy/ftl).

demo-header = CallGuard demo — { $bank } list v{ $version } verified ({ $contacts ->
        [one] { $contacts } contact
       *[other] { $contacts } contacts
    }, signed with the DEMO-ONLY key "{ $kid }"), home region { $region }
demo-ringing = ringing
demo-dialling = dialling
demo-no-number = no number shown
demo-phone = phone

demo-agent = Anna
demo-department = card department
demo-purpose = your credit card application

demo-scene-announced = The bank announces in its app that Anna will call (a signed call intent); then its card line rings
demo-scene-unannounced = The same line a day later, with no announcement (the bank announces every call)
demo-scene-attested = The same line that day, and the network attests the caller ID (STIR/SHAKEN)
demo-scene-spoofed-hotline = A scammer spoofs the bank's hotline, which only takes calls
demo-scene-named-bank = A WhatsApp call from a profile named "Служба безопасности Пример Банка"
demo-scene-security-service = A WhatsApp call from "Служба безопасности Банка": no bank named, no number shown
demo-scene-number-as-name = A Telegram caller whose name is the bank's hotline number
demo-scene-wrong-channel = The bank's phone-only security line "calls" over Telegram
demo-scene-friend = A friend calls on WhatsApp
demo-scene-sms-number = Before calling back a number from a suspicious SMS
demo-scene-reported = A number many customers reported to the bank as fraud calls (the bank's signed feed of reported numbers)
demo-scene-reported-outgoing = Before calling a number an SMS asked to call back: it was reported as fraud
demo-scene-expired = Forty days offline, the list has expired: the bank's line calls
demo-scene-expired-hotline = Still expired: the spoofed hotline is flagged all the same

# In the bank's app, while a call goes on (in-call protection)
demo-in-app = In the bank's app
demo-opens-transfer = the customer opens Transfer
demo-scene-in-call-fake = The fake "Служба безопасности Банка" WhatsApp call is still on, and the "officer" asks for a transfer to a "safe account"
demo-scene-in-call-announced = Anna's announced call from the bank is on, and the customer makes a payment
demo-level-hold = PAUSED
demo-level-confirm = CONFIRM
demo-level-proceed = GO ON
demo-hold-until = paused until { $time } UTC · a button to call the bank on the number on the card stays on this screen
