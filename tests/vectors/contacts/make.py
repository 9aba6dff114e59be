#!/usr/bin/env python3
"""Writes address-book.json: a few hundred realistic contacts with the
traps of the contact audit mixed in, and the findings expected, by
construction (this script knows which contacts it made traps; it never asks
the SDK). Lists: the shared list vectors of Example Bank and Other Bank,
home region RU. Rust (core/tests/contact_audit.rs), Kotlin and Swift read
the same file. Deterministic: running it again writes the same bytes.
    usage: python3 tests/vectors/contacts/make.py
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(26)

FIRST = ["Анна", "Иван", "Мария", "Олег", "Лена", "Дмитрий", "Оксана", "Тарас", "Айгерим", "Нурлан",
         "John", "Kate", "Богдан", "Світлана", "Асель", "Ерлан", "Сергей", "Ольга"]
LAST = ["Иванова", "Петров", "Smith", "Коваленко", "Ахметов", "Сидоров", "Шевченко", ""]
LABELS = ["", "работа", "Пример Банк", "мама Пример Банк", "Example Bank офис", "🏠", "(дача)", "Other Bank"]
SERVICES = [("Пицца", "+7 495 123-45-67"), ("Такси", "+7 495 765-43-21"), ("Поликлиника", "+7 495 222-33-44"),
            ("Полиция", "102"), ("Скорая", "103"), ("Служба доставки", "+7 800 234-56-78"),
            ("Управляющая компания", "+7 495 333-22-11")]

def mobile():
    return "+7 9%02d %03d-%02d-%02d" % (rng.randint(10, 99), rng.randint(0, 999), rng.randint(0, 99), rng.randint(0, 99))

contacts = []
for _ in range(300):
    name = " ".join(p for p in (rng.choice(FIRST), rng.choice(LAST), rng.choice(LABELS)) if p)
    numbers = [mobile()] + ([mobile()] if rng.random() < 0.2 else [])
    contacts.append({"name": name, "numbers": numbers})
for name, number in SERVICES:
    contacts.append({"name": name, "numbers": [number]})
# The bank's outbound numbers under its name: fine.
contacts.append({"name": "Пример Банк", "numbers": ["+7 495 000-00-01"]})
contacts.append({"name": "Example Bank", "numbers": ["900"]})

traps = [
    # (name, numbers, [(number, kind, issuer)])
    ("Пример Банк", ["8 800 555-35-35"], [("8 800 555-35-35", "saved_inbound_only", "example-bank")]),
    ("Горячая линия Пример Банка", ["+78005553535", "+7 495 000-00-02"],
     [("+78005553535", "saved_inbound_only", "example-bank")]),
    ("Папа", ["8 (800) 555 35 35"], [("8 (800) 555 35 35", "saved_inbound_only", "example-bank")]),
    ("Служба безопасности Пример Банка", ["+7 916 123-45-67"],
     [("+7 916 123-45-67", "claims_bank_not_listed", "example-bank")]),
    ("Example Bank — fraud department", ["+7 999 000-11-22", "+7 999 000-11-23"],
     [("+7 999 000-11-22", "claims_bank_not_listed", "example-bank"),
      ("+7 999 000-11-23", "claims_bank_not_listed", "example-bank")]),
    ("Other Bank support", ["+7 903 555-01-01"], [("+7 903 555-01-01", "claims_bank_not_listed", "other-bank")]),
    ("Example Bank hotline — never calls you", ["8 800 555 35 35"], []),  # renamed: quiet
]
positions = sorted(rng.sample(range(len(contacts) + len(traps)), len(traps)))
for pos, (name, numbers, _) in zip(positions, traps):
    contacts.insert(pos, {"name": name, "numbers": numbers})
expected = []
for i, c in enumerate(contacts):
    for name, numbers, found in traps:
        if c["name"] == name and c["numbers"] == numbers:
            expected += [{"index": i, "number": n, "kind": k, "issuer": iss} for n, k, iss in found]
expected.sort(key=lambda f: (f["index"], 0 if f["kind"] == "saved_inbound_only" else 1))

doc = {
    "about": "Contact audit vectors (make.py): audit `contacts` against the lists of `lists` (home region RU); "
             "the findings, in order, are `expected` (index, number as saved, kind, issuer).",
    "home_region": "RU",
    "lists": [{"trust": "trust/example-bank.json", "list": "lists/valid-eddsa-general.jws"},
              {"trust": "trust/other-bank.json", "list": "lists/other-bank-valid.jws"}],
    "contacts": contacts,
    "expected": expected,
}
with open(os.path.join(HERE, "address-book.json"), "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(f"address-book.json: {len(contacts)} contacts, {len(expected)} findings expected")
