#!/usr/bin/env python3
"""Display-name corpora for the name rules (claims_authority, name claims issuer).

Writes, next to this script:
  benign.txt  one display name per line that must never raise an alarm:
              people (RU/UA/KZ/EN, gendered surnames, patronymics, diminutives,
              Latin transliterations), family nicknames with emoji, roles people
              save contacts as, businesses, and near misses ("Банкетный зал",
              "Полина", "Служба доставки", "Example Bakery", "Поліклініка").
  fraud.tsv   rule<TAB>name lines that must all be flagged:
              authority  security/fraud departments, central/national banks,
                         financial monitoring, police, FSB, prosecutors,
                         investigators, state services (RU/UA/KZ/EN);
              issuer     the demo bank ("Example Bank" / "Пример Банк") disguised
                         by inflection, word order, concatenation, look-alike
                         letters (Latin/Cyrillic/Greek/Cherokee), digits,
                         spacing, punctuation, emoji, fullwidth and styled
                         letters, bidi controls, zero-width and combining marks.
              Issuer lines never carry an authority word and authority lines
              never name the demo bank, so each line answers to one rule.

Principle: when in doubt, leave a name out of BOTH files (no tax office, post,
pawn shop, lawyer, "security", "безопасность", bank brands in benign.txt).

Everything comes from the lists below with a fixed seed; stdlib only, no network.
The script lints its own output (see check_*) and fails rather than write a
corpus that contradicts the principle.

Usage: python3 tests/names/make_corpus.py   (deterministic, under a second)
"""
import os
import random
import re
import sys
import unicodedata

SEED = 20250214
BENIGN_GENERATED = 5200  # people lines drawn from the name lists

# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------

RU_MALE = """Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Богдан Борис
Вадим Валентин Валерий Василий Виктор Виталий Владимир Владислав Всеволод Вячеслав
Геннадий Георгий Глеб Григорий Даниил Денис Дмитрий Евгений Егор Захар Иван Игорь
Илья Кирилл Константин Лев Леонид Максим Марк Матвей Михаил Никита Николай Олег
Павел Пётр Роман Ростислав Руслан Семён Сергей Станислав Степан Тимофей Тимур
Фёдор Филипп Эдуард Юрий Ярослав Иосиф""".split()

RU_FEMALE = """Александра Алёна Алина Алла Анастасия Ангелина Анна Валентина Валерия
Варвара Василиса Вера Вероника Виктория Галина Дарья Диана Евгения Екатерина Елена
Елизавета Жанна Зинаида Зоя Инна Ирина Карина Кира Кристина Ксения Лариса Лидия
Любовь Людмила Маргарита Марина Мария Милана Надежда Наталья Нина Оксана Олеся
Ольга Полина Раиса Светлана Снежана София Таисия Тамара Татьяна Ульяна Эвелина
Эльвира Юлия Яна""".split()

# (diminutive, gender) — what friends and family are saved as.
RU_DIMINUTIVES = [(d, "m") for d in """Саша Шура Лёша Алёша Андрюша Антоша Тёма Боря
Вадик Валера Вася Витя Вова Володя Слава Гена Гоша Гриша Даня Дима Женя Ваня Илюша
Кирюша Костя Лёня Макс Миша Коля Паша Петя Рома Сёма Серёжа Стас Стёпа Тима Федя
Юра Ярик Толя Эдик Жора Егорка Никитос Тёмка Санёк Димон Лёха""".split()] + [
    (d, "f") for d in """Саша Алёнка Аля Настя Аня Анюта Валя Лера Вика Галя Даша
Женя Катя Катюша Лена Леночка Лиза Ира Иришка Ксюша Лида Люба Люда Рита Маша
Машенька Надя Наташа Оля Олечка Поля Полинка Света Соня Тома Таня Танюша Уля Юля
Зина Варя Кира Мила Алинка Дашуля Ника""".split()]

UA_MALE = """Андрій Богдан Василь Віталій Володимир Дмитро Іван Ігор Микола Михайло
Олег Олександр Олексій Остап Павло Петро Роман Сергій Степан Тарас Юрій Ярослав
Назар Максим Артем Денис Орест Святослав""".split()
UA_FEMALE = """Ганна Олена Оксана Наталія Ірина Катерина Марія Ольга Тетяна Юлія
Світлана Людмила Галина Соломія Мирослава Христина Вікторія Дарина Софія Уляна
Леся Богдана Зоряна Надія Поліна Оляна""".split()
UA_DIMINUTIVES = [(d, "m") for d in "Сашко Мишко Юрко Тарасик Ярик Славко Влад Діма Вітя Вова".split()] + [
    (d, "f") for d in "Оленка Марічка Ганнуся Христя Соломійка Наталка Оксанка Галочка Іринка Юлька".split()]

KZ_MALE = """Ерлан Нурлан Бауыржан Данияр Арман Айдос Ержан Асхат Серик Канат Айбек
Дамир Жандос Нурсултан Ерболат Мейрам Талгат Бахыт Марат Алмас Берик Дастан Ермек
Азамат Олжас Нұрлан Ерғали Жасұлан Әлихан Мұрат""".split()
KZ_FEMALE = """Айгерим Асель Айжан Аружан Динара Гульнара Мадина Алия Салтанат Гаухар
Камила Жанар Меруерт Айнур Дана Томирис Жансая Назерке Әсем Айгерім Ақбота Гүлнар
Сәуле Ұлжан Балнұр Әйгерім Жібек Ботагөз""".split()
KZ_DIMINUTIVES = [(d, "m") for d in "Ерке Нуржан Баха Асик Ержик Дәке Марик".split()] + [
    (d, "f") for d in "Айка Асеке Динка Ажар Гуля Мади Айко".split()]

RU_SURNAMES = """Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков
Фёдоров Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов
Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев
Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв
Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев
Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов
Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников
Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов
Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков
Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев
Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев
Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин Ефремов Архипов
Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов
Анисимов Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров
Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронов Аксёнов
Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков Сафонов
Плотников Дёмин Хохлов Носов Русаков Зуев Банкин Банников Сбитнев Сбоев
Ковальский Вишневский Островский Высоцкий Полянский Толстой Лановой Черных Седых
Белых Долгих Кравец Швец Бурый""".split()

UA_SURNAMES = """Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Коваль
Поліщук Бойко Мельник Лисенко Савченко Руденко Мороз Марченко Гуменюк Петренко
Павленко Левченко Ярошенко Бутенко Прокопенко Кравець Швець Ковальчук Литвиненко
Мазур Романюк Клименко Гончаренко Кушнір Семенюк Дорошенко Костенко Харченко
Яковенко Савчук Гнатюк Федоренко Панченко Кузьменко Сидоренко Ковальський Яворський
Вишневський Бабич Полянський""".split()

KZ_SURNAMES = """Ахметов Серикбаев Нурланов Жумабаев Искаков Касымов Абдрахманов Оспанов
Сейтказиев Байжанов Тулегенов Есенов Муканов Жаксылыков Калиев Садыков Омаров
Мухамедов Исмаилов Абенов Бекетов Кенжебаев Турсунов Шарипов Ермеков Нурпеисов
Утепов Досанов Алиев Сулейменов Бейсенов Амиров""".split()

# Fathers' names → masculine patronymic (feminine derived).
RU_PATRONYMICS = """Александрович Алексеевич Андреевич Анатольевич Борисович Валерьевич
Васильевич Викторович Владимирович Вячеславович Геннадьевич Георгиевич Григорьевич
Дмитриевич Евгеньевич Иванович Игоревич Константинович Леонидович Михайлович
Николаевич Олегович Павлович Петрович Романович Сергеевич Степанович Юрьевич
Фёдорович Яковлевич Ильич""".split()
UA_PATRONYMICS = """Іванович Петрович Миколайович Васильович Олександрович Михайлович
Степанович Богданович Андрійович Тарасович""".split()
KZ_PATRONYMICS = "Нурланович Серикович Ерланович Маратович Канатович Бахытович Асхатович Болатович".split()

EN_MALE = """James John Robert Michael William David Richard Joseph Thomas Charles Daniel
Matthew Anthony Mark Steven Paul Andrew Joshua Kevin Brian George Edward Ryan Jacob
Gary Nick Eric Jonathan Stephen Justin Scott Ben Sam Alex Chris Tom Mike Dave Joe
Jack Harry Oliver Charlie Luke Adam Pete""".split()
EN_FEMALE = """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen
Nancy Lisa Betty Margaret Sandra Ashley Emily Donna Michelle Carol Amanda Melissa
Stephanie Rebecca Laura Sharon Kate Amy Anna Emma Olivia Sophie Chloe Lucy Grace
Hannah Megan Rachel Jess Liz""".split()
EN_SURNAMES = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez
Wilson Anderson Taylor Thomas Moore Jackson Martin Lee Thompson White Harris Clark
Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson
Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart
Morris Murphy Cook Rogers Cooper Reed Bailey Bell Kelly Howard Ward Cox Richardson
Wood Watson Brooks Bennett Gray Hughes Price Sanders Patel Banks Marshall Fisher Hunt
Palmer O'Brien McDonald Bankes""".split()

# Usual Latin spellings of Russian first names (messenger profiles, emails).
RU_LATIN_FIRST = {
    "Александр": "Alexander", "Алексей": "Alexey", "Андрей": "Andrey", "Антон": "Anton",
    "Артём": "Artem", "Борис": "Boris", "Вадим": "Vadim", "Виктор": "Viktor",
    "Владимир": "Vladimir", "Глеб": "Gleb", "Денис": "Denis", "Дмитрий": "Dmitry",
    "Евгений": "Evgeny", "Егор": "Egor", "Иван": "Ivan", "Игорь": "Igor", "Илья": "Ilya",
    "Кирилл": "Kirill", "Константин": "Konstantin", "Максим": "Maxim", "Михаил": "Mikhail",
    "Никита": "Nikita", "Николай": "Nikolay", "Олег": "Oleg", "Павел": "Pavel",
    "Роман": "Roman", "Руслан": "Ruslan", "Сергей": "Sergey", "Степан": "Stepan",
    "Тимур": "Timur", "Фёдор": "Fedor", "Юрий": "Yuri", "Ярослав": "Yaroslav",
    "Анна": "Anna", "Анастасия": "Anastasia", "Дарья": "Daria", "Екатерина": "Ekaterina",
    "Елена": "Elena", "Ирина": "Irina", "Мария": "Maria", "Наталья": "Natalia",
    "Ольга": "Olga", "Светлана": "Svetlana", "Татьяна": "Tatiana", "Юлия": "Yulia",
    "Ксения": "Ksenia", "Полина": "Polina", "Виктория": "Victoria", "Алина": "Alina",
    "Кристина": "Kristina", "Вера": "Vera", "Марина": "Marina", "Галина": "Galina",
    "Алёна": "Alena", "Людмила": "Lyudmila", "Валерия": "Valeria", "Софья": "Sofia",
}
LATIN_DIMINUTIVES = """Sasha Dima Lyosha Katya Masha Nastya Tanya Olya Zhenya Vova Misha
Kostya Pasha Seryozha Lena Sveta Yulia Ira Vika Kolya Aigerim Asel Yerlan Nurlan
Dana Madina Oksana Taras Bogdan Sashko""".split()

TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
     "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
     "yu", "ya", "i", "yi", "ye", "g"]))


def translit(word):
    """Passport-like Latin spelling as people type it: Соловьёв → Solovyov."""
    low = word.lower()
    low = re.sub("ь([её])", r"y\1", low).replace("ьё", "yo")
    low = re.sub("(с|ц)кий$", r"\1ky", low)
    low = re.sub("ий$", "iy", low)
    out = "".join(TRANSLIT.get(c, c) for c in low)
    return out[:1].upper() + out[1:]


def feminine_surname(s):
    """Иванов → Иванова, Высоцкий → Высоцкая, Ковальський → Ковальська, Шевченко → Шевченко."""
    if re.search("(ов|ев|ёв|ин|ын)$", s):
        return s + "а"
    if re.search("(ск|цк)ий$", s):
        return s[:-2] + "ая"
    if re.search("(ськ|цьк)ий$", s):
        return s[:-2] + "а"
    if s.endswith("ой"):
        return s[:-2] + "ая"
    if s == "Бурый":
        return "Бурая"
    return s  # -ко, -ук, -ых, -ец, consonant: the same for women


def fem_patronymic(p):
    if p == "Ильич":
        return "Ильинична"
    assert p.endswith("ич"), p
    return p[:-2] + "на"  # Иванович → Ивановна (Ukrainian: ua_fem_patronymic)


def ua_fem_patronymic(p):
    # Іванович → Іванівна, Миколайович → Миколаївна, Богданович → Богданівна
    if p.endswith("йович"):
        return p[:-5] + "ївна"
    return p[:-4] + "івна"


# Contexts people append to a first name to tell friends apart.
RU_CONTEXTS = """работа универ школа садик дача спортзал йога бассейн танцы футбол бокс
хоккей Питер Москва Сочи Казань Екб Новосиб Минск ремонт соседи общага армия лагерь
курсы английский фитнес Авито стройка поход свадьба новый офис двор одноклассник
институт шашлыки рыбалка турник""".split()
UA_CONTEXTS = """робота універ школа садочок спортзал басейн футбол Київ Львів Одеса Харків
Дніпро сусіди курси ремонт дача""".split()
KZ_CONTEXTS = """жұмыс работа универ мектеп садик спортзал футбол Алматы Астана Шымкент
Караганда Актау соседи курсы ремонт дача""".split()
EN_CONTEXTS = """work gym school uni neighbor soccer yoga church college office football
climbing book\u00a0club""".replace("\u00a0", " ").split()

# Roles with a person's name: (role, gender of the person or "" for either).
RU_ROLES = [("Сантехник", "m"), ("Электрик", "m"), ("Няня", "f"), ("Тренер", ""),
            ("Репетитор", ""), ("Парикмахер", ""), ("Мастер маникюра", "f"),
            ("Массажист", "m"), ("Косметолог", "f"), ("Водитель", "m"), ("Курьер", "m"),
            ("Риелтор", ""), ("Соседка", "f"), ("Сосед", "m"), ("Коллега", ""),
            ("Одноклассник", "m"), ("Одноклассница", "f"), ("Кум", "m"), ("Кума", "f"),
            ("Прораб", "m"), ("Плиточник", "m"), ("Мастер по окнам", "m"),
            ("Хозяйка квартиры", "f"), ("Ветеринар", ""), ("Фотограф", ""),
            ("Бровист", "f"), ("Барбер", "m"), ("Инструктор", "m"), ("Грумер", "f"),
            ("Визажист", "f"), ("Дизайнер", ""), ("Садовник", "m"), ("Домработница", "f"),
            ("Сиделка", "f"), ("Мастер", "m"), ("Таксист", "m"), ("Механик", "m")]
RU_TITLED_ROLES = ["Учительница", "Классная", "Логопед", "Воспитательница", "Педиатр",
                   "Стоматолог", "Врач", "Завуч", "Терапевт", "Гинеколог", "Психолог",
                   "Директор школы", "Тренер", "Репетитор", "Начальник"]
EN_ROLES = ["Plumber", "Electrician", "Babysitter", "Nanny", "Cleaner", "Handyman",
            "Landlord", "Dog walker", "Piano teacher", "Math tutor", "Coach", "Hairdresser",
            "Barber", "Mechanic", "Realtor", "Driver", "Neighbor", "Personal trainer",
            "Yoga teacher", "Contractor", "Painter", "Gardener", "Work", "Dentist"]

# --------------------------------------------------------------------------
# Hand-written lines: family, roles, businesses, near misses
# --------------------------------------------------------------------------

FAMILY = """Мама
Мама ❤️
Мамочка 💖
Мамуля
Мамулечка 🌷
Папа
Папочка
Папа 👨
Папуля
Бабушка
Бабуля
Бабушка Валя
Бабушка Нина
Бабушка Зина 👵
Дедушка
Дедуля
Дедушка Коля
Дед
Любимый 😘
Любимая ❤️
Любимый муж
Муж
Муж ❤️
Мой муж 💍
Жена
Жёнушка 💕
Зайка 🐰
Котик 🐱
Солнышко ☀️
Малыш
Сын
Сынок
Сыночек 💙
Доча
Доченька 🌸
Дочка
Брат
Братишка
Брат Дима
Сестра
Сестрёнка 💗
Сестра Лена
Тётя Люба
Тётя Галя
Тётя Света
Дядя Вова
Дядя Саша
Дядя Серёжа
Дядя Миша
Крёстная
Крёстный
Кума Таня
Кум Андрей
Свекровь
Свёкор
Тёща
Тесть
Золовка
Племянник
Племянница Аня
Внучка
Внук Миша
Мама Артёма (садик)
Мама Вики одноклассницы
Папа Егора
Тато
Татусь
Бабуся
Дідусь
Коханий ❤️
Кохана
Сестричка
Братик
Тітка Галя
Дядько Микола
Кум Петро
Кума Оксана
Хрещена
Апа
Апажан ❤️
Әже
Әжем
Ата
Атам
Әкем
Анам ❤️
Ағам
Әпкем
Қарындасым
Інім
Бауырым
Жаным ❤️
Ерлан аға
Гүлнар апай
Сәуле тәте
Нұрлан көке
Mom
Mom ❤️
Mum
Dad
Grandma
Grandpa
Nana
Hubby 😘
Wifey ❤️
My love 💕
Babe
Bro
Sis
Aunt Mary
Uncle Bob""".splitlines()

ROLES = """Сантехник Игорь
Электрик Саша
Няня Оля
Тренер
Репетитор по английскому
Репетитор по математике Ольга Ивановна
Репетитор по химии
Классная руководительница
Логопед
Мастер по маникюру
Парикмахер Лена
Барбер Тимур
Массаж Наталья
Грузчики
Грузоперевозки Газель
Эвакуатор
Мастер по ремонту стиральных машин
Ремонт холодильников
Сборщик мебели
Мастер окна ПВХ
Плиточник Рустам
Прораб Андрей
Муж на час
Домработница Галина
Садовник
Водитель Сергей
Автоинструктор Виктор
Ветеринар Анна
Кинолог
Грумер
Фотограф Мария
Тамада
Ведущий на свадьбу
Диджей Макс
Хореограф
Учитель музыки
Педиатр
Стоматолог Елена Викторовна
Психолог
Начальник
Шеф
Коллега Дима
Староста группы
Куратор группы
Деканат
Охранник Петя
Охрана ЖК
Охрана ЖК Северный
Охрана офиса
Пост охраны шлагбаум
Консьерж
Консьержка тётя Маша
Диспетчерская
Диспетчер УК
Председатель ТСЖ
Старшая по дому
Старший по подъезду
Дворник
Домофон
Лифтёр
Мастер по домофонам
Соседка сверху
Сосед снизу
Соседи по даче
Хозяйка квартиры
Арендатор
Сантехнік Андрій
Майстер манікюру Оля
Репетитор з англійської
Няня Марійка
Сусідка Галина
Тренер з плавання
Шаштараз Айгүл
Жүргізуші Серік
Мұғалім Айжан
Boss
Work - John
Plumber
Electrician Dave
Babysitter Emma
Nanny Sarah
Cleaner Maria
Handyman Bob
Landlord
Landlady Sue
Dog walker
Piano teacher
Math tutor
Coach Mike
Hairdresser Kim
Barber
Mechanic Joe
Realtor Jen
Neighbor Steve
Neighbour Linda
Personal trainer Tom
Yoga teacher
Airbnb host Anna""".splitlines()

BUSINESSES = """Служба доставки
Служба доставки цветов
Служба доставки суши
Служба такси
Служба такси Везёт
Служба заказа
Служба заказа такси
Служба эвакуации автомобилей
Служба клининга
Аварийная служба
Аварийная служба ЖЭК
Яндекс Доставка
Яндекс Такси
Яндекс Go
Яндекс Еда
Яндекс Маркет
Delivery Club
Самокат
Купер
ВкусВилл
ВкусВилл доставка
Пятёрочка
Магнит
Магнит у дома
Перекрёсток
Лента
Ашан
Азбука вкуса
Дикси
Вкусно и точка
Додо Пицца
Теремок
Шоколадница
Кофе Хауз
Кофемания
Ростикс
Бургер Кинг
Тануки
Якитория
Суши Wok
СДЭК
Boxberry
DPD
Курьер Ozon
Пункт выдачи Ozon
Курьер Wildberries
Авито Доставка
DNS
М.Видео
Эльдорадо
Леруа Мерлен
Петрович
Максидом
ИКЕА
Hoff
Спортмастер
Детский мир
Л'Этуаль
Золотое яблоко
Рив Гош
Аптека Ригла
Аптека Горздрав
Аптека Апрель
Аптека 36,6
Столички
Центральная аптека
Аптека на Садовой
Аптека у дома
Инвитро
Гемотест
Хеликс
КДЛ
Клиника Мать и дитя
Стоматология Улыбка
Стоматология Дента Люкс
Стоматология на Ленина
СМ-Клиника
Медси
Семейная клиника
Детская поликлиника
Городская поликлиника
Поликлиника №3
Регистратура поликлиники
Женская консультация
Травмпункт
Роддом №2
Госпиталь
Госпиталь ветеранов
Медицинский центр Здоровье
Центр здоровья
Ветклиника
Ветклиника Айболит
Зоомагазин Четыре лапы
Груминг-салон Пушистик
Салон красоты Шарм
Салон красоты Престиж
Барбершоп Борода
Студия маникюра
Ногтевая студия Лак
Студия загара
Спа-салон Лотос
Фитнес клуб World Class
Фитнес Хаус
X-Fit
DDX Fitness
Бассейн Олимп
Школа танцев
Йога-студия
Детский сад Солнышко
Детский сад №15
Садик Ромашка
Школа 57
Гимназия 1
Лицей 239
Музыкальная школа
Художка
Языковая школа Полиглот
Кружок робототехники
Шахматный клуб
Секция карате
Детский лагерь Орлёнок
Родительский комитет 5Б
Родком 3А
Чат родителей 2В
УК Комфорт
УК Жилкомсервис
Управляющая компания
ТСЖ
ТСЖ Наш дом
ЖЭК
МТС
Билайн
МегаФон
Tele2
Йота
Ростелеком
Домру
Интернет провайдер
Автосервис
Автосервис на Ленина
СТО Мотор
Шиномонтаж
Автомойка
Кузовной ремонт
Автоэлектрик
Автошкола
Автошкола Светофор
Дилер Тойота
Киа сервис
Автозапчасти
Такси Максим
Такси Везёт
Такси Сатурн
Такси Город
Uber
Bolt
inDrive
Gett
Риелтор Наталья
Этажи
Агентство недвижимости Дом
Кафе Ромашка
Ресторан Пушкинъ
Банкетный зал
Банкетный зал Юбилейный
Банкетный зал Империя
Банкетный зал Ривьера
Центральный банкетный зал
Банкет-холл Премьер
Кейтеринг
Кондитерская Сластёна
Пекарня Хлебница
Кофейня Зёрна
Шаурма на углу
Пиццерия Марио
Суши-бар Ичибан
Банька у Петровича
Баня на Солнечной
Полиграфия
Типография Полиграф
Копицентр
Прокат авто
Прокат велосипедов
Прокат костюмов
Центральный рынок
Центральный парк
Центральный стадион
Центр детского творчества
Сервисный центр
Сервисный центр Samsung
Торговый центр Мега
ТЦ Европейский
Гостиница Москва
Отель Гранд
Хостел
Химчистка
Ателье
Примерочная
Шоурум Примерочная
Ремонт обуви
Ремонт телефонов
Мастерская часов
Изготовление ключей
Цветочный магазин
Цветы Флора
Оптика
Салон оптики
Мебельная фабрика
Кухни на заказ
Окна ПВХ
Натяжные потолки
Двери Браво
Стройматериалы
Доставка воды
Вода Шишкин лес
Клининг Чистый дом
Мойка ковров
Вывоз мусора
Ремонт квартир
Ритуальные услуги
Типография
Фотостудия
Кинотеатр
Театр
Библиотека
Бассейн
Каток
Боулинг
Квест-комната
Батутный центр
Нова Пошта
Нова Пошта відділення 12
Meest Express
Сільпо
АТБ
Фора
Новус
Епіцентр
Rozetka
Comfy
Фокстрот
Аптека АНЦ
Аптека Доброго Дня
Uklon
Таксі Uklon
Служба таксі
Перукарня Лілея
Стоматологія Посмішка
Поліклініка
Поліклініка №3
Дитячий садок Сонечко
Школа №52
Ветклініка
Автосервіс
Доставка піци
ОСББ Затишок
Піца Челентано
Пузата Хата
Львівські круасани
Аромакава
Magnum
Small
Galmart
Технодом
Sulpak
Mechta.kz
Arbuz.kz
Glovo
Wolt
Yandex Go
Дәріхана
Europharma
Емхана №5
Балабақша Айгөлек
Мектеп №15
Шаштараз
Асхана
Дүкен Береке
Той залы Алтын
Мейрамхана Нават
Coffee Boom
Dodo Pizza Алматы
Pizza Hut
Domino's Pizza
Papa John's
Joe's Plumbing
City Dental
Bright Smile Dental
Happy Paws Vet
Bankside Café
Riverbank Pub
Bankstown Pizza
Example Bakery
Starbucks
Costa Coffee
Pret
Uber Eats
Deliveroo
DoorDash
Amazon Delivery
DHL Express
FedEx
UPS
Tesco
Sainsbury's
Walmart
Target
Home Depot
IKEA
Lowe's
Best Buy
Apple Store
Ace Hardware
Midas Auto
Jiffy Lube
Quick Fit Tyres
Speedy Car Wash
Sunrise Daycare
Little Stars Nursery
Oak Hill School
Riverside Pharmacy
Boots Pharmacy
CVS Pharmacy
Walgreens
Green Valley Clinic
Central Perk Coffee
Planet Fitness
Anytime Fitness
Gold's Gym
Sparkle Cleaning
Happy Nails
Top Cuts Barbers
Main Street Dry Cleaners
Rainbow Florist
Keller Williams Realty
Hilton Garden Inn
Yellow Cab
Pronto Pizza
Golden Dragon Takeaway
Bella Italia
Nando's
Subway
McDonald's
Burger King
Banks Plumbing""".splitlines()

# People whose names brush against a rule word ("цб", "нбу", "фсб", "банк",
# "поли", "прок") once spaces are dropped, plus famous look-alikes.
NEAR_MISS_PEOPLE = """Полина
Полинка
Поля
Поліна
Полина Сбитнева
Иосиф Сбитнев
Рудольф Сбоев
Швец Богдан
Кравец Борис
Кравец Борис Петрович
Швець Богдана
Степан Бутенко
Иван Бутенко
Банкин Сергей
Сергей Банкин
Банникова Ольга
Банников
Bankov
Ivan Bankov
Emily Banks
Бан Ки Мун
Прокопенко Ирина
Прокофьева Анна
Поляков Денис
Полищук Таня
Поліщук Олена
Антон Фролов
Генка""".splitlines()

# Business kinds × names that suit them, for volume with realism ("Стоматология Улыбка").
BUSINESSES_BY_KIND = {
    "Кафе": "Ромашка Уют Встреча Берёзка Лира Каприз Весна Шоколад Пельменная",
    "Ресторан": "Виктория Меридиан Династия Олимп Жемчужина Эдельвейс Сказка Арарат",
    "Пиццерия": "Марио Италия Белла Пепперони Челентано Наполи",
    "Салон красоты": "Шарм Престиж Гармония Орхидея Лотос Каприз Виктория Афродита",
    "Стоматология": "Улыбка Дента Жемчужина Денталия Мегадент Зубная\u00a0фея",
    "Цветы": "Флора Ромашка Орхидея Лотос Эдельвейс Весна Букетик",
    "Автосервис": "Мотор Феникс Олимп Меридиан Форсаж Гараж Автодок",
    "Пекарня": "Хлебница Колосок Каравай Пышка Берёзка Булочная",
    "Кофейня": "Зёрна Кофеин Арабика Лира Уют Бариста",
    "Фитнес-клуб": "Олимп Феникс Атлант Спарта Юность Гармония",
    "Ветклиника": "Айболит Верный\u00a0друг Зоодоктор Феникс Четыре\u00a0лапы",
    "Детский сад": "Солнышко Ромашка Радуга Ласточка Сказка Теремок",
    "Магазин": "Радуга Весна Ромашка Берёзка Мечта Теремок Продукты",
    "Химчистка": "Диана Снежинка Чистюля Лотос",
    "Ателье": "Каприз Виктория Шарм Модница Иголочка",
}

# --------------------------------------------------------------------------
# Fraud: authority
# --------------------------------------------------------------------------

AUTHORITY = """Служба безопасности
Служба безопасности банка
Служба Безопасности Банка
служба безопасности
СЛУЖБА БЕЗОПАСНОСТИ
СЛУЖБА БЕЗОПАСНОСТИ БАНКА
🔒 Служба безопасности
Служба безопасности 🔒
⚠️ Служба безопасности банка
Служба безопасности ✅
Служба безопасности банка 🏦
Служба безопасности (банк)
Служба безопасности Сбербанка
Служба безопасности Сбер
СБ Сбербанка
СБ банка
Безопасность ВТБ
Безопасность Сбербанк
Безопасность банка
Отдел безопасности
Отдел безопасности банка
Департамент безопасности банка
Управление безопасности банка
Сотрудник службы безопасности
Сотрудник Службы безопасности банка
Специалист отдела безопасности банка
Специалист службы безопасности
Старший специалист службы безопасности
Оператор службы безопасности
Служба финансовой безопасности
Служба безопасности платежей
Центр безопасности банка
Отдел по борьбе с мошенничеством
Отдел по борьбе с мошенничеством банка
Отдел по противодействию мошенничеству
Противодействие мошенничеству
Служба по борьбе с мошенничеством
Антифрод
Антифрод банка
Отдел антифрода
Антифрод-служба
Антифрод отдел Сбербанка
АНТИФРОД
Центробанк
Центробанк РФ
ЦБ РФ
ЦБ России
ЦБ РФ ✅
Центральный банк
Центральный банк РФ
Центральный Банк России
Центральный банк Российской Федерации
ЦЕНТРАЛЬНЫЙ БАНК
🏦 Центральный банк
Банк России
БАНК РОССИИ
Банк России 🏛
Банк России — отдел безопасности
Приёмная Банка России
Финмониторинг
Росфинмониторинг
РОСФИНМОНИТОРИНГ
Финансовый мониторинг
Отдел финмониторинга
Служба финансового мониторинга
Федеральная служба по финансовому мониторингу
ФСБ
ФСБ России
ФСБ РФ
Управление ФСБ
Сотрудник ФСБ
Федеральная служба безопасности
Полиция
ПОЛИЦИЯ
🚨 Полиция
Полиция 🚔
Полиция России
Отдел полиции
Дежурная часть полиции
Сотрудник полиции
Участковый полиции
Киберполиция
МВД
МВД России
МВД РФ
МВД России 🇷🇺
ГУ МВД по г. Москве
Министерство внутренних дел
Министерство внутренних дел РФ
Отдел МВД
Прокуратура
Прокуратура РФ
Прокуратура г. Москвы
Генеральная прокуратура
Генеральная прокуратура РФ
Генпрокуратура
Прокурор
Следственный комитет
Следственный комитет РФ
Следственный Комитет России
СК РФ
СК России
Следователь Следственного комитета
Госуслуги
ГОСУСЛУГИ
Госуслуги ✅
Портал Госуслуги
Госуслуги Поддержка
Служба поддержки Госуслуг
Gosuslugi
Служба безпеки банку
Служба безпеки
Служба безпеки ПриватБанку
Служба безпеки Ощадбанку
Служба безпеки monobank
Відділ безпеки банку
Відділ з протидії шахрайству
Національний банк
Національний банк України
Нацбанк України
НБУ
Кіберполіція
Поліція
Національна поліція
Національна поліція України
СБУ
Служба безпеки України
Офіс Генерального прокурора
Прокуратура України
Держфінмоніторинг
Фінмоніторинг
Қауіпсіздік қызметі
Банктің қауіпсіздік қызметі
Kaspi қауіпсіздік қызметі
Halyk Bank қауіпсіздік қызметі
Ұлттық банк
Ұлттық Банк
Қазақстан Ұлттық Банкі
Қазақстан Республикасының Ұлттық Банкі
Нацбанк РК
Нацбанк Казахстана
Национальный банк Казахстана
Национальный Банк РК
АРРФР
Агентство по финансовому мониторингу
АФМ РК
Полиция РК
Полиция Казахстана
Полиция Алматы
МВД РК
ҚР ІІМ
КНБ РК
ҰҚК
Прокуратура РК
Бас прокуратура
eGov
Служба безопасности Kaspi
Служба безопасности Halyk Bank
Bank Security
Bank security team
BANK SECURITY
Security Service
Security Department
Fraud Department
Fraud department
Fraud Prevention
Fraud prevention team
Anti-Fraud Team
Fraud Alert Team
Central Bank
Central Bank of Russia
Bank of Russia
National Bank of Kazakhstan
National Bank of Ukraine
Financial Monitoring
FSB
Police
Police Department
Cyber Police
Prosecutor's Office
Investigative Committee
Sberbank Security
VTB Security
Kaspi Security
Security Service of Sberbank
Fraud Department VTB""".splitlines()

# (nominative, genitive) of real banks scammers name in "security" profiles.
BANKS = [("Сбербанк", "Сбербанка"), ("ВТБ", "ВТБ"), ("Альфа-Банк", "Альфа-Банка"),
         ("Т-Банк", "Т-Банка"), ("Тинькофф", "Тинькофф"), ("Газпромбанк", "Газпромбанка"),
         ("Райффайзенбанк", "Райффайзенбанка"), ("Россельхозбанк", "Россельхозбанка"),
         ("Почта Банк", "Почта Банка"), ("Совкомбанк", "Совкомбанка"),
         ("Открытие", "банка Открытие"), ("МТС Банк", "МТС Банка"), ("ПСБ", "ПСБ")]
AUTHORITY_WITH_BANK = ["Служба безопасности {gen}", "СБ {gen}", "Безопасность {nom}",
                       "Отдел безопасности {gen}", "Антифрод {nom}",
                       "Отдел по борьбе с мошенничеством {gen}",
                       "Сотрудник службы безопасности {gen}", "{nom} Служба безопасности"]

# --------------------------------------------------------------------------
# Fraud: issuer (the demo bank's aliases are "Example Bank" and "Пример Банк")
# --------------------------------------------------------------------------

# What a reader recognises as the bank, before any disguise.
ISSUER_CORES_CYR = ["Пример Банк", "Банк Пример", "Пример Банка", "Примера Банка",
                    "Пример Банку", "Пример Банком", "Пример Банке", "Банка Пример"]
ISSUER_CORES_LAT = ["Example Bank", "Bank Example"]

ISSUER_BASES_CYR = """Пример Банк
Пример банк
пример банк
ПРИМЕР БАНК
ПримерБанк
Примербанк
ПРИМЕРБАНК
примербанк
Банк Пример
Банк «Пример»
БАНК ПРИМЕР
Пример-Банк
Пример Банка
Примера Банка
Пример Банку
Примербанка
ПримерБанка
Банка Пример
АО Пример Банк
ПАО «Пример Банк»
Пример Банк Онлайн
Пример Банк Поддержка
Поддержка Пример Банка
Оператор Пример Банка
Менеджер Пример Банка
Горячая линия Пример Банка
Пример Банк Официальный
Пример Банк Клиентский отдел
Пример Банк Кредиты
Пример Банк Премиум
Клиентская поддержка Пример Банка
Кредитный отдел Пример Банка
Личный менеджер Пример Банка
Пример Банк Россия
Ваш Пример Банк""".splitlines()

ISSUER_BASES_LAT = """Example Bank
example bank
EXAMPLE BANK
ExampleBank
Examplebank
EXAMPLEBANK
Example-Bank
Example.Bank
Bank Example
Example Bank Support
Example Bank Official
Example Bank Customer Care
Example Bank Ltd
Example Bank PJSC
Example Bank Online
Example Bank Premium
Example Bank Helpdesk
Example Bank Client Service""".splitlines()

# Hand-made disguises, each readable at a glance as the bank.
ISSUER_HAND = [
    "Пpимep Бaнк",          # Latin p, e, a
    "ПРИМЕР БАHK",          # Latin H, K
    "ПPИMEP БAHK",          # Latin P, M, E, A, H, K
    "Example Вank",         # Cyrillic В
    "Ехаmple Bank",         # Cyrillic Е, х, а
    "Examрle Bank",         # Cyrillic р
    "EXAMPLE ВАNK",         # Cyrillic В, А
    "npuмep 6aнк",          # the lower-case Latin "n/u/p/e/a" style
    "Пpuмep Бaнк",
    "пример 6анк",
    "Пр1мер Банк",
    "Пример Б4нк",
    "Ex4mple B4nk",
    "3xample Bank",
    "Examp1e Bank",
    "ExampIe Bank",          # capital I for l
    "Examp|e Bank",
    "Ex@mple Bank",
    "Example B@nk",
    "Exampl3 Bank",
    "3X4MPL3 B4NK",
    "П р и м е р  Б а н к",
    "E x a m p l e  B a n k",
    "П-р-и-м-е-р Банк",
    "П.р.и.м.е.р. Б.а.н.к.",
    "E.x.a.m.p.l.e Bank",
    "🔒Пример-Банк🔒",
    "Пример_Банк!!!",
    "🏦 Пример Банк",
    "Пример Банк ✅",
    "💳 Пример Банк 💳",
    "✔️ Example Bank",
    "Example Bank 🔐",
    "★ EXAMPLE BANK ★",
    "Пример•Банк",
    "Пример~Банк~",
    "«Пример» Банк",
    "[Пример Банк]",
    "Ｅｘａｍｐｌｅ Ｂａｎｋ",
    "ＥＸＡＭＰＬＥ　ＢＡＮＫ",
    "Ｅｘａｍｐｌｅ Bank",
    "Example Ｂａｎｋ",
    "Пример　Банк",          # ideographic space
    "Пример－Банк",          # fullwidth hyphen
    "Пример！Банк",
    "Пример\u00a0Банк",      # no-break space
    "Пример\u2009Банк",      # thin space
    "Пример\u202fБанк",      # narrow no-break space
    "\u202eкнаБ ремирП\u202c",   # right-to-left override: shows "Пример Банк"
    "\u202eкнаБ ремирП",         # override runs to the end of the line
    "\u202eknaB elpmaxE\u202c",
    "Пример \u202eкнаБ\u202c",
    "\u202eремирП\u202c Банк",
    "\u2066Пример Банк\u2069",
    "\u2067Пример Банк\u2069",
    "\u2068Example Bank\u2069",
    "\u2066Example\u2069 \u2066Bank\u2069",
    "\u202dПример Банк\u202c",
    "Пример\u200fБанк",
    "\u200eExample Bank\u200e",
    "При\u200bмер Банк",
    "Пример\u200bБанк",
    "Пример\u200dБанк",
    "Пример\u200cБанк",
    "\ufeffПример Банк",
    "Пример\u2060Банк",
    "При\u00adмер Банк",     # soft hyphen
    "E\u200bx\u200ba\u200bm\u200bp\u200bl\u200be Bank",
    "Exam\u200dple Ba\u200dnk",
    "\ufeffExample\ufeffBank",
    "При\u0301мер Банк",
    "Пример Ба\u0301нк",
    "Приме\u0301р Ба\u0301нк",
    "Приме\u0308р Банк",     # composes to ё under NFC/NFKC
    "Пример Бан\u0308к",
    "Exa\u0301mple Bank",    # composes to á
    "Exa\u0308mple Ba\u0308nk",
    "Example Ba\u0301nk",
    "Пр\u034fимер Банк",     # combining grapheme joiner: invisible
    "ПΡИΜΕΡ БΑΗΚ",          # Greek Ρ Μ Ε Α Η Κ
    "ПРИΜΕР БΑНΚ",
    "ΕΧΑΜΡLΕ ΒΑΝΚ",          # Greek Ε Χ Α Μ Ρ Β Ν Κ, Latin L
    "EXAMPLE ΒΑΝΚ",
    "ΕXAMPLE BANK",
    "ᎬXᎪᎷᏢᏞᎬ ᏴᎪNᏦ",          # Cherokee Ꭼ Ꭺ Ꮇ Ꮲ Ꮮ Ᏼ Ꮶ
    "ᎬXAMᏢLE BANK",
    "EXAMPLE ᏴᎪNK",
    "ПᏢИᎷᎬᏢ БᎪᎻᏦ",          # Cherokee inside Cyrillic capitals
    "𝐄𝐱𝐚𝐦𝐩𝐥𝐞 𝐁𝐚𝐧𝐤",          # mathematical bold
    "𝙀𝙭𝙖𝙢𝙥𝙡𝙚 𝘽𝙖𝙣𝙠",
    "𝔼𝕩𝕒𝕞𝕡𝕝𝕖 𝔹𝕒𝕟𝕜",
    "Ⓔⓧⓐⓜⓟⓛⓔ Ⓑⓐⓝⓚ",
    "ᴇxᴀᴍᴘʟᴇ ʙᴀɴᴋ",          # small capitals
    "🅔🅧🅐🅜🅟🅛🅔 🅑🅐🅝🅚",
    "Пример Bank",
    "Example Банк",
    "ПримерBank",
    "Пример Банк24",
    "Пример-Банк.рф",
    "example-bank.ru",
    "ExampleBank Support 24/7",
    "Пр\u200bи\u200bм\u200bе\u200bр 🏦 Б\u200bа\u200bн\u200bк",
    "\u202eкнаБ\u200b ремирП\u202c",
    "🔒 Пpимep-Бaнк 🔒",
    "ПРИМЕР\u200dБАHK",
    "Ex4mple\u200bBank",
    "ΕΧΑΜΡLΕ\u2060ΒΑΝΚ",
]

# Look-alike substitutions used by the generated disguises.
CYR_TO_LAT = dict(zip("аеорсхуАВЕКМНОРСТХ", "aeopcxyABEKMHOPCTX"))
LAT_TO_CYR = dict(zip("aeopcxyABEKMHOPCTX", "аеорсхуАВЕКМНОРСТХ"))
TO_GREEK = dict(zip("AEKMOPTXBN", "ΑΕΚΜΟΡΤΧΒΝ"))
CYR_TO_GREEK = dict(zip("АЕКМОРТХН", "ΑΕΚΜΟΡΤΧΗ"))
TO_CHEROKEE = dict(zip("AEMPCLBK", "ᎪᎬᎷᏢᏟᏞᏴᏦ"))
CYR_TO_CHEROKEE = dict(zip("АЕМРСВКН", "ᎪᎬᎷᏢᏟᏴᏦᎻ"))
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
COMBINING = ["\u0301", "\u0308", "\u0300"]
EMOJI = ["🔒", "🏦", "✅", "💳", "🔐", "☎️", "📞", "⭐", "🛡️", "💰", "‼️", "🇷🇺"]
SEPARATORS = ["-", "_", ".", "  ", " / ", "•", "·", "/", "*", "~", "+", "—"]


def rnd_subset(rng, s, table, at_least=1):
    """Replace a random non-empty subset of the replaceable characters."""
    idx = [i for i, c in enumerate(s) if c in table]
    if not idx:
        return s
    pick = set(rng.sample(idx, rng.randint(min(at_least, len(idx)), len(idx))))
    return "".join(table[c] if i in pick else c for i, c in enumerate(s))


def sprinkle(rng, s, marks, n=None):
    """Insert invisible or combining marks after random letters."""
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    n = n or rng.randint(1, 3)
    where = set(rng.sample(letters[:-1] if len(letters) > 1 else letters, min(n, len(letters))))
    return "".join(c + (rng.choice(marks) if i in where else "") for i, c in enumerate(s))


def spaced(s, sep):
    words = s.split()
    return "  ".join(sep.join(w) for w in words) if sep == " " else sep.join(words)


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in s)


def rlo(s):
    return "\u202e" + s[::-1] + "\u202c"


def disguise(rng, base):
    """One disguise (sometimes two stacked) of a base name."""
    cyr = bool(re.search("[а-яА-Я]", base))
    ops = ["lookalike", "invisible", "combining", "spacing", "emoji", "bidi", "case+lookalike"]
    if not cyr:
        ops += ["fullwidth", "digits"]
    if base.isupper() or base.upper() == base:
        ops += ["greek", "cherokee"]
    s = base
    for _ in range(1 if rng.random() < 0.7 else 2):
        op = rng.choice(ops)
        if op == "lookalike":
            s = rnd_subset(rng, s, CYR_TO_LAT if cyr else LAT_TO_CYR)
        elif op == "case+lookalike":
            s = rnd_subset(rng, s.upper(), CYR_TO_LAT if cyr else LAT_TO_CYR)
        elif op == "invisible":
            s = sprinkle(rng, s, INVISIBLE)
        elif op == "combining":
            s = sprinkle(rng, s, COMBINING, 1 if rng.random() < 0.6 else 2)
        elif op == "spacing":
            if re.search(r"[\u200b-\u206f\u0300-\u036f\u00ad\ufeff]", s):
                continue  # keep spacing tricks on clean text: stay readable
            s = spaced(s, rng.choice(SEPARATORS + [" "]))
        elif op == "emoji":
            e = rng.choice(EMOJI)
            s = rng.choice([f"{e} {s}", f"{s} {e}", f"{e}{s}{e}", f"{e} {s} {e}"])
        elif op == "bidi":
            # Reversed text must still render: no emoji, marks, invisibles or
            # mirrored brackets (they would flip) inside the override.
            if any(not (c.isalnum() or c in " -.") for c in s):
                continue
            s = rng.choice([rlo(s), "\u2066" + s + "\u2069", "\u2068" + s + "\u2069",
                            "\u202e" + s[::-1]])
        elif op == "fullwidth":
            s = fullwidth(s) if rng.random() < 0.5 else re.sub(
                r"\w+", lambda m: fullwidth(m.group()) if rng.random() < 0.5 else m.group(), s)
        elif op == "digits":
            s = rnd_subset(rng, s, {"a": "4", "e": "3", "l": "1", "A": "4", "E": "3", "L": "1"})
        elif op == "greek":
            s = rnd_subset(rng, s, CYR_TO_GREEK if cyr else TO_GREEK, 2)
        elif op == "cherokee":
            s = rnd_subset(rng, s, CYR_TO_CHEROKEE if cyr else TO_CHEROKEE, 2)
    return s


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------

def person_lines(rng, n):
    out = []

    def ru_like(male, female, surnames, patr, fem_patr, dims, contexts):
        g = rng.choice("mf")
        first = rng.choice(male if g == "m" else female)
        sur = rng.choice(surnames)
        sur = sur if g == "m" else feminine_surname(sur)
        p = rng.choice(patr)
        p = p if g == "m" else fem_patr(p)
        dim = rng.choice([d for d, dg in dims if dg == g] or [first])
        r = rng.random()
        if r < 0.30:
            return f"{first} {sur}"
        if r < 0.45:
            return f"{sur} {first}"
        if r < 0.53:
            return f"{first} {p}"
        if r < 0.58:
            return f"{sur} {first} {p}"
        if r < 0.60:
            return f"{first} {p} {sur}"
        if r < 0.68:
            return f"{dim} {sur}"
        if r < 0.74:
            return f"{dim} {sur[0]}."
        if r < 0.76:
            return f"{sur} {first[0]}.{p[0]}."
        if r < 0.90:
            ctx = rng.choice(contexts)
            return rng.choice([f"{dim} {ctx}", f"{dim} ({ctx})", f"{dim} - {ctx}",
                               f"{first} {ctx}"])
        return rng.choice([first, dim, f"{first} {sur[0]}."])

    def latin():
        r = rng.random()
        if r < 0.6:
            first = rng.choice(sorted(RU_LATIN_FIRST))
            g = "f" if first.endswith(("а", "я")) else "m"
            sur = rng.choice(RU_SURNAMES)
            sur = sur if g == "m" else feminine_surname(sur)
            return f"{RU_LATIN_FIRST[first]} {translit(sur)}"
        if r < 0.8:
            return f"{rng.choice(LATIN_DIMINUTIVES)} {translit(rng.choice(RU_SURNAMES))[0]}."
        return f"{rng.choice(LATIN_DIMINUTIVES)} {rng.choice(EN_CONTEXTS)}"

    def english():
        first = rng.choice(EN_MALE + EN_FEMALE)
        last = rng.choice(EN_SURNAMES)
        r = rng.random()
        if r < 0.55:
            return f"{first} {last}"
        if r < 0.65:
            return f"{first} {last[0]}."
        if r < 0.72:
            return f"{last}, {first}"
        if r < 0.85:
            ctx = rng.choice(EN_CONTEXTS)
            return rng.choice([f"{first} {ctx}", f"{first} ({ctx})", f"{ctx.capitalize()} - {first}"])
        role_ = rng.choice(EN_ROLES)
        return rng.choice([f"Work - {first}" if role_ == "Work" else f"{role_} {first}", first])

    def role():
        role_, g = rng.choice(RU_ROLES)
        g = g or rng.choice("mf")
        first = rng.choice(RU_MALE if g == "m" else RU_FEMALE)
        dim = rng.choice([d for d, dg in RU_DIMINUTIVES if dg == g])
        r = rng.random()
        if r < 0.5:
            return f"{role_} {rng.choice([first, dim])}"
        if r < 0.8:
            return f"{rng.choice([first, dim])} {role_.lower()}"
        title = rng.choice(RU_TITLED_ROLES)
        fem = title in ("Учительница", "Классная", "Воспитательница") or (
            title not in ("Начальник",) and rng.random() < 0.6)
        name = rng.choice(RU_FEMALE if fem else RU_MALE)
        p = rng.choice(RU_PATRONYMICS)
        return f"{title} {name} {fem_patronymic(p) if fem else p}"

    kinds = [(0.50, lambda: ru_like(RU_MALE, RU_FEMALE, RU_SURNAMES, RU_PATRONYMICS,
                                    fem_patronymic, RU_DIMINUTIVES, RU_CONTEXTS)),
             (0.12, lambda: ru_like(UA_MALE, UA_FEMALE, UA_SURNAMES, UA_PATRONYMICS,
                                    ua_fem_patronymic, UA_DIMINUTIVES, UA_CONTEXTS)),
             (0.10, lambda: ru_like(KZ_MALE, KZ_FEMALE, KZ_SURNAMES, KZ_PATRONYMICS,
                                    fem_patronymic, KZ_DIMINUTIVES, KZ_CONTEXTS)),
             (0.08, latin), (0.12, english), (0.08, role)]
    while len(out) < n:
        x, acc = rng.random(), 0.0
        for w, f in kinds:
            acc += w
            if x < acc:
                out.append(f())
                break
        else:
            out.append(kinds[-1][1]())
    return out


def business_lines(rng):
    out = []
    for kind, names in BUSINESSES_BY_KIND.items():
        names = [n.replace("\u00a0", " ") for n in names.split()]
        out += [f"{kind} {n}" for n in rng.sample(names, min(5, len(names)))]
    return out


def dedupe(lines):
    return list(dict.fromkeys(x.strip() for x in lines if x.strip()))


def build(rng):
    hand = dedupe(FAMILY + ROLES + BUSINESSES + NEAR_MISS_PEOPLE)
    benign = dedupe(hand + business_lines(rng) + person_lines(rng, BENIGN_GENERATED))

    authority = list(AUTHORITY)
    for tmpl in AUTHORITY_WITH_BANK:
        for nom, gen in rng.sample(BANKS, 6):
            authority.append(tmpl.format(nom=nom, gen=gen))
    authority = dedupe(authority)

    issuer = list(ISSUER_BASES_CYR + ISSUER_BASES_LAT + ISSUER_HAND)
    bases = ISSUER_BASES_CYR + ISSUER_BASES_LAT
    for _ in range(3):
        for b in bases:
            issuer.append(disguise(rng, b))
    # Not .strip(): leading/trailing invisible characters are the point.
    issuer = list(dict.fromkeys(x for x in issuer if x.strip()))
    return hand, benign, authority, issuer


# --------------------------------------------------------------------------
# Self-checks: the corpus must say what its principle says
# --------------------------------------------------------------------------

BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
SHAPES = {}
for group, shape in [("aаΑαᎪ@4", "a"), ("bвВΒβᏴ", "b"), ("eеЕΕεᎬ3ёЁ", "e"),
                     ("kкКΚκᏦ", "k"), ("mмМΜᎷ", "m"), ("hнНΗᎻ", "h"), ("oоОΟο0", "o"),
                     ("pрРΡρᏢ", "p"), ("cсСᏟ", "c"), ("tтТΤ", "t"), ("xхХΧχ", "x"),
                     ("yуУ", "y"), ("nпПΝ", "n"), ("uиИ", "u"), ("6бБ", "6"),
                     ("lLІіIiΙ1|ᏞӀ", "l")]:
    for ch in group:
        SHAPES[ch] = shape


def displayed(s):
    """What a person sees: apply the right-to-left override, drop invisibles."""
    def flip(m):
        return m.group(1)[::-1]
    s = re.sub("\u202e([^\u202c]*)\u202c?", flip, s)
    s = "".join(c for c in s if c not in BIDI_CONTROLS and unicodedata.category(c) != "Cf")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFKC", s)


# Styled letters NFKC leaves alone: small capitals, negative circled capitals.
SMALL_CAPS = str.maketrans("ᴇᴀᴍᴘʟʙɴᴋ" + "".join(chr(0x1F150 + i) for i in range(26)),
                           "EAMPLBNK" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def shape(s):
    s = displayed(s).translate(SMALL_CAPS)
    s = "".join(SHAPES.get(c, SHAPES.get(c.lower(), c.lower())) for c in s)
    return "".join(c for c in s if c.isalnum())


def plain(s):
    """Lower-case words, for vocabulary checks (keeps й and ё)."""
    return re.sub(r"[^\w]+", " ", unicodedata.normalize("NFKC", s).lower()).strip()


# What benign.txt may not hold. Issuer aliases are searched with spaces and
# punctuation dropped (as the issuer rule folds); the authority vocabulary and
# the state bodies we chose to leave out are searched inside words and phrases.
BENIGN_FORBIDDEN_SQUASHED = ["примербанк", "банкпример", "примерабанк", "банкапример",
                             "examplebank", "bankexample"]
BENIGN_FORBIDDEN_STEMS = [
    "безопасн", "безпек", "қауіпсіз", "security", "fraud", "мошенн", "шахрай", "антифрод",
    "полици", "поліці", "police", "прокур", "prosecut", "госуслуг", "gosuslug", "следств",
    "слідч", "investigat", "финмонитор", "фінмонітор", "monitoring", "мониторинг",
    "центробанк", "нацбанк", "налог", "пенсион", "укрпошт", "ломбард", "займ", "кредит",
    "страхов", "нотариус", "адвокат", "юрист", "бухгалт", "финанс", "finance", "сбербанк",
    "втб", "тинькофф", "kaspi", "halyk", "монобанк", "monobank", "приватбанк", "госуслуг",
    "охранное", "охранная", "чоп", "спецслужб",
]
BENIGN_FORBIDDEN_PHRASES = ["центральный банк", "central bank", "банк россии", "bank of russia",
                            "национальный банк", "національний банк", "national bank",
                            "ұлттық банк", "почта россии", "служба поддержки"]
BENIGN_FORBIDDEN_WORDS = {
    "банк", "банка", "банке", "банку", "банком", "bank", "пример", "example", "сб", "цб",
    "фсб", "мвд", "ск", "нбу", "сбу", "кнб", "фбр", "fbi", "fsb", "мфц", "фнс", "пфр",
    "гибдд", "дпс", "мчс", "фссп", "гаи", "сбер", "guard", "officer", "agent", "inspector",
    "detective", "sheriff", "комитет", "полицейский", "суд", "court",
}
ALLOWED_WORD_EXCEPTIONS = {"комитет": ["Родительский комитет"], "example": ["Example Bakery"]}

AUTHORITY_STEMS = [
    "безопасн", "безпек", "мошенн", "шахрай", "антифрод", "fraud", "security", "центробанк",
    "центральн", "банк россии", "банка россии", "bank of russia", "финмонитор", "финансов", "мониторинг",
    "фінмонітор", "полици", "поліці", "police", "министерство внутренних дел", "прокур",
    "prosecut", "госуслуг", "gosuslugi", "следств", "investigat", "ұлттық банк",
    "национальн", "національн", "нацбанк", "national bank", "central bank", "қауіпсіздік",
    "monitoring",
]
AUTHORITY_WORDS = {"цб", "фсб", "fsb", "мвд", "ск", "нбу", "сбу", "кнб", "ұқк", "аррфр",
                   "афм", "egov", "іім", "сб"}

MIXED_SCRIPT_WORD = re.compile(r"(?=\w*[a-zA-Z])(?=\w*[а-яА-ЯёЁіІїЇєЄ])\w+")


def check(hand, benign, authority, issuer):
    problems = []
    for line in benign:
        words = plain(line)
        squashed = words.replace(" ", "")
        hits = [st for st in BENIGN_FORBIDDEN_SQUASHED if st in squashed]
        hits += [st for st in BENIGN_FORBIDDEN_STEMS if st in words]
        hits += [ph for ph in BENIGN_FORBIDDEN_PHRASES if re.search(rf"\b{ph}\b", words)]
        hits += [w for w in words.split() if w in BENIGN_FORBIDDEN_WORDS and not any(
            line.startswith(ok) for ok in ALLOWED_WORD_EXCEPTIONS.get(w, []))]
        problems += [f"benign has {h!r}: {line}" for h in hits]
        if re.search(r"\d{4}", line):
            problems.append(f"benign looks like it carries a number: {line}")
        if any(unicodedata.category(c) in ("Cf", "Mn", "Cc") and c not in "\u200d\ufe0f"
               for c in line):
            problems.append(f"benign has an invisible or combining mark: {line!r}")
        if MIXED_SCRIPT_WORD.search(line):
            problems.append(f"benign mixes Latin and Cyrillic in a word: {line!r}")
    for line in authority:
        words = plain(line)
        if not (any(st in words for st in AUTHORITY_STEMS)
                or any(w in AUTHORITY_WORDS for w in words.split())):
            problems.append(f"authority line without an authority word: {line}")
        if "пример" in words or "example" in words:
            problems.append(f"authority line names the demo bank: {line}")
    # "и" may be written as the digit 1 ("Пр1мер"), which shapes as "l".
    cores = [re.compile(shape(c).replace("u", "[ul]"))
             for c in ISSUER_CORES_CYR + ISSUER_CORES_LAT + ["Пример Bank", "Example Банк"]]
    for line in issuer:
        if not any(c.search(shape(line)) for c in cores):
            problems.append(f"issuer line does not read as the bank: {line!r} -> {shape(line)}")
        words = plain(line)
        for st in ("безопасн", "security", "fraud", "мошенн", "полиц", "police", "антифрод"):
            if st in words:
                problems.append(f"issuer line also claims authority: {line!r}")
    overlap = set(benign) & (set(authority) | set(issuer))
    problems += [f"in both benign and fraud: {x}" for x in sorted(overlap)]
    if len(hand) < 400:
        problems.append(f"only {len(hand)} hand-written benign lines")
    if len(benign) < 5000:
        problems.append(f"only {len(benign)} benign lines")
    if len(authority) + len(issuer) < 300:
        problems.append(f"only {len(authority) + len(issuer)} fraud lines")
    return problems


def main():
    rng = random.Random(SEED)
    hand, benign, authority, issuer = build(rng)
    problems = check(hand, benign, authority, issuer)
    if problems:
        print("\n".join(problems[:50]), file=sys.stderr)
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "benign.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(x + "\n" for x in benign))
    with open(os.path.join(here, "fraud.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(f"authority\t{x}\n" for x in authority))
        f.write("".join(f"issuer\t{x}\n" for x in issuer))
    print(f"benign.txt: {len(benign)} lines ({len(hand)} hand-written); "
          f"fraud.tsv: {len(authority)} authority + {len(issuer)} issuer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
