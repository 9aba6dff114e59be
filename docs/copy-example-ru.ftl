screen-impersonation-bank =
    .title = Это не { $bank }!
    .body = Кто-то выдаёт себя за { $bank }. Положите трубку и позвоните по номеру на карте.
