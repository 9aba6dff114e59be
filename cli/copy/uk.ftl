# `callguard demo`: слова демонстрації українською. Самі попередження —
# з каталогу SDK (core/src/copy/ftl).

demo-header = Демо CallGuard — список «{ $bank }» v{ $version } перевірено ({ $contacts ->
        [one] { $contacts } контакт
        [few] { $contacts } контакти
       *[many] { $contacts } контактів
    }, підписано лише ДЕМО-ключем «{ $kid }»), регіон: { $region }
demo-ringing = вхідний
demo-dialling = набір номера
demo-no-number = номер не показано
demo-phone = телефон

demo-agent = Анна
demo-department = відділ карток
demo-purpose = ваша заявка на кредитну картку

demo-scene-announced = Банк повідомляє в застосунку, що зателефонує Анна (підписане повідомлення про дзвінок); дзвонить номер відділу карток
demo-scene-unannounced = Той самий номер наступного дня, без повідомлення (банк повідомляє про кожен дзвінок)
demo-scene-attested = Той самий номер того ж дня, і оператор підтвердив номер того, хто дзвонить (STIR/SHAKEN)
demo-scene-spoofed-hotline = Шахрай підробив номер гарячої лінії банку, яка лише приймає дзвінки
demo-scene-named-bank = Дзвінок у WhatsApp від профілю «Служба безопасности Пример Банка»
demo-scene-security-service = Дзвінок у WhatsApp від «Служба безопасности Банка»: банк не названо, номера не видно
demo-scene-number-as-name = Абонент у Telegram, чиє ім’я — номер гарячої лінії банку
demo-scene-wrong-channel = Номер служби безпеки банку, що працює лише для телефонних дзвінків, «дзвонить» у Telegram
demo-scene-friend = Друг дзвонить у WhatsApp
demo-scene-sms-number = Перед тим як передзвонити на номер із підозрілого SMS
demo-scene-reported = Дзвонить номер, про який клієнти повідомляли банку як про шахрайський (підписана банком база номерів)
demo-scene-reported-outgoing = Перед дзвінком на номер із SMS «передзвоніть нам»: про нього повідомляли як про шахрайський
demo-scene-expired = Сорок днів без мережі, список застарів: дзвонить номер банку
demo-scene-expired-hotline = Список досі застарілий: підроблену гарячу лінію все одно позначено
