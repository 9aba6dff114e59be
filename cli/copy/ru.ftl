# `callguard demo`: слова демонстрации по-русски. Сами предупреждения —
# из каталога SDK (core/src/copy/ftl).

demo-header = Демо CallGuard — список «{ $bank }» v{ $version } проверен ({ $contacts ->
        [one] { $contacts } контакт
        [few] { $contacts } контакта
       *[many] { $contacts } контактов
    }, подписан ДЕМО-ключом "{ $kid }"), регион { $region }
demo-ringing = входящий
demo-dialling = набор номера
demo-no-number = номер не виден
demo-phone = телефон

demo-agent = Анна
demo-department = отдел карт
demo-purpose = ваша заявка на кредитную карту

demo-scene-announced = Банк сообщает в приложении, что позвонит Анна (подписанное уведомление о звонке); звонит номер отдела карт
demo-scene-unannounced = Тот же номер на следующий день, без уведомления (банк сообщает о каждом звонке)
demo-scene-attested = Тот же номер в тот же день, и оператор подтвердил номер звонящего (STIR/SHAKEN)
demo-scene-spoofed-hotline = Мошенник подделал номер горячей линии банка, которая только принимает звонки
demo-scene-named-bank = Звонок в WhatsApp от профиля «Служба безопасности Пример Банка»
demo-scene-security-service = Звонок в WhatsApp от «Служба безопасности Банка»: банк не назван, номера не видно
demo-scene-number-as-name = Звонящий в Telegram, чьё имя — номер горячей линии банка
demo-scene-wrong-channel = Номер службы безопасности банка, работающий только по телефону, «звонит» в Telegram
demo-scene-friend = Звонит друг в WhatsApp
demo-scene-sms-number = Перед тем как перезвонить на номер из подозрительного SMS
demo-scene-reported = Звонит номер, о котором клиенты сообщали банку как о мошенническом (подписанная банком база номеров)
demo-scene-reported-outgoing = Перед звонком на номер из SMS «перезвоните нам»: о нём сообщали как о мошенническом
demo-scene-expired = Сорок дней без сети, список устарел: звонит номер банка
demo-scene-expired-hotline = Список всё ещё устарел: подделанная горячая линия всё равно опознана

# В приложении банка, пока идёт звонок (защита во время звонка)
demo-in-app = В приложении банка
demo-opens-transfer = клиент открывает «Перевод»
demo-scene-in-call-fake = Поддельный звонок «Службы безопасности Банка» в WhatsApp ещё идёт, и «сотрудник» просит перевести деньги на «безопасный счёт»
demo-scene-in-call-announced = Идёт объявленный звонок Анны из банка, и клиент делает платёж
demo-level-hold = ПАУЗА
demo-level-confirm = ПОДТВЕРДИТЕ
demo-level-proceed = МОЖНО
demo-hold-until = пауза до { $time } UTC · кнопка «Позвонить в банк по номеру на карте» остаётся на этом экране
