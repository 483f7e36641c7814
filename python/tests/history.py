"""A deterministic order history for the tests and the bench: the CSV of `loyalty simulate`,
sorted by date, with cents in every price and a control group."""

import datetime
import random

HEADER = "customer,date,sku,category,price,quantity,cost,group\n"
CATEGORIES = ("grocery", "home", "books", "toys")


def history_csv(rows: int, customers: int, seed: int = 7, months: int = 24) -> str:
    """About `rows` order lines of `customers` customers over `months` months from 2025-01,
    by date; each order has one to three lines."""
    pick = random.Random(seed)
    start = datetime.date(2025, 1, 1)
    days = months * 30
    lines = []
    while len(lines) < rows:
        customer = pick.randrange(1, customers + 1)
        day = start + datetime.timedelta(days=pick.randrange(days))
        group = "control" if customer % 10 == 0 else "participant"
        for _ in range(pick.randint(1, 3)):
            cents = pick.randrange(100, 40_000)
            sku = pick.randrange(50)
            lines.append((day, customer, f"SKU-{sku:02}", CATEGORIES[sku % 4],
                          f"{cents // 100}.{cents % 100:02}", pick.randint(1, 4),
                          f"{cents * 6 // 1000}.{cents * 6 // 10 % 100:02}", group))
    # One customer's lines of one day stay together: one order.
    lines.sort(key=lambda line: (line[0], line[1]))
    text = [HEADER]
    for day, customer, sku, category, price, quantity, cost, group in lines[:rows]:
        text.append(f"{customer},{day},{sku},{category},{price},{quantity},{cost},{group}\n")
    return "".join(text)
