"""The lottery's sentences (draw.py, planner/lottery.py): what was drawn among whom, each
chance, the seed and the hash, and how to check the draw."""

from __future__ import annotations

LOTTERY_MESSAGES: dict[str, dict[str, str]] = {
    "lottery.title": {"da": "Lodtrækning", "en": "Lottery"},
    "lottery.drawn": {
        "da": "Der blev trukket {drawn} blandt {among}, som kan komme med i et netværk, "
        "der er lige så godt som det bedste (dækningsmål mindst {best}, højst {hours} "
        "persontimer); lodtrækningen vælger mellem {rows}, så den laveste "
        "chance er så høj som muligt (LEXIMIN).",
        "en": "{drawn} were drawn among {among} who can be in a network as good as the "
        "best (coverage objective at least {best}, at most {hours} person-hours); the "
        "lottery chooses among {rows} so that the lowest chance is as high "
        "as possible (LEXIMIN).",
    },
    "lottery.seed": {
        "da": "Seed {seed}: lod {ticket} af 1.000.000, netværk nr. {row} i tabellen. "
        "Tabellens SHA-256: `{hash}`.",
        "en": "Seed {seed}: ticket {ticket} of 1,000,000, network no. {row} of the table. "
        "The table's SHA-256: `{hash}`.",
    },
    "lottery.col_p": {"da": "chance", "en": "chance"},
    "lottery.col_core": {"da": "heraf i kernen", "en": "of which core"},
    "lottery.col_drawn": {"da": "trukket som", "en": "drawn as"},
    "lottery.never": {
        "da": "Kan ikke trækkes i et lige så godt netværk:",
        "en": "Cannot be drawn into a network as good:",
    },
    "lottery.never_rules": {
        "da": "netværksbeskrivelsens regler (størrelser, kvoter) giver ikke plads til personen",
        "en": "the brief's rules (sizes, quotas) leave no seat for them",
    },
    "lottery.never_coverage": {
        "da": "med personen bliver dækningsmålet højst {value}, {loss} under det bedste",
        "en": "with them the coverage objective is at most {value}, {loss} below the best",
    },
    "lottery.never_hours": {
        "da": "et lige så godt netværk med personen kræver {extra} persontimer mere",
        "en": "a network as good with them needs {extra} more person-hours",
    },
    "lottery.check": {
        "da": "Sådan kontrolleres lodtrækningen: gem tabellen med `composer lottery "
        "KANDIDATER BRIEF --format json -o lodtrækning.json` og kør `composer verify "
        "lodtrækning.json --seed {seed}`; den trækker igen af tabellen og seedet alene "
        "(SHA-256) og skal give de samme navne.",
        "en": "To check the draw: save the table with `composer lottery CANDIDATES BRIEF "
        "--format json -o lottery.json` and run `composer verify lottery.json --seed "
        "{seed}`; it draws again from the table and the seed alone (SHA-256) and must "
        "give the same names.",
    },
}

LOTTERY_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "lottery_network": {
        "da": ("sådant netværk", "sådanne netværk"),
        "en": ("such network", "such networks"),
    },
}
