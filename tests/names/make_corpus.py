#!/usr/bin/env python3
"""Display-name corpora for the name rules (claims_authority, name claims issuer).

Writes, next to this script:
  benign.txt  one display name per line that must never raise an alarm:
              people (RU/UA/KZ/EN, gendered surnames, patronymics, diminutives,
              Latin transliterations in several schemes), family and friends
              with emoji, flags, frames, handles, e-mails and digits, roles
              people save contacts as, businesses and services with their
              support lines in four languages, and near misses ("Банкетный
              зал", "Полина", "Bank holiday", "Example Bakery", "Поліклініка").
              At least BENIGN_MIN distinct lines; the part beyond the original
              5.6k comes from a second random stream (MORE_SEED), so fraud.tsv
              does not move when benign.txt grows.
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

Usage: python3 tests/names/make_corpus.py   (deterministic, a few seconds)
"""
import os
import random
import re
import sys
import unicodedata

SEED = 20250214
BENIGN_GENERATED = 5200  # people lines drawn from the name lists
BENIGN_MIN = 22000  # benign.txt must hold at least this many distinct lines

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
# More benign names (a second random stream, so fraud.tsv is untouched)
# --------------------------------------------------------------------------

MORE_SEED = SEED + 1
MORE_TARGETS = {"people": 5600, "latin": 3800, "english": 1600, "family": 4200,
                "business": 3600}

RU_MALE_MORE = """Альберт Арсен Артур Вениамин Герман Давид Демид Ефим Игнат Иннокентий Камиль
Клим Лука Мирон Назар Платон Прохор Ринат Рустам Савелий Святослав Тихон Эльдар Эмиль
Ян Гордей Елисей Родион Эрик Амир Марсель Ильдар Айдар Рамиль Тагир Салават""".split()
RU_FEMALE_MORE = """Агата Аделина Алиса Альбина Антонина Арина Белла Владислава Дина Ева
Есения Злата Инга Камилла Клавдия Лилия Майя Мирослава Нелли Регина Римма Роза Сабина
Серафима Стефания Стелла Фаина Элеонора Эмилия Ярослава Милена Марьяна Наиля Гузель
Алсу Лейла Диляра Эльмира""".split()
RU_SURNAMES_MORE = """Щукин Щеглов Цой Цыганов Жданов Ежов Хабибуллин Галиев Юсупов Гарипов
Закиров Валиев Сафин Нуриев Ким Пак Тен Хван Рыжов Чижов Кожевников Дьячков Лыков Зыков
Шубин Шувалов Ширяев Якушев Лапин Ларин Лобанов Мухин Мишин Пестов Рожков Сычёв
Третьяков Уткин Фокин Хромов Чистяков Шилов Шестаков Ярцев Чайкин Шишкин Журавлёв
Жилин Зимин Ежиков Щербинин Цветаев Чернов Шаповалов Гусейнов Мамедов Оганесян
Петросян Алиев Рахимов Каримов Шевцов Кравцов Зорин Чехов Гоголев Пушкарёв Лермонтов""".split()
UA_MALE_MORE = """Євген Григорій Тимофій Ілля Кирило Остап Данило Левко Мирослав Орест Зіновій
Всеволод Вадим Арсен Ростислав Устим Захар Семен""".split()
UA_FEMALE_MORE = """Євгенія Ярина Мілана Зоя Лілія Вероніка Василина Аліна Анастасія Злата
Маргарита Людмила Раїса Орися Стефанія Єлизавета Діана""".split()
UA_SURNAMES_MORE = """Ющенко Грищенко Тимошенко Зінченко Ковтун Сорока Гордієнко Лук'яненко
Остапчук Данильченко Пилипенко Кириленко Захарченко Лещенко Щербак Жук Осадчий Білик
Бондар Гавриленко Дячук Зайченко Максименко Нестеренко Онищенко Приходько Рибак Стасюк
Фесенко Хоменко Чорновол Шпак Юрченко Ярмоленко Цимбалюк Щербина Гуцул Вакуленко""".split()
KZ_MALE_MORE = """Абай Айбар Алибек Алмат Арыстан Бекзат Болат Даурен Ерасыл Жанибек
Ильяс Қайрат Мағжан Нұржан Рауан Санжар Темірлан Тимур Шыңғыс Ерназар Дулат Мирас""".split()
KZ_FEMALE_MORE = """Айару Аяна Әлия Балжан Гүлжан Дильназ Жазира Зарина Индира Карина
Ләззат Мөлдір Нұргүл Перизат Раушан Сабина Толғанай Ұлпан Шынар Әйгерім Дидар""".split()
KZ_SURNAMES_MORE = """Байтұрсынов Әбішев Жұмабеков Қасымов Нұрмағамбетов Сәрсенбаев Төлеуов
Ұзақов Шәріпов Мұхтаров Есімов Бекмұхамбетов Қожахметов Оразбаев Төлегенов Әлиев
Ибраев Кемелбеков Смағұлов Тоқаев Жақыпов Бөкейханов Сейфуллин Рысқұлов""".split()
KZ_PATRONYMICS_MORE = """Ерланұлы Серікұлы Маратұлы Болатұлы Қайратұлы Нұрланұлы""".split()

# Usual Latin spellings people type, several per name.
LATIN_FIRST_VARIANTS = {
    "Александр": "Alexander Aleksandr Aleksander Alexandr Alex Sasha Sanya Shura",
    "Алексей": "Alexey Aleksei Aleksey Alexei Alex Lyosha Lesha Alyosha",
    "Евгений": "Evgeny Evgenii Evgeniy Yevgeny Eugene Zhenya Jenya Zhenia",
    "Евгения": "Evgenia Evgeniia Yevgenia Eugenia Zhenya Jenya",
    "Юлия": "Yulia Julia Iuliia Yuliya Julija Yuliia Yulya Julya",
    "Юрий": "Yuri Yury Iurii Yuriy Jurij Yura",
    "Дмитрий": "Dmitry Dmitrii Dmitriy Dimitri Dima Dimon",
    "Сергей": "Sergey Sergei Sergii Serhiy Serge Seryozha Serezha",
    "Андрей": "Andrey Andrei Andrii Andriy Andrew Andryusha",
    "Наталья": "Natalia Natalya Nataliya Natalja Natasha Natascha",
    "Татьяна": "Tatiana Tatyana Tatjana Tetiana Tanya Tania",
    "Ксения": "Ksenia Kseniya Kseniia Xenia Ksusha Ksyusha",
    "Екатерина": "Ekaterina Yekaterina Katerina Kateryna Katya Katia Kate",
    "Мария": "Maria Mariya Mariia Masha Mascha Mary",
    "Анастасия": "Anastasia Anastasiya Anastasiia Nastya Nastia",
    "Ольга": "Olga Olha Olya Olia Olechka",
    "Наталия": "Nataliia Natalie Natali",
    "Николай": "Nikolay Nikolai Mykola Nick Kolya Kolia",
    "Михаил": "Mikhail Mihail Michael Mykhailo Misha Mischa",
    "Владимир": "Vladimir Volodymyr Wladimir Vova Volodya Volodia",
    "Виктор": "Viktor Victor Vitya Vitia",
    "Максим": "Maxim Maksim Maksym Max",
    "Артём": "Artem Artyom Artiom Tyoma Tema",
    "Илья": "Ilya Ilia Illia Ilja",
    "Фёдор": "Fedor Fyodor Fiodor Theodor Fedya",
    "Пётр": "Petr Pyotr Petro Peter Petya",
    "Елена": "Elena Yelena Olena Helen Lena",
    "Светлана": "Svetlana Svitlana Sveta Lana",
    "Ирина": "Irina Iryna Ira Irishka",
    "Дарья": "Daria Darya Dariia Dasha",
    "Алёна": "Alena Alyona Aliona Alyona",
    "Софья": "Sofia Sofiya Sophia Sonya Sonia",
    "Кирилл": "Kirill Kyrylo Kiryl Kiryusha",
    "Константин": "Konstantin Kostiantyn Constantine Kostya Kostia",
    "Вячеслав": "Vyacheslav Viacheslav Slava",
    "Ярослав": "Yaroslav Iaroslav Jaroslaw Yarik",
    "Ерлан": "Yerlan Erlan", "Нурлан": "Nurlan Nurik", "Айгерим": "Aigerim Aygerim",
    "Асель": "Assel Asel", "Жанар": "Zhanar Janar", "Бауыржан": "Bauyrzhan Baurzhan Bauka",
    "Данияр": "Daniyar Daniar", "Мадина": "Madina", "Динара": "Dinara", "Салтанат": "Saltanat",
    "Нұрсұлтан": "Nursultan", "Әсем": "Asem Assem", "Ержан": "Yerzhan Erzhan",
    "Гаухар": "Gaukhar Gauhar", "Меруерт": "Meruert", "Жансая": "Zhansaya Zhansaia",
    "Олександр": "Oleksandr Olexandr Sashko", "Олексій": "Oleksii Oleksiy Oleksij",
    "Тарас": "Taras", "Богдан": "Bohdan Bogdan", "Остап": "Ostap", "Соломія": "Solomiia Solomiya",
    "Оксана": "Oksana Oxana", "Галина": "Halyna Galina Galya", "Христина": "Khrystyna Kristina",
}
# Surnames with the letters that translit splits: щ, ц, ж, х, ё, й, ю, я.
LATIN_SURNAME_VARIANTS = {
    "Щукин": "Shchukin Schukin Shukin Chtchoukine", "Цой": "Tsoi Tsoy Coi Tsoj Choi",
    "Жуков": "Zhukov Jukov Schukow", "Хохлов": "Khokhlov Hohlov Chochlow",
    "Щербаков": "Shcherbakov Scherbakov Sherbakov", "Цветков": "Tsvetkov Cvetkov Zwetkow",
    "Юдин": "Yudin Iudin Judin", "Яковлев": "Yakovlev Iakovlev Jakowlew",
    "Соловьёв": "Solovyov Solovyev Soloviev Solovev", "Королёв": "Korolev Korolyov Koroliov",
    "Воробьёв": "Vorobyov Vorobiev Vorobev", "Журавлёв": "Zhuravlev Zhuravlyov Juravlev",
    "Шевченко": "Shevchenko Schewtschenko Chevtchenko", "Ткаченко": "Tkachenko Tkatschenko",
    "Ковальчук": "Kovalchuk Kowaltschuk", "Кравець": "Kravets Kravec",
    "Жумабаев": "Zhumabayev Zhumabaev Jumabaev", "Сүлейменов": "Suleimenov Suleymenov",
    "Құрманов": "Kurmanov Qurmanov", "Әбішев": "Abishev", "Нұрпейісов": "Nurpeisov Nurpeissov",
    "Ёлкин": "Yolkin Elkin Iolkin", "Хабибуллин": "Khabibullin Habibullin",
    "Чайковский": "Chaikovsky Tchaikovsky Chaykovskiy Tschaikowski",
}
# Transliteration schemes (per letter), the way people actually type them.
SCHEMES = {
    "passport": dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                         "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch ie y _ e iu ia i i ie g".split())),
    "popular": dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                        "a b v g d e yo zh z i y k l m n o p r s t u f h ts ch sh sch _ y _ e yu ya i yi ye g".split())),
    "casual": dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                       "a b v g d e e j z i y k l m n o p r s t u f h c ch sh sh _ i _ e yu ya i i e g".split())),
    "ukrainian": dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                          "a b v h d e e zh z y i k l m n o p r s t u f kh ts ch sh shch _ y _ e iu ia i i ie g".split())),
    "german": dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                       "a b w g d e jo sch s i j k l m n o p r s t u f ch z tsch sch schtsch _ y _ e ju ja i ji je g".split())),
}
KZ_LATIN = dict(zip("әғқңөұүһі", "a g k n o u u h i".split()))


def names_of(text):
    """Space-separated names; a no-break space keeps a name's words together."""
    return [n.replace("\u00a0", " ") for n in re.split("[ \n]+", text.strip())]


def translit_as(word, scheme):
    """A spelling of a Cyrillic word in one of SCHEMES (Kazakh letters folded)."""
    table = SCHEMES[scheme]
    low = word.lower()
    if scheme != "passport":
        low = re.sub("ий$", "iy" if scheme == "popular" else "y", low)
    out = "".join(KZ_LATIN.get(c) or table.get(c, c) for c in low).replace("_", "")
    if scheme == "passport":
        out = out.replace("'", "")
    out = out.replace("'", "")
    return out[:1].upper() + out[1:]


def latin_first(rng, name):
    v = LATIN_FIRST_VARIANTS.get(name)
    if v and rng.random() < 0.7:
        return rng.choice(v.split())
    return translit_as(name, rng.choice(sorted(SCHEMES)))


def latin_surname(rng, sur):
    v = LATIN_SURNAME_VARIANTS.get(sur)
    if v and rng.random() < 0.7:
        return rng.choice(v.split())
    return translit_as(sur, rng.choice(sorted(SCHEMES)))


RU_NICKNAMES = """Санёк Шурик Лёшка Андрюха Тоха Тёмыч Борька Вадя Валерчик Васёк Витёк
Вовчик Славик Генчик Гошан Гришаня Данька Димка Женёк Ванёк Игорёк Илюха Кирюха Костян
Лёнька Максик Мишаня Колян Пашка Петруха Ромка Серый Стасик Стёпка Тимоха Федька Юрец
Ярик Толик Эдик Жорик Сашуля Алёнушка Настюша Анечка Валюша Лерочка Викуся Галочка
Дашка Катька Катюшка Ленуся Лизонька Иришка Ксю Людочка Ритуля Маруся Надюша Натаха
Олька Полинка Светик Сонечка Танюха Юлечка Зинуля Варюша Кирочка Милочка Ниночка Верочка
Любаша Томочка Жанночка Инночка Светуля Олечка Наташенька Мусечка Лёлька""".split()
FRIEND_TAGS_RU = """подруга друг кума кум сестрёнка братан коллега соседка сосед
одногруппница одногруппник однокурсник однокурсница дружище тёзка крёстная""".split()
# Tags that say which of the two a friend is; the rest fit anyone.
FEMININE_TAGS = set("""подруга кума сестрёнка соседка одногруппница однокурсница крёстная
сусідка құрбым""".split())
MASCULINE_TAGS = set("друг кум братан сосед одногруппник однокурсник дружище сусід".split())


def tags_for(tags, g):
    return [t for t in tags if t not in (MASCULINE_TAGS if g == "f" else FEMININE_TAGS)]
CITIES_RU = """Москва Питер СПб Казань Екб Екатеринбург Новосибирск Самара Краснодар Сочи
Тюмень Пермь Уфа Омск Воронеж Ростов Нижний Калининград Владивосток Иркутск Томск Тула
Ярославль Анапа Крым Минск Тбилиси Ереван Анталья Дубай Турция Германия Прага Израиль""".split()
CITIES_UA = """Київ Львів Одеса Харків Дніпро Вінниця Полтава Житомир Черкаси Чернігів Суми
Запоріжжя Ужгород Луцьк Рівне Тернопіль Франківськ Варшава Краків Прага Берлін""".split()
CITIES_KZ = """Алматы Астана Шымкент Караганда Актобе Павлодар Өскемен Атырау Қостанай Тараз
Актау Семей Кокшетау Талдыкорган Туркестан Орал Петропавл Бишкек Ташкент""".split()
CONTEXTS_MORE = """маникюр ногти брови ресницы массаж стрижка шугаринг репетитор англ математика
музыка гитара вокал рисование садик школа универ колледж работа офис склад магазин
стройка ремонт дача гараж баня спортзал фитнес йога бассейн теннис волейбол футбол
хоккей бокс танцы зумба пилатес бег велик лыжи рыбалка охотники туризм поход лагерь
дети мамы садика родители чат дом подъезд соседи ЖК двор собака кошка ветеринар
няня такси доставка Авито Юла кроссовки мебель квартира аренда переезд свадьба
день рождения выпускной универ2 старый новый личный рабочий второй""".split()
CONTEXTS_UA_MORE = """манікюр брови масаж стрижка репетитор англійська музика садочок школа
робота офіс ремонт дача спортзал йога басейн футбол танці сусіди під'їзд собака
доставка оренда весілля новий старий робочий особистий""".split()
CONTEXTS_KZ_MORE = """жұмыс мектеп балабақша универ достар көрші туыс ауыл той маникюр
спортзал футбол тренер такси доставка пәтер жаңа ескі""".split()
EN_FIRST_MORE = """Aaron Adrian Aiden Alan Albert Andy Arthur Austin Billy Bobby Brandon
Brett Caleb Cameron Carl Connor Dan Danny Dean Dylan Ethan Evan Frank Fred Gavin Greg
Henry Ian Isaac Jake Jason Jeff Jeremy Jim Jimmy Jordan Josh Kyle Larry Leo Liam Logan
Lucas Marcus Martin Matt Max Nate Neil Noah Owen Patrick Phil Ray Rick Rob Ron Ross
Russell Seth Shawn Simon Stan Ted Terry Tim Toby Tony Travis Tyler Vince Wayne Zach
Abby Alice Alison Amber Andrea Angela Anne Becky Beth Brenda Brittany Caroline Cathy
Charlotte Christina Claire Courtney Dana Debbie Diana Ella Ellie Erin Eva Fiona Gemma
Georgia Heather Helen Holly Isabel Jackie Jane Janet Jen Jenny Jill Joanna Julie Katie
Kelly Kim Kirsty Leah Lily Lindsay Lucy Maddie Maggie Mandy Maria Meg Mia Molly Natalie
Nicole Nikki Paula Penny Rose Ruby Ruth Sally Sam Sara Sophia Stacy Tara Tina Tracy
Vicky Wendy Zoe""".split()
EN_SURNAMES_MORE = """Abbott Atkinson Barker Barnes Bishop Black Blake Booth Bradley Burke
Burton Butler Chapman Clarke Cole Cunningham Dixon Doyle Duncan Ellis Ferguson Fleming
Fletcher Ford Foster Fox Gardner Gibson Gordon Graham Grant Hall Hamilton Harper Hart
Hayes Henderson Holmes Hopkins Hudson Hunter Jenkins Johnston Jordan Kennedy Knight Lane
Lawrence Lloyd Marsh Mason Matthews McCarthy Mills Morgan Murray Newman Owen Payne
Pearson Perry Porter Powell Quinn Reid Reynolds Rice Riley Robertson Russell Ryan
Saunders Shaw Simpson Spencer Stevens Stone Sullivan Thornton Tucker Walsh Warren
Webb Wells West Wheeler Wong Nguyen Kowalski Schmidt Muller Rossi Silva Costa
Novak Ivanova Petrov O'Connor O'Neill MacLeod""".split()
EN_NICK_TAGS = """work gym school uni college office neighbor neighbour soccer mom football dad
yoga church choir band book club running club tennis golf hiking climbing dog park
landlord roommate flatmate old phone new number UK US home cousin babysitter carpool
PTA swim team""".split()

# Family and friends: what a phone shows, decorations included.
FAMILY_BASES_RU = [x.strip() for x in """Мама, Мамочка, Мамуля, Мамулька, Мамусик, Папа, Папочка,
Папуля, Папка, Батя, Бабушка, Бабуля, Бабуся, Бабулечка, Дедушка, Дедуля, Деда, Муж, Мой мужчина,
Муженёк, Жена, Жёнушка, Сын, Сынок, Сыночка, Сынуля, Дочка, Доча, Доченька, Дочуля, Брат, Братик,
Братишка, Брательник, Сестра, Сестрёнка, Систер, Сеструля, Тётя, Тётушка, Дядя, Дядюшка, Крёстная,
Крёстный, Кума, Кум, Свекровь, Тёща, Тесть, Свёкор, Зять, Невестка, Племяшка, Внучка, Внучок, Внук,
Любимый, Любимая, Милый, Милая, Родной, Родная, Зайка, Зая, Котик, Котёнок, Солнце, Солнышко, Малыш,
Малышка, Пупсик, Лапочка, Рыбка, Принцесса, Мой, Моя, Подруга, Подружка, Лучшая подруга, Бро,
Братуха, Дружище, Тётя Люба, Тётя Валя, Тётя Нина, Дядя Коля, Дядя Толя, Дядя Витя, Бабушка Маша,
Дедушка Ваня, Мама Лена, Мама Оля, Папа Саша, Папа Серёжа, Мама рабочий, Мама дача, Папа новый""".split(",")]
FAMILY_BASES_UA = """Мама Матуся Мамуся Тато Татусь Батько Бабуся Бабця Дідусь Дідо Чоловік
Дружина Син Синочок Донька Доця Донечка Брат Братик Сестра Сестричка Тітка Дядько
Хрещена Хрещений Кума Кум Свекруха Теща Коханий Кохана Сонечко Зайчик Котик Рідна Рідний
Онук Онучка Племінник Племінниця""".split()
FAMILY_BASES_KZ = [x.strip() for x in """Апа, Апашка, Апажан, Анам, Анашым, Әке, Әкем, Папа, Әже,
Әжем, Әжетай, Ата, Атам, Атажан, Аға, Ағам, Ағатай, Әпке, Әпкем, Қарындас, Қарындасым, Сіңлім,
Інім, Бауырым, Жаным, Жаным менің, Күйеуім, Жұбайым, Ұлым, Қызым, Балам, Нағашы, Нағашы апа,
Нағашы ата, Жеңеше, Жезде, Құдағи, Құда, Келін, Апай, Тәте, Көке, Досым, Құрбым""".split(",")]
FAMILY_BASES_EN = [x.strip() for x in """Mom, Mommy, Mum, Mummy, Mother, Mama, Ma, Dad, Daddy, Papa,
Pops, Father, Grandma, Granny, Gran, Nana, Nanna, Grandpa, Gramps, Pop, Poppy, Hubby, Husband, Wife,
Wifey, Babe, Baby, Honey, Hun, Love, My love, Sweetheart, Bae, Sis, Sister, Big sis, Little sis, Bro,
Brother, Big bro, Lil bro, Son, Daughter, Auntie, Aunt, Uncle, Cousin, Bestie, BFF, Best friend,
Stepmom, Stepdad, Mother in law, Father in law, Godmother, Godfather, Nephew, Niece, Grandson,
Granddaughter""".split(",")]
HEARTS = "❤️ 💖 💕 💗 💓 💞 💘 💝 💜 💙 💚 💛 🧡 🤍 🖤 🤎 ♥️ ❣️ 💋 😘 🥰 😍".split()
CUTE = "🌸 🌷 🌹 🌺 🌻 🌼 🌿 🍀 🐰 🐱 🐶 🐻 🐼 🦊 🦋 🐝 ☀️ 🌞 🌙 ⭐ 🌟 ✨ 💫 👑 💍 🎀 🍓 🍒 🍑 🥑 🍕 ☕ 🎂 🎁 👵 👴 👩 👨 👧 👦 👶 🤱 💅 💄 💪 ⚽ 🏀 🎸 🎮 🚗 🏠 🏡 🌊 🏖️ 🏔️ ✈️ 🙏 👍 😎 🤓 😇 🤗 😂 🔥 💯".split()
FLAGS = "🇷🇺 🇺🇦 🇰🇿 🇧🇾 🇺🇿 🇰🇬 🇬🇪 🇦🇲 🇦🇿 🇹🇷 🇺🇸 🇬🇧 🇩🇪 🇫🇷 🇮🇹 🇪🇸 🇵🇱 🇨🇿 🇮🇱 🇦🇪 🇹🇭 🇨🇾 🇲🇪 🇷🇸 🇫🇮 🇱🇻 🇱🇹 🇪🇪 🇨🇦".split()
FRAMES = ["★ {} ★", "☆{}☆", "~{}~", "~ {} ~", "*{}*", "✿ {} ✿", "♡ {} ♡", "♥ {} ♥", "-{}-",
          "• {} •", "«{}»", "[{}]", "{} !!!", "{} :)", "{})", "{} :-)", "{} ^_^", "✨{}✨",
          "{} ✌️", "༺{}༻", "彡{}彡", "°{}°", "={}=", "{}!!", "_{}_", "{} ♪", "♪ {} ♪"]
EMAIL_DOMAINS = """mail.ru yandex.ru ya.ru gmail.com inbox.ru list.ru bk.ru rambler.ru icloud.com
outlook.com hotmail.com yahoo.com ukr.net i.ua meta.ua mail.kz inbox.kz proton.me""".split()

# Businesses and services, by language: kind -> names that suit it.
SHOPS_RU = {
    "Кафе": "Ромашка Уют Встреча Берёзка Лира Каприз Весна Шоколад Пельменная Хинкальная Вареничная Блинная Чайхана Самовар Огонёк Old\u00a0Town Бульвар Дружба",
    "Ресторан": "Виктория Меридиан Династия Олимп Жемчужина Эдельвейс Сказка Арарат Тбилиси Хачапури Белуга Причал Баку Веранда Дача Шинок",
    "Пиццерия": "Марио Италия Белла Пепперони Челентано Наполи Папа\u00a0Карло Маргарита Тесто",
    "Суши-бар": "Ичибан Сакура Токио Самурай Васаби Ниндзя Якудза Фудзи",
    "Шаурма": "на\u00a0углу у\u00a0метро Халал Восток Кебаб Мангал",
    "Салон красоты": "Шарм Престиж Гармония Орхидея Лотос Каприз Виктория Афродита Клеопатра Мадонна Стиль Имидж Бьюти Афина Ева Лилия Жасмин",
    "Стоматология": "Улыбка Дента Жемчужина Денталия Мегадент Зубная\u00a0фея Белый\u00a0зуб Дентал\u00a0Про Стома Доктор\u00a0Зуб Семейная",
    "Клиника": "Здоровье Семья Медлайн Доктор Мать\u00a0и\u00a0дитя Медицина Пульс Авиценна Гиппократ Будь\u00a0здоров Евромед Альтермед",
    "Медцентр": "Здоровье Пульс Авиценна Гиппократ Семейный Мединцентр Лечебный\u00a0центр Медэкспресс",
    "Аптека": "Ригла Горздрав Апрель 36,6 Столички Вита Планета\u00a0здоровья Фармленд Мелодия\u00a0здоровья на\u00a0Садовой у\u00a0дома Невис Будь\u00a0здоров Озерки",
    "Цветы": "Флора Ромашка Орхидея Лотос Эдельвейс Весна Букетик Цветочная\u00a0лавка Флористика Розы\u00a0оптом",
    "Автосервис": "Мотор Феникс Олимп Меридиан Форсаж Гараж Автодок Автомастер Пит-стоп Поршень Колесо Драйв",
    "СТО": "Мотор Гараж Пит-стоп Форсаж Драйв Автомастер на\u00a0Промышленной",
    "Шиномонтаж": "24 Колесо Резина Пит-стоп на\u00a0трассе",
    "Автомойка": "Чистая\u00a0машина Блеск Aqua Самообслуживание Мой-ка",
    "Пекарня": "Хлебница Колосок Каравай Пышка Берёзка Булочная Хлебный\u00a0дом Французская Батон",
    "Кофейня": "Зёрна Кофеин Арабика Лира Уют Бариста Кофе\u00a0с\u00a0собой Чашка Капучино Шоколадница",
    "Кондитерская": "Сластёна Пирожное Тортики Зефирка Карамель Эклер Медовик",
    "Фитнес-клуб": "Олимп Феникс Атлант Спарта Юность Гармония Фитнес\u00a0Хаус Сила Энергия Титан",
    "Ветклиника": "Айболит Верный\u00a0друг Зоодоктор Феникс Четыре\u00a0лапы Бетховен Ветдоктор Лапа",
    "Зоомагазин": "Четыре\u00a0лапы Бетховен Зоомир Хвостики Лапа Котопёс",
    "Детский сад": "Солнышко Ромашка Радуга Ласточка Сказка Теремок Колокольчик Непоседы Малыш Звёздочка Берёзка Светлячок",
    "Школа": "№5 №12 №57 №1 №146 №32 №18 Интеллект Перспектива Лидер",
    "Гимназия": "№1 №2 №5 №11 №44 Школа\u00a0Радуга",
    "Магазин": "Радуга Весна Ромашка Берёзка Мечта Теремок Продукты Хозтовары Копеечка Домашний Для\u00a0вас",
    "Химчистка": "Диана Снежинка Чистюля Лотос Белоснежка Чистый\u00a0дом",
    "Ателье": "Каприз Виктория Шарм Модница Иголочка Нитка Портной Стиль",
    "Гостиница": "Москва Волга Турист Уют Берёзка Славянская Азимут Ривьера Гранд Сказка",
    "Отель": "Гранд Ривьера Азимут Олимп Виктория Park Плаза Бриз Морской Калипсо",
    "Агентство недвижимости": "Дом Этажи Квартал Новосёл Мой\u00a0дом Адрес Ключ Этажи\u00a0Центр",
    "Автошкола": "Светофор Форсаж Драйв Автолайн Старт Вираж Права",
    "Языковая школа": "Полиглот Speak\u00a0Up Lingua Английский\u00a0клуб Hello",
    "Танцевальная студия": "Грация Ритм Стиль Dance\u00a0Life Пируэт",
    "Барбершоп": "Борода Чемодан Frisor TopGun Бритва OldBoy",
    "Студия маникюра": "Лак Ноготок Пилочка Nail\u00a0Room Beauty\u00a0Lab",
    "Доставка": "суши пиццы цветов воды продуктов шаров обедов Еда\u00a0на\u00a0дом Самокат",
    "Такси": "Максим Везёт Сатурн Город Лидер Эконом Трансфер Форсаж Пятёрочка Шанс 777",
    "Грузоперевозки": "Газель Переезд Мувинг Грузчики Перевозчик",
}
SERVICE_RU = [x.strip() for x in """Сантехник, Электрик, Мастер на час, Муж на час, Плиточник,
Маляр, Штукатур, Сварщик, Кровельщик, Мастер по окнам, Мастер по дверям, Мастер по кондиционерам,
Ремонт холодильников, Ремонт стиральных машин, Ремонт ноутбуков, Ремонт телефонов, Ремонт обуви,
Ремонт часов, Мебельщик, Сборщик мебели, Ключник, Стекольщик, Печник, Трубочист, Колодцы, Септик,
Бурение скважин, Вывоз мусора, Клининг, Мойка окон, Химчистка мебели, Дезинсекция, Садовник,
Ландшафтный дизайнер, Грузчики, Эвакуатор, Автоэлектрик, Кузовщик, Шиномонтаж, Репетитор, Логопед,
Психолог, Массажист, Косметолог, Нутрициолог, Фотограф, Видеограф, Тамада, Аниматор, Няня, Сиделка,
Домработница, Повар, Кондитер, Торты на заказ, Кейтеринг, Диспетчер такси, Оператор такси, Курьер,
Курьер СДЭК, Курьер Ozon, Курьер WB, Доставщик, Грузовое такси""".split(",")]
HOUSING = [x.strip() for x in """УК, ЖЭК, ТСЖ, ЖСК, РЭУ, ДЕЗ, Диспетчерская, Аварийка,
Управляющая компания, Домоуправление, Председатель ТСЖ, Совет дома, Старшая по дому, Консьерж,
Вахта, Охрана ЖК, Шлагбаум, Домофон, Лифтовая служба, Мастер участка, Паспортистка""".split(",")]
HOUSING_NAMES = names_of("""Комфорт Жилкомсервис Наш\u00a0дом Уют Северный Южный Солнечный Сити Парк
Новый\u00a0квартал Радуга Мой\u00a0дом Жилсервис Дом\u00a0на\u00a0Лесной Квартал Лесной Гармония""")
SUPPORT_RU = ["Служба доставки", "Служба поддержки", "Поддержка", "Горячая линия",
              "Колл-центр", "Call-центр", "Оператор", "Менеджер", "Консультант", "Курьер",
              "Пункт выдачи", "Отдел продаж", "Диспетчер", "Администратор", "Доставка"]
SUPPORT_BRANDS = names_of("""Ozon Wildberries WB Яндекс\u00a0Маркет Яндекс\u00a0Еда Яндекс\u00a0Такси Lamoda Авито
СДЭК Самокат ВкусВилл Пятёрочка Магнит Перекрёсток Лента Ашан Купер Delivery\u00a0Club
Ситилинк DNS М.Видео Эльдорадо Леруа ИКЕА Hoff Спортмастер Золотое\u00a0яблоко Л'Этуаль
Додо\u00a0Пицца Тануки Boxberry DPD Ростелеком Билайн МегаФон Tele2 Йота Домру Аэрофлот
Победа S7 РЖД Туту Aviasales Островок Суточно Циан Ситимобил inDrive Uber
Gett Ozon\u00a0Fresh Мегамаркет AliExpress Joom Детский\u00a0мир""")
SHOPS_UA = {
    "Аптека": "АНЦ Доброго\u00a0Дня Подорожник Бажаємо\u00a0здоров'я 911 Копійка Знахар",
    "Стоматологія": "Посмішка Дента Усмішка Білий\u00a0зуб Дентал\u00a0Люкс Перлина",
    "Клініка": "Добробут Борис Медікам Into-Sana Здоров'я Сімейна",
    "Перукарня": "Лілея Шарм Стиль Ґрація Жасмин Віола",
    "Салон краси": "Шарм Афродіта Орхідея Лотос Гармонія Каприз Віола",
    "Кав'ярня": "Аромакава Львівська Кава\u00a0з\u00a0собою Зерно Світ\u00a0кави",
    "Піцерія": "Челентано Маріо Наполі Італія Піца\u00a0Мія",
    "Ресторан": "Пузата\u00a0Хата Корчма Шинок Оселя Дiдова\u00a0хата Гетьман",
    "Пекарня": "Хлібна\u00a0хата Колосок Паляниця Булочна Круасан",
    "Квіти": "Флора Букет Ромашка Троянда Лаванда",
    "СТО": "Мотор Гараж Автодок Форсаж Драйв",
    "Автомийка": "Блиск Чиста\u00a0машина Aqua",
    "Таксі": "Uklon Bolt 838 Оптимальне Економ Лідер",
    "Дитячий садок": "Сонечко Ромашка Веселка Казка Ластівка Дзвіночок Теремок",
    "Школа": "№52 №1 №17 №200 №5 №33",
    "Гімназія": "№1 №153 №48 Консул",
    "Ліцей": "№100 №7 Інтелект Лідер",
    "Готель": "Дніпро Україна Турист Затишок Оселя Бриз",
    "Ветклініка": "Айболить Вірний\u00a0друг Зоолікар Чотири\u00a0лапи",
    "Фітнес-клуб": "Sport\u00a0Life Олімп Атлант Спарта",
    "ОСББ": "Затишок Наш\u00a0дім Сонячний Злагода Оселя Березка Прогрес",
    "Агенція нерухомості": "Дім Оселя Ключ Нова\u00a0адреса Квартал",
    "Хімчистка": "Сніжинка Чистюля Лотос Чистий\u00a0дім",
    "Доставка": "піци суші води квітів обідів продуктів",
    "Магазин": "Сільпо АТБ Фора Новус Епіцентр Продукти Господар Копійка",
}
SERVICE_UA = [x.strip() for x in """Сантехнік, Електрик, Майстер на годину, Плиточник, Маляр,
Зварювальник, Майстер по вікнах, Ремонт холодильників, Ремонт пральних машин, Ремонт телефонів,
Ремонт взуття, Збирання меблів, Вивіз сміття, Прибирання, Садівник, Вантажники, Евакуатор,
Репетитор, Логопед, Психолог, Масажист, Косметолог, Фотограф, Няня, Доглядальниця, Кондитер,
Торти на замовлення, Кур'єр, Кур'єр Нова Пошта, Диспетчер таксі, Оператор таксі""".split(",")]
SUPPORT_UA = ["Служба доставки", "Служба підтримки", "Підтримка", "Гаряча лінія", "Оператор",
              "Менеджер", "Консультант", "Кур'єр", "Кол-центр", "Відділення", "Поштомат"]
SUPPORT_BRANDS_UA = names_of("""Нова\u00a0Пошта Meest Rozetka Prom.ua OLX Comfy Фокстрот Епіцентр Сільпо
АТБ Glovo Bolt\u00a0Food Uklon Київстар lifecell Vodafone Укртелеком Kasta Eva Watsons
Аптека\u00a0АНЦ Intertop Citrus Алло Moyo""")
SHOPS_KZ = {
    "Дәріхана": "Europharma Biosfera Садыхан Мейірім Дәрігер №5 №12",
    "Емхана": "№5 №1 №12 №24 №17 Отбасы",
    "Тіс емханасы": "Ақ\u00a0тіс Күлкі Дента Смайл Дентал\u00a0Про",
    "Балабақша": "Айгөлек Балапан Қарлығаш Күншуақ Ертегі Нұрлы Болашақ Бөбек",
    "Мектеп": "№15 №1 №54 №120 №8 №33",
    "Шаштараз": "Айгүл Сұлу Шарм Стиль Мөлдір",
    "Сұлулық салоны": "Сұлу Ару Шарм Жасмин Лотос Айару",
    "Асхана": "Береке Дастархан Ақ\u00a0бидай Достық Шаңырақ",
    "Дүкен": "Береке Айсұлу Ақниет Жұлдыз Мерей Нұр Бақыт",
    "Мейрамхана": "Нават Алаша Шаңырақ Дастархан Бақыт Тұмар",
    "Той залы": "Алтын Шаңырақ Жұлдыз Мерей Бақыт Әсем Айсұлу",
    "Қонақ үй": "Астана Алматы Тұран Жібек\u00a0жолы Достық",
    "Такси": "Эконом Лидер Жолаушы 555 Дархан",
    "КСК": "Береке Достық Жұлдыз Самал Мерей Нұр Шұғыла",
    "ОСИ": "Береке Достық Жұлдыз Самал Мерей Нұр",
    "Автосервис": "Мотор Гараж Автодок Жол Көлік",
    "Фитнес клуб": "Invictus Alma\u00a0Fitness Сапар Спарта Тұлпар",
    "Кофехана": "Coffee\u00a0Boom Кофеин Дәмді Зерно",
    "Гүлдер": "Флора Раушан Қызғалдақ Букет",
    "Жеткізу": "су пицца суши гүл тамақ",
}
SERVICE_KZ = [x.strip() for x in """Сантехник, Электрик, Шебер, Жөндеу, Көлік жөндеу,
Тазалау қызметі, Жүк тасымалы, Жүргізуші, Курьер, Репетитор, Мұғалім, Тәрбиеші, Дәрігер,
Массажист, Фотограф, Тамада, Асаба""".split(",")]
SUPPORT_KZ = ["Қолдау қызметі", "Жеткізу қызметі", "Байланыс орталығы", "Оператор",
              "Менеджер", "Курьер", "Служба доставки", "Поддержка"]
SUPPORT_BRANDS_KZ = names_of("""Wolt Glovo Yandex\u00a0Go Arbuz.kz Magnum Small Galmart Технодом Sulpak
Mechta.kz Kcell Beeline\u00a0KZ Activ Tele2\u00a0KZ Air\u00a0Astana SCAT FlyArystan Chocofood
Kolesa.kz Krisha.kz OLX.kz Europharma Biosfera Meloman Marwin Flip.kz inDrive""")
SHOPS_EN = {
    "Dental": "Bright\u00a0Smile City Family Oak\u00a0Hill Riverside Sunshine Smile\u00a0Studio Park\u00a0Avenue",
    "Pizza": "Pronto Mario's Luigi's Tony's Papa's Napoli Slice\u00a0House Corner",
    "Cafe": "Sunrise Corner Blue\u00a0Door Little Green Maple Garden Daily\u00a0Grind",
    "Bakery": "Sweet Golden\u00a0Crust Village Morning Flour\u00a0Power Rise\u00a0&\u00a0Shine",
    "Plumbing": "Joe's Ace Reliable Quick\u00a0Fix Rapid City A1",
    "Auto Repair": "Midtown Joe's Speedy Precision Main\u00a0Street Eastside",
    "Cleaning": "Sparkle Fresh\u00a0Start Maid\u00a0Easy Shine Spotless",
    "Nails": "Happy Luxe Glam Polished Pink",
    "Barbers": "Top\u00a0Cuts Classic Sharp Old\u00a0School Fade\u00a0House",
    "Pharmacy": "Riverside Boots Main\u00a0Street Family Corner Green\u00a0Cross",
    "Daycare": "Sunrise Little\u00a0Stars Happy\u00a0Kids Rainbow Tiny\u00a0Steps",
    "Florist": "Rainbow Bloom Rose\u00a0Garden Petals Daisy",
    "Fitness": "Planet Anytime Iron CrossFit Core Peak",
    "Realty": "Keller\u00a0Williams Sunset Coastal Home\u00a0Sweet\u00a0Home Century",
    "Vet": "Happy\u00a0Paws Animal\u00a0Care Pet\u00a0Doctor Healthy\u00a0Pets",
    "Dry Cleaners": "Main\u00a0Street Quick Express Crystal",
    "Tutoring": "Bright\u00a0Minds Smart\u00a0Kids Kumon Math\u00a0Whiz",
    "Taxi": "Yellow\u00a0Cab City Airport Star Green",
    "Movers": "Two\u00a0Men\u00a0and\u00a0a\u00a0Truck Easy Swift Big\u00a0Blue",
    "Hotel": "Hilton\u00a0Garden Holiday\u00a0Inn Grand Seaside Premier",
    "Yoga": "Lotus Zen Flow Namaste Bodhi",
}
SUPPORT_EN = ["Customer Care", "Customer Service", "Support", "Help Desk", "Hotline",
              "Delivery", "Courier", "Reception", "Front Desk", "Booking", "Orders", "Sales"]
SUPPORT_BRANDS_EN = names_of("""Zara H&M IKEA Amazon eBay Booking.com Airbnb Uber Bolt Deliveroo DoorDash
Uber\u00a0Eats DHL FedEx UPS Tesco Walmart Target Apple Samsung Xiaomi Nike Adidas Decathlon
Spotify Netflix Pizza\u00a0Hut Domino's Papa\u00a0John's KFC Ryanair Wizz\u00a0Air Turkish\u00a0Airlines
Emirates Expedia Etsy Shein Temu""")

NEAR_MISS_MORE = """Bank holiday party
Bank holiday BBQ
Bank holiday plans
Bank holiday Monday
Bank holiday trip
Банк крови
Банк крови №1
Городской банк крови
Донорский банк крови
Food bank
Food bank volunteers
Local food bank
Church food bank
Blood bank
Blood bank donor line
City blood bank
Piggy bank
Piggy bank savings club
Банкетный зал Рояль
Банкетный зал Созвездие
Банкетный зал Берёзка
Банкетный зал Олимп
Банкет-холл Версаль
Банкетная служба
Банкетный менеджер Ольга
Банкетная зона Уют
Банкет на юбилей
Банкин Олег
Банкина Алла
Ольга Банкина
Пётр Банков
Иван Банков
Банникова Света
Bankova Olga
Dima Bankin
Полина Сергеевна
Полина йога
Полина маникюр
Полина соседка
Полинка 🌸
Поля ❤️
Polina
Polina work
Polya
Поліна Іванівна
Поліклініка №2
Поліклініка дитяча
Поліклініка на Печерську
Поликлиника №7
Поликлиника детская
Поликлиника на Лесной
Полиграф Принт
Полиграфия Формат
Полимер-Пласт
Поливочные системы
Полировка авто
Прокат лыж
Прокат платьев
Прокат самокатов
Прокопьев Андрей
Прокофьев Иван
Прокопенко Олег
Прохоров Дима
Сбитнева Оля
Сбоева Наташа
Цыбульская Ира
Цыбин Рома
Мвдовина? 
Example Bakery
Example Bakery Lviv
Банька у Тимура
Баня на дровах
Бани Сандуны
Сандуны
Банщик Володя
Банан Маркет
Банановая республика
Бандероль
Бандана Шоп
Бант и Ко
Бантик

Центр танца Поля
Поле чудес
Поляна
Полянка кафе
Охотник Саня
Стражник? 
Полкан
Secret Santa
Savings club
Riverbank Café
Bankside Gallery
Ivan Bankov work
Emily Banks school""".splitlines()
NEAR_MISS_MORE = [x for x in NEAR_MISS_MORE if x.strip() and "?" not in x]


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


def more_people(rng):
    """Russian, Ukrainian and Kazakh people in Cyrillic, in the shapes phones store them."""
    sets = [
        (0.55, RU_MALE + RU_MALE_MORE, RU_FEMALE + RU_FEMALE_MORE, RU_SURNAMES + RU_SURNAMES_MORE,
         RU_PATRONYMICS, fem_patronymic, RU_DIMINUTIVES + [(n, "m" if i < 30 else "f")
                                                          for i, n in enumerate(RU_NICKNAMES)],
         RU_CONTEXTS + CONTEXTS_MORE, CITIES_RU, FRIEND_TAGS_RU),
        (0.23, UA_MALE + UA_MALE_MORE, UA_FEMALE + UA_FEMALE_MORE, UA_SURNAMES + UA_SURNAMES_MORE,
         UA_PATRONYMICS, ua_fem_patronymic, UA_DIMINUTIVES, UA_CONTEXTS + CONTEXTS_UA_MORE,
         CITIES_UA, "подруга друг кума кум сусідка сусід колега".split()),
        (0.22, KZ_MALE + KZ_MALE_MORE, KZ_FEMALE + KZ_FEMALE_MORE, KZ_SURNAMES + KZ_SURNAMES_MORE,
         KZ_PATRONYMICS, fem_patronymic, KZ_DIMINUTIVES, KZ_CONTEXTS + CONTEXTS_KZ_MORE,
         CITIES_KZ, "досым құрбым көрші әріптес подруга коллега".split()),
    ]
    x, acc = rng.random(), 0.0
    for w, male, female, surnames, patr, fem_patr, dims, contexts, cities, tags in sets:
        acc += w
        if x < acc:
            break
    g = rng.choice("mf")
    first = rng.choice(male if g == "m" else female)
    sur = rng.choice(surnames)
    sur = sur if g == "m" else feminine_surname(sur)
    if patr is KZ_PATRONYMICS and rng.random() < 0.3:
        p = rng.choice(KZ_PATRONYMICS_MORE)
        p = p if g == "m" else p[:-3] + "қызы"
    else:
        p = rng.choice(patr)
        p = p if g == "m" else fem_patr(p)
    dim = rng.choice([d for d, dg in dims if dg == g] or [first])
    r = rng.random()
    if r < 0.22:
        s = rng.choice([f"{first} {sur}", f"{sur} {first}"])
    elif r < 0.32:
        s = rng.choice([f"{sur} {first} {p}", f"{first} {p}", f"{first} {p} {sur}"])
    elif r < 0.44:
        s = rng.choice([f"{dim} {sur}", f"{dim} {sur[0]}.", f"{sur} {dim}"])
    elif r < 0.60:
        ctx = rng.choice(contexts)
        s = rng.choice([f"{dim} {ctx}", f"{dim} ({ctx})", f"{first} {ctx}", f"{dim} - {ctx}",
                        f"{first} {sur} {ctx}", f"{dim} {sur[0]}. {ctx}"])
    elif r < 0.72:
        city = rng.choice(cities)
        s = rng.choice([f"{first} {city}", f"{dim} {city}", f"{dim} ({city})",
                        f"{first} {sur} {city}"])
    elif r < 0.82:
        tag = rng.choice(tags_for(tags, g))
        s = rng.choice([f"{dim} {tag}", f"{tag.capitalize()} {dim}", f"{first} {tag}"])
    elif r < 0.88:
        s = rng.choice([f"{sur.upper()} {first}", f"{first.lower()} {sur.lower()}",
                        f"{dim.lower()}", f"{sur} {first[0]}. {p[0]}."])
    elif r < 0.94:
        n = rng.choice([2, 3, "2", "новый", "новая" if g == "f" else "новый", str(rng.randint(1, 99)),
                        str(rng.randint(1965, 2012))])
        s = f"{rng.choice([dim, first])} {n}"
    else:
        role_, rg = rng.choice(RU_ROLES)
        s = f"{dim} {role_.lower()}" if not rg or rg == g else f"{first} {sur}"
    return s


def more_latin(rng):
    """Russian, Ukrainian, Kazakh names typed in Latin letters, several schemes."""
    pools = [(RU_MALE + RU_MALE_MORE, RU_FEMALE + RU_FEMALE_MORE, RU_SURNAMES + RU_SURNAMES_MORE),
             (UA_MALE + UA_MALE_MORE, UA_FEMALE + UA_FEMALE_MORE, UA_SURNAMES + UA_SURNAMES_MORE),
             (KZ_MALE + KZ_MALE_MORE, KZ_FEMALE + KZ_FEMALE_MORE, KZ_SURNAMES + KZ_SURNAMES_MORE)]
    male, female, surnames = pools[0 if rng.random() < 0.55 else rng.choice([1, 2])]
    g = rng.choice("mf")
    if rng.random() < 0.35:
        first = rng.choice(sorted(LATIN_FIRST_VARIANTS))
        sur = rng.choice(sorted(LATIN_SURNAME_VARIANTS) + surnames)
    else:
        first = rng.choice(male if g == "m" else female)
        sur = rng.choice(surnames)
    fem = first.endswith(("а", "я")) or first in KZ_FEMALE + KZ_FEMALE_MORE + ["Асель", "Әсем",
                                                                              "Айгерим", "Жанар"]
    f_lat = latin_first(rng, first)
    if sur in LATIN_SURNAME_VARIANTS:
        s_lat = latin_surname(rng, sur)
        if fem and re.search("(ov|ev|in|yov|iov|ow|ew)$", s_lat):
            s_lat += "a"
        elif fem and s_lat.endswith(("sky", "skiy", "ski")):
            s_lat = translit_as(feminine_surname(sur), rng.choice(sorted(SCHEMES)))
    else:
        s_lat = translit_as(feminine_surname(sur) if fem else sur, rng.choice(sorted(SCHEMES)))
    # a short form of the same person: one of the name's usual spellings, or a
    # transliterated diminutive of the same gender
    if first in LATIN_FIRST_VARIANTS:
        dim = rng.choice(LATIN_FIRST_VARIANTS[first].split())
    else:
        dims = [d for d, g in RU_DIMINUTIVES + UA_DIMINUTIVES + KZ_DIMINUTIVES
                if g == ("f" if fem else "m")]
        dim = translit_as(rng.choice(dims), rng.choice(["popular", "casual", "passport"]))
    r = rng.random()
    if r < 0.35:
        return rng.choice([f"{f_lat} {s_lat}", f"{s_lat} {f_lat}"])
    if r < 0.45:
        return rng.choice([f"{f_lat} {s_lat[0]}.", f"{dim} {s_lat[0]}.", f"{dim} {s_lat}"])
    if r < 0.60:
        ctx = rng.choice(EN_CONTEXTS + EN_NICK_TAGS + ["rabota", "dacha", "sosed", "sosedka",
                                                        "kuma", "remont", "manikur", "trener"])
        return rng.choice([f"{dim} {ctx}", f"{f_lat} {ctx}", f"{dim} ({ctx})",
                           f"{f_lat} {s_lat} {ctx}"])
    if r < 0.70:
        city = rng.choice(["Moscow", "Msk", "Spb", "Piter", "Kyiv", "Kiev", "Lviv", "Odessa",
                           "Almaty", "Astana", "Shymkent", "Karaganda", "Minsk", "Berlin",
                           "London", "Dubai", "Tbilisi", "Warsaw", "Prague", "Riga"])
        return rng.choice([f"{f_lat} {city}", f"{dim} {city}", f"{f_lat} {s_lat} ({city})"])
    if r < 0.80:
        return rng.choice([f"{f_lat.lower()} {s_lat.lower()}", f"{f_lat.upper()} {s_lat.upper()}",
                           f"{s_lat.upper()} {f_lat}", dim.lower()])
    if r < 0.90:
        return rng.choice([f"{f_lat} {rng.randint(1965, 2012)}", f"{dim} {rng.randint(1, 99)}",
                           f"{dim} 2", f"{f_lat} new", f"{f_lat} old"])
    return rng.choice([f"{f_lat} {s_lat} {rng.choice(EN_ROLES).lower()}",
                       f"{rng.choice(EN_ROLES)} {f_lat}"])


def more_english(rng):
    first = rng.choice(EN_MALE + EN_FEMALE + EN_FIRST_MORE)
    last = rng.choice(EN_SURNAMES + EN_SURNAMES_MORE)
    r = rng.random()
    if r < 0.40:
        return rng.choice([f"{first} {last}", f"{last}, {first}", f"{first} {last[0]}."])
    if r < 0.65:
        tag = rng.choice(EN_NICK_TAGS + EN_CONTEXTS)
        return rng.choice([f"{first} {tag}", f"{first} ({tag})", f"{first} {last} - {tag}",
                           f"{tag.capitalize()} {first}"])
    if r < 0.80:
        role_ = rng.choice(EN_ROLES)
        return rng.choice([f"{role_} {first}", f"{first} the {role_.lower()}",
                           f"{first} {last} ({role_.lower()})"])
    if r < 0.90:
        return rng.choice([f"{first} {rng.randint(1, 99)}", f"{first.lower()}",
                           f"{first.upper()}", f"{first} {last} {rng.randint(1965, 2012)}"])
    return rng.choice([f"{first}'s mom", f"{first}'s dad", f"{first}'s wife",
                       f"{first} & {rng.choice(EN_FIRST_MORE)}", f"Uncle {first}",
                       f"Aunt {first}", f"Grandma {first}", f"Coach {last}", f"Mr {last}",
                       f"Mrs {last}", f"Dr {last}", f"Ms {last}"])


def handle(rng):
    first = translit_as(rng.choice(RU_MALE + RU_FEMALE + UA_FEMALE + KZ_FEMALE + KZ_MALE),
                        rng.choice(["popular", "casual", "passport"])).lower()
    sur = translit_as(rng.choice(RU_SURNAMES + UA_SURNAMES + KZ_SURNAMES),
                      rng.choice(["popular", "casual"])).lower()
    sep = rng.choice(["_", ".", ""])
    tail = rng.choice([sur, sur[:1], sur[:3], str(rng.randint(1, 99)), str(rng.randint(1970, 2010)),
                       "official", "photo", "nails", "beauty", "art", "life"])
    core = f"{first}{sep}{tail}"
    r = rng.random()
    if r < 0.5:
        return f"@{core}"
    if r < 0.85:
        return f"{first}{rng.choice(['.', '_', ''])}{sur}{rng.choice(['', '', str(rng.randint(1, 99))])}@{rng.choice(EMAIL_DOMAINS)}"
    return core


def more_family(rng):
    """Family and friends as saved in a phone: emoji, flags, frames, handles, digits."""
    lang = rng.random()
    if lang < 0.55:
        base = rng.choice(FAMILY_BASES_RU + [d for d, _ in RU_DIMINUTIVES] + RU_NICKNAMES)
    elif lang < 0.68:
        base = rng.choice(FAMILY_BASES_UA + [d for d, _ in UA_DIMINUTIVES] + UA_FEMALE + UA_MALE)
    elif lang < 0.80:
        base = rng.choice(FAMILY_BASES_KZ + [d for d, _ in KZ_DIMINUTIVES] + KZ_FEMALE + KZ_MALE)
    else:
        base = rng.choice(FAMILY_BASES_EN + EN_FEMALE + EN_MALE + LATIN_DIMINUTIVES)
    r = rng.random()
    if r < 0.22:
        e = rng.choice(HEARTS + CUTE)
        return rng.choice([f"{base} {e}", f"{base}{e}", f"{e} {base}", f"{e}{base}{e}",
                           f"{base} {e}{e}", f"{base} {e} {rng.choice(HEARTS)}"])
    if r < 0.38:
        fl = rng.choice(FLAGS)
        return rng.choice([f"{base} {fl}", f"{base}{fl}", f"{fl} {base}", f"{fl}{base}",
                           f"{base} {fl} {rng.choice(HEARTS)}"])
    if r < 0.52:
        return rng.choice(FRAMES).format(base)
    if r < 0.62:
        ctx = rng.choice(CONTEXTS_MORE + CITIES_RU if lang < 0.55 else
                         CONTEXTS_UA_MORE + CITIES_UA if lang < 0.68 else
                         CONTEXTS_KZ_MORE + CITIES_KZ if lang < 0.8 else EN_NICK_TAGS)
        return rng.choice([f"{base} ({ctx})", f"{base} {ctx}", f"{base} {ctx} {rng.choice(CUTE)}"])
    if r < 0.74:
        return handle(rng)
    if r < 0.84:
        n = rng.choice([str(rng.randint(1, 9)), str(rng.randint(10, 99)),
                        str(rng.randint(1960, 2015)), "(2)", "№2", "new", "новый", "old"])
        return rng.choice([f"{base} {n}", f"{base}{n}" if n.isdigit() else f"{base} {n}"])
    if r < 0.90 and " " not in base and len(base) <= 8:
        return rng.choice([" ".join(base), " ".join(base.upper()), ".".join(base) + "."])
    if r < 0.95:
        return rng.choice([base.upper(), base.lower(), f"{base}!!!", f"{base} )))",
                           f"{base}))", f"{base} :)"])
    neutral = ["коллега", "тёзка", "родня", "соседи", "дача"] if lang < 0.55 else EN_NICK_TAGS
    return f"{base} {rng.choice(neutral)} {rng.choice(HEARTS + CUTE)}"


def more_business(rng):
    streets_ru = "Ленина Мира Гагарина Пушкина Садовой Советской Кирова Лесной Школьной Победы Строителей Молодёжной Октябрьской Чехова Горького".split()
    streets_ua = "Шевченка Франка Хрещатику Грушевського Садовій Лесі\u00a0Українки Соборній Польовій".split()
    lang = rng.random()
    r = rng.random()
    if lang < 0.45:
        if r < 0.45:
            kind = rng.choice(sorted(SHOPS_RU))
            name = rng.choice(names_of(SHOPS_RU[kind])).replace("\u00a0", " ")
            base = f"{kind} {name}"
            tail = rng.random()
            if tail < 0.25:
                return f"{base} на {rng.choice(streets_ru)}"
            if tail < 0.45:
                return f"{base} {rng.choice(CITIES_RU[:22])}"
            if tail < 0.6:
                return f"{base} {rng.choice(['запись', 'администратор', 'ресепшн', 'доставка', 'заказ', 'Ольга', 'Марина', 'Дмитрий', 'мастер Лена', '(запись)', 'WhatsApp'])}"
            return base
        if r < 0.65:
            svc = rng.choice(SERVICE_RU)
            name = rng.choice(RU_MALE + RU_FEMALE + [d for d, _ in RU_DIMINUTIVES])
            return rng.choice([f"{svc} {name}", f"{name} {svc.lower()}", f"{svc} {rng.choice(CITIES_RU[:22])}",
                               f"{svc} ({rng.choice(['Авито', 'Профи', 'Юду', 'сарафан', 'от соседей', 'дача'])})", svc])
        if r < 0.82:
            return rng.choice([f"{rng.choice(SUPPORT_RU)} {rng.choice(SUPPORT_BRANDS)}",
                               f"{rng.choice(SUPPORT_BRANDS)} {rng.choice(SUPPORT_RU).lower()}"]).replace("\u00a0", " ")
        h = rng.choice(HOUSING)
        return rng.choice([f"{h} {rng.choice(HOUSING_NAMES)}", f"{h} {rng.choice(HOUSING_NAMES)} {rng.choice(RU_FEMALE)}",
                           f"{h} дом {rng.randint(1, 120)}", f"{h} {rng.choice(RU_FEMALE + RU_MALE)}",
                           f"{h} ЖК {rng.choice(HOUSING_NAMES)}"]).replace("\u00a0", " ")
    if lang < 0.65:
        if r < 0.5:
            kind = rng.choice(sorted(SHOPS_UA))
            base = f"{kind} {rng.choice(names_of(SHOPS_UA[kind]))}"
            t = rng.random()
            if t < 0.3:
                base += f" на {rng.choice(streets_ua)}"
            elif t < 0.5:
                base += f" {rng.choice(CITIES_UA[:17])}"
            return base.replace("\u00a0", " ")
        if r < 0.7:
            svc = rng.choice(SERVICE_UA)
            return rng.choice([f"{svc} {rng.choice(UA_MALE + UA_FEMALE)}", f"{svc} {rng.choice(CITIES_UA[:17])}", svc])
        return rng.choice([f"{rng.choice(SUPPORT_UA)} {rng.choice(SUPPORT_BRANDS_UA)}",
                           f"{rng.choice(SUPPORT_BRANDS_UA)} {rng.choice(SUPPORT_UA).lower()}",
                           f"Відділення Нова Пошта №{rng.randint(1, 300)}",
                           f"ОСББ {rng.choice(names_of(SHOPS_UA['ОСББ']))} {rng.choice(['голова', 'диспетчер', 'сантехнік', 'чат'])}"]).replace("\u00a0", " ")
    if lang < 0.82:
        if r < 0.5:
            kind = rng.choice(sorted(SHOPS_KZ))
            base = f"{kind} {rng.choice(names_of(SHOPS_KZ[kind]))}"
            if rng.random() < 0.35:
                base += f" {rng.choice(CITIES_KZ[:14])}"
            return base.replace("\u00a0", " ")
        if r < 0.7:
            svc = rng.choice(SERVICE_KZ)
            return rng.choice([f"{svc} {rng.choice(KZ_MALE + KZ_FEMALE)}", f"{svc} {rng.choice(CITIES_KZ[:14])}", svc])
        return rng.choice([f"{rng.choice(SUPPORT_KZ)} {rng.choice(SUPPORT_BRANDS_KZ)}",
                           f"{rng.choice(SUPPORT_BRANDS_KZ)} {rng.choice(SUPPORT_KZ).lower()}"]).replace("\u00a0", " ")
    if r < 0.5:
        kind = rng.choice(sorted(SHOPS_EN))
        name = rng.choice(names_of(SHOPS_EN[kind])).replace("\u00a0", " ")
        return rng.choice([f"{name} {kind}", f"{name} {kind} {rng.choice(['London', 'Leeds', 'NYC', 'Brooklyn', 'Austin', 'Dublin', 'Toronto', 'Berlin'])}",
                           f"{name} {kind} - {rng.choice(EN_FEMALE + EN_MALE)}"])
    if r < 0.75:
        return rng.choice([f"{rng.choice(SUPPORT_EN)} {rng.choice(SUPPORT_BRANDS_EN)}",
                           f"{rng.choice(SUPPORT_BRANDS_EN)} {rng.choice(SUPPORT_EN)}",
                           f"Hotline {rng.choice(['Pizza', 'Sushi', 'Taxi', 'Tacos', 'Burgers'])}"]).replace("\u00a0", " ")
    role_ = rng.choice(EN_ROLES + ["Estate agency", "Letting agency", "Property manager",
                                    "Building manager", "Super", "Concierge", "Dentist office",
                                    "Vet clinic", "Pediatrician", "School office", "Nursery"])
    return rng.choice([f"{role_} {rng.choice(EN_FEMALE + EN_MALE)}", role_,
                       f"{role_} ({rng.choice(['Airbnb', 'flat', 'house', 'office', 'Checkatrade', 'Nextdoor'])})"])


def more_benign_lines(seen):
    """Each kind up to its target of new lines that pass the lint (a second stream)."""
    rng = random.Random(MORE_SEED)
    makers = {"people": more_people, "latin": more_latin, "english": more_english,
              "family": more_family, "business": more_business}
    out, counts = list(NEAR_MISS_MORE), {}
    seen = set(seen) | set(out)
    for kind, maker in makers.items():
        got = 0
        for _ in range(MORE_TARGETS[kind] * 20):
            if got >= MORE_TARGETS[kind]:
                break
            line = re.sub(r"\s+", " ", maker(rng)).strip()
            if line in seen or benign_problems(line):
                continue
            seen.add(line)
            out.append(line)
            got += 1
        counts[kind] = got
    return out, counts


def dedupe(lines):
    return list(dict.fromkeys(x.strip() for x in lines if x.strip()))


def build(rng):
    hand = dedupe(FAMILY + ROLES + BUSINESSES + NEAR_MISS_PEOPLE)
    benign = dedupe(hand + business_lines(rng) + person_lines(rng, BENIGN_GENERATED))
    more, more_counts = more_benign_lines(benign)
    benign = dedupe(benign + more)

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
    return hand, benign, authority, issuer, more_counts


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
    # a shop's support is fine ("Служба поддержки Ozon"), a bank's client care is the rule's
    "поддержки клиент", "поддержка клиент", "защиты клиент", "підтримки клієнт",
]
BENIGN_FORBIDDEN_PHRASES = ["центральный банк", "central bank", "банк россии", "bank of russia",
                            "национальный банк", "національний банк", "national bank",
                            "ұлттық банк", "почта россии"]
BENIGN_FORBIDDEN_WORDS = {
    "банк", "банка", "банке", "банку", "банком", "bank", "пример", "example", "сб", "цб",
    "фсб", "мвд", "ск", "нбу", "сбу", "кнб", "фбр", "fbi", "fsb", "мфц", "фнс", "пфр",
    "гибдд", "дпс", "мчс", "фссп", "гаи", "сбер", "guard", "officer", "agent", "inspector",
    "detective", "sheriff", "комитет", "полицейский", "суд", "court",
}
ALLOWED_WORD_EXCEPTIONS = {"комитет": ["Родительский комитет"], "example": ["Example Bakery"]}

# Since the corpus grew past 20k lines, a second net over the same principle:
# the rule vocabulary, bank brands and state bodies are also looked for in a
# Latin→Cyrillic reading of the line ("politsiya", "sberbank", "Nalogovaya"),
# coarse-folded (й/ы/і→и, ё/є→е, Kazakh letters to their Russian look-alikes),
# and with everything but letters removed ("П о л и ц и я", "S.b.e.r").
# "bank"/"банк" may appear only in the harmless phrases and surname/banquet
# words below.
# Latin -> Cyrillic, longest first; two readings of the ambiguous letters.
LAT2CYR_COMMON = [("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"),
                  ("tz", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("iu", "ю"), ("ju", "ю"),
                  ("ya", "я"), ("ia", "я"), ("ja", "я"), ("yo", "е"), ("jo", "е"), ("ye", "е"),
                  ("ph", "ф"), ("ck", "к"), ("x", "кс"), ("w", "в"), ("q", "к"), ("h", "х"),
                  ("a", "а"), ("b", "б"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
                  ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"),
                  ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"),
                  ("y", "ы"), ("z", "з")]
LAT2CYR_READINGS = [dict(c="ц", j="ж"), dict(c="к", j="й")]
COARSE = str.maketrans({"ы": "и", "й": "и", "і": "и", "ї": "и", "ё": "е", "є": "е", "э": "е",
                        "ґ": "г", "қ": "к", "ғ": "г", "ұ": "у", "ү": "у", "ә": "а", "ө": "о",
                        "ң": "н", "һ": "х",
                        "ä": "а", "ö": "о", "ü": "у", "ı": "и", "ş": "ш", "ç": "ч", "ğ": "г"})
_LAT_RE = re.compile("|".join(sorted({k for k, _ in LAT2CYR_COMMON} | {"c", "j"},
                                     key=len, reverse=True)))

def cyrillized(text):
    """Each Latin→Cyrillic reading of lower-case text, coarse-folded."""
    out = []
    for extra in LAT2CYR_READINGS:
        table = dict(LAT2CYR_COMMON, **extra)
        out.append(_LAT_RE.sub(lambda m: table[m.group()], text).translate(COARSE))
    return out

def coarse_all(xs):
    out = []
    for x in xs:
        x = x.translate(COARSE)
        out += [x] + ([x.replace("ь", "").replace("ъ", "")] if re.search("[ьъ]", x) else [])
    return list(dict.fromkeys(out))

AUTH_STEMS = coarse_all("""безопасн безпек қауіпсіз секьюр секюр мошенн шахрай алаяқ антифрод
полиц поліц прокур следоват следств слідч госуслуг налог пенсион соцфонд финмонитор
фінмонітор мониторинг центральн інтерпол интерпол росгвард пристав минфин мінфін
министерств міністерств сбер тинькоф тинкоф каспи халык халық райффайз райфайз раиффеис
ощад уралсиб жусан приват""".split())
LATIN_STEMS = """security secur fraud police polici politsi polits prosecut investigat
monitoring gosuslug interpol ministry central sberb raiffeis tinkoff kaspi halyk
privatb oschad jusan""".split()
AUTH_WORDS = set(coarse_all("""фсб мвд мвс сбу кнб ұқк цб нбу фнс пфр сфр фссп гибдд ск сб
втб егов ііім іім афм аррфр фбр фби мфц гаи дпс мчс""".split())) | {
    "tax", "taxes", "egov", "fsb", "mvd", "sbu", "knb", "nbu", "vtb", "fbi", "cb", "cbr"}
GLUED_STEMS = [s for s in AUTH_STEMS if len(s) >= 5] + coarse_all(
    "банк сбер каспи халык".split())
BANK_OK_PHRASES = ["bank holiday", "банк крови", "food bank", "blood bank", "piggy bank"]
BANK_OK_WORD = re.compile(r"^(банкет\w*|банкин\w*|банков(а|у|ым|ой|ы|ых)?|банник\w*|bankov\w*"
                          r"|bankin\w*|bankes|banks|bankside|riverbank|bankstown|bankett\w*)$")

OK_WORDS = {"boxberry"}  # x read as "кс" makes "боксберри" hold "сбер"
# Lines kept from before the glued and transliterated checks: deliberate near misses.
GRANDFATHERED = {"Центральная аптека", "Центральный банкетный зал", "Центральный рынок",
                 "Центральный парк", "Центральный стадион", "Central Perk Coffee", "Бан Ки Мун",
                 "Анастасия Константиновна Логинова"}

def vocabulary_hits(line):
    if line in GRANDFATHERED:
        return []
    words = plain(line)
    out = [st for st in LATIN_STEMS if st in words]
    # the bank: drop the harmless phrases and words, then no "bank"/"банк" anywhere
    rest = words
    for ph in BANK_OK_PHRASES:
        rest = re.sub(rf"\b{ph}\b", " ", rest)
    rest = " ".join(w for w in rest.split() if not BANK_OK_WORD.match(w) and w not in OK_WORDS)
    for form in cyrillized(rest):
        glued = form.replace(" ", "").replace("_", "")
        out += [f"{st}" for st in AUTH_STEMS + ["банк"] if st in form]
        out += [f"{w} (word)" for w in form.replace("_", " ").split() if w in AUTH_WORDS]
        out += [f"{st} (glued)" for st in GLUED_STEMS if st in glued]
    return sorted(set(out))


def benign_problems(line):
    """What is wrong with a line in benign.txt (empty: nothing)."""
    words = plain(line)
    squashed = words.replace(" ", "")
    hits = [st for st in BENIGN_FORBIDDEN_SQUASHED if st in squashed]
    hits += [st for st in BENIGN_FORBIDDEN_STEMS if st in words]
    hits += [ph for ph in BENIGN_FORBIDDEN_PHRASES if re.search(rf"\b{ph}\b", words)]
    rest = words
    for ph in BANK_OK_PHRASES:
        rest = re.sub(rf"\b{ph}\b", " ", rest)
    hits += [w for w in rest.split() if w in BENIGN_FORBIDDEN_WORDS and not any(
        line.startswith(ok) for ok in ALLOWED_WORD_EXCEPTIONS.get(w, []))]
    hits += vocabulary_hits(line)
    problems = [f"benign has {h!r}: {line}" for h in hits]
    # Years and counters are fine ("Ivan 1987", "Школа 57"); a phone number is not.
    if re.search(r"\d{5}", line) or sum(c.isdigit() for c in line) >= 7:
        problems.append(f"benign looks like it carries a number: {line}")
    if any(unicodedata.category(c) in ("Cf", "Mn", "Cc") and c not in "\u200d\ufe0f"
           for c in line):
        problems.append(f"benign has an invisible or combining mark: {line!r}")
    if MIXED_SCRIPT_WORD.search(line):
        problems.append(f"benign mixes Latin and Cyrillic in a word: {line!r}")
    return problems

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
        problems += benign_problems(line)
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
    if len(benign) < BENIGN_MIN:
        problems.append(f"only {len(benign)} benign lines")
    if len(authority) + len(issuer) < 300:
        problems.append(f"only {len(authority) + len(issuer)} fraud lines")
    return problems


def main():
    rng = random.Random(SEED)
    hand, benign, authority, issuer, more_counts = build(rng)
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
    print("  added by kind: " + ", ".join(f"{k} {v}" for k, v in more_counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
