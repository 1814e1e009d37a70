"""Every sentence composer writes for people, in Danish and English, in one table.

A sentence has a code and named parameters (as sortition-algorithms keeps its
``error_messages.py``); :func:`say` fills it in. Words that change with a number are
pairs (singular, plural) used through :func:`count`, so "1 hul" and "2 huller" are both
right. The text of an error (``str(err)``, :mod:`composer.errors`) stays English for
developers; each problem in it carries a sentence code here (``problem.<message>``) and
parameters, told in the reader's language by :func:`problem_text`.

The table is kept in parts, one module per area (``cli.py``: the command line, the pool
summary and the input checks), merged here into :data:`MESSAGES` and :data:`WORDS`; a
code is defined once (a test checks it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..text import number
from .advice import ADVICE_MESSAGES, member_named, person
from .cli import CLI_MESSAGES, CLI_WORDS
from .export import EXPORT_MESSAGES, EXPORT_WORDS, HEADERS, SHEETS
from .inputs import INPUT_MESSAGES
from .lottery import LOTTERY_MESSAGES, LOTTERY_WORDS
from .pages import WEB_MESSAGES
from .plots import PLOT_TEXT
from .problems import PROBLEM_MESSAGES
from .requests import REQUEST_MESSAGES
from .rules import RULES_MESSAGES

__all__ = [
    "COLUMNS",
    "EXPORT_WORDS",
    "HEADERS",
    "KIND_LABELS",
    "KIND_WORDS",
    "MATCH_KINDS",
    "MESSAGES",
    "PLOT_TEXT",
    "ROLES",
    "SHEETS",
    "WORDS",
    "columns",
    "count",
    "label",
    "listing",
    "member_named",
    "person",
    "problem_text",
    "say",
]

MESSAGES: dict[str, dict[str, str]] = {
    # --- why a member is in
    "member.sole": {
        "da": "Eneste i netværket, der dækker: {needs}.",
        "en": "The only one in the network covering: {needs}.",
    },
    "member.also": {"da": "Dækker også: {needs}.", "en": "Also covers: {needs}."},
    "member.covers": {"da": "Dækker: {needs}.", "en": "Covers: {needs}."},
    "member.only_actor": {
        "da": "Den eneste med aktørtypen {actor} i netværket ({orientation}).",
        "en": "The only {actor} in the network (looks {orientation}).",
    },
    "member.actor": {
        "da": "Bidrager som {actor} ({orientation}).",
        "en": "Takes part as {actor} (looks {orientation}).",
    },
    "member.core": {
        "da": "Kernedeltager: med i alle faser (egnethed til kernen {fit}).",
        "en": "Core participant: in every phase (core fit {fit}).",
    },
    "member.carries": {
        "da": "Bærer på tværs af faserne: {needs}.",
        "en": "Carries across the phases: {needs}.",
    },
    "member.core_seat": {
        "da": "Udfylder en af kernens pladser (kernen skal have mindst {n}).",
        "en": "Fills one of the core's seats (the core needs at least {n}).",
    },
    "member.phase_lacks": {
        "da": "Inddrages i {phases}, hvor netværket mangler: {needs}.",
        "en": "Brought in for {phases}, where the network lacks: {needs}.",
    },
    "member.phase_quota": {
        "da": "Inddrages i {phases} for at opfylde kvoten: {quotas}.",
        "en": "Brought in for {phases} to meet the quota: {quotas}.",
    },
    "member.phase_other": {
        "da": "Inddrages i {phases}.",
        "en": "Brought in for {phases}.",
    },
    "member.phase_include": {
        "da": "Inddrages i {phases}, fordi netværksbeskrivelsen vil have personen med.",
        "en": "Brought in for {phases} because the brief includes them.",
    },
    "member.not_core_needed": {
        "da": "Ikke i kernen: der er kun brug for personen i {phases}.",
        "en": "Not core: only needed in {phases}.",
    },
    "member.not_core_available": {
        "da": "Ikke i kernen: kan ikke deltage i {phases}.",
        "en": "Not core: not available for {phases}.",
    },
    "member.not_core_hours": {
        "da": "Ikke i kernen: har {have} timer, og alle møder kræver {need}.",
        "en": "Not core: has {have} hours, and all meetings take {need}.",
    },
    "member.not_core_type": {
        "da": "Ikke i kernen: som {actor} inddrages personen i de faser, hvor vedkommendes viden tæller.",
        "en": "Not core: as a {actor}, brought in for the phases where their knowledge counts.",
    },
    "member.not_core_full": {
        "da": "Ikke i kernen: kernen er fuld (højst {n}).",
        "en": "Not core: the core is full (at most {n}).",
    },
    # --- a candidate's score (scoring.py)
    "score.covers": {"da": "Dækker behov: {needs}.", "en": "Covers needs: {needs}."},
    "score.covers_none": {
        "da": "Dækker ingen af netværksbeskrivelsens behov fuldt.",
        "en": "Fully covers none of the brief's needs.",
    },
    "score.motivation": {"da": "Motivation {n} af 5.", "en": "Motivation {n} of 5."},
    "score.motivation_unknown": {"da": "Motivation er ikke oplyst.", "en": "Motivation not given."},
    "score.no_statement": {
        "da": "Har ikke skrevet, hvorfor de vil være med.",
        "en": "Gave no statement.",
    },
    "score.recognises": {
        "da": "Udtalelsen genkender netværkets udfordring.",
        "en": "The statement recognises the challenge.",
    },
    "score.talk": {"da": "Vil gerne holde oplæg.", "en": "Willing to give a talk."},
    "score.tasks": {
        "da": "Vil løse opgaver mellem møderne.",
        "en": "Willing to take tasks between meetings.",
    },
    "score.manager_no": {
        "da": "Personalelederen har sagt nej – kan ikke vælges.",
        "en": "The line manager said no – cannot be chosen.",
    },
    "score.manager_ask": {
        "da": "Spørg personalelederen: godkendelse mangler.",
        "en": "Ask the line manager: approval not yet given.",
    },
    "score.manager_yes": {
        "da": "Personalelederen har sagt ja.",
        "en": "The line manager said yes.",
    },
    "score.all_phases": {"da": "Kan deltage i alle faser.", "en": "Available for all phases."},
    "score.phases": {"da": "Kan deltage i: {phases}.", "en": "Available for: {phases}."},
    "score.hours_unknown": {"da": "Timetal er ikke oplyst.", "en": "Hours not given."},
    "score.hours_short": {
        "da": "Har {have} timer; hele forløbet kræver {need}.",
        "en": "Has {have} hours; all meetings take {need}.",
    },
    "score.hours_ok": {
        "da": "Har {have} timer til forløbet ({need} kræves).",
        "en": "Has {have} hours ({need} needed).",
    },
    # --- flags
    "flag.ask_manager": {"da": "Spørg personalelederen", "en": "Ask the line manager"},
    "flag.included": {
        "da": "Med, fordi netværksbeskrivelsen vil have personen med",
        "en": "In because the brief includes them",
    },
    "flag.hours_unknown": {
        "da": "Timetal ikke oplyst – aftal timer",
        "en": "Hours not given – agree hours",
    },
    "flag.motivation_unknown": {"da": "Motivation ikke oplyst", "en": "Motivation not given"},
    # --- why someone is not there
    "absent.excluded": {
        "da": "er fravalgt i netværksbeskrivelsen",
        "en": "is in the brief's exclude",
    },
    "absent.manager_no": {
        "da": "personalelederen har sagt nej",
        "en": "the line manager said no",
    },
    "absent.hours_any": {
        "da": "har {have} timer; selv {phase} kræver {need}",
        "en": "has {have} hours; even {phase} takes {need}",
    },
    "absent.not_available": {
        "da": "ikke til rådighed i {phase}",
        "en": "not available for {phase}",
    },
    "absent.hours": {
        "da": "har {have} timer, {phase} ville kræve {need}",
        "en": "has {have} hours, {phase} would take {need}",
    },
    "absent.phase_full": {
        "da": "{phase} er fuld (højst {n} deltagere som inddrages løbende pr. fase)",
        "en": "{phase} is full (per_phase_max {n})",
    },
    "absent.seats_used": {
        "da": "alle {n} pladser til deltagere som inddrages løbende er brugt",
        "en": "all {n} phase-participant seats are used (total_max)",
    },
    "absent.added_less": {
        "da": "kan inddrages i {phase}, men gav mindre end de valgte",
        "en": "could join {phase}; added less than those chosen",
    },
    # --- gaps
    "match.via": {"da": "{need} (»{phrase}«, {kind})", "en": "{need} ('{phrase}', {kind})"},
    "gap.recruit_actor": {
        "da": "Ingen i puljen kan dække det: rekruttér en {need}.",
        "en": "No one in the pool can cover it: recruit a {need}.",
    },
    "gap.recruit": {
        "da": "Ingen i puljen kan dække det: rekruttér en person med {what} »{need}«.",
        "en": "No one in the pool can cover it: recruit someone with {what} '{need}'.",
    },
    # --- what-ifs
    "change.replaced": {
        "da": "{gone} meldte fra; erstattet af {new}.",
        "en": "{gone} declined; replaced by {new}.",
    },
    "alternative.differs": {
        "da": "Forskel fra anbefalingen: ud af kernen: {out}; ind i kernen: {into}. "
        "Dækningsmål {f} ({df}), {h} persontimer ({dh}).",
        "en": "Differs from the recommendation: out of the core: {out}; into the core: {into}. "
        "Coverage objective {f} ({df}), {h} person-hours ({dh}).",
    },
    "report.worth_asking": {"da": "Værd at spørge", "en": "Worth asking"},
    "ask.manager_no": {
        "da": "{who}: personalelederen har sagt nej; med personen ville dækningsmålet stige "
        "med {gain} ({needs}). Spørg personalelederen.",
        "en": "{who}: the line manager said no; with them the objective would rise by "
        "{gain} ({needs}). Ask the line manager.",
    },
    "ask.hours": {
        "da": "{who}: har for få timer til alle møder; med personen ville dækningsmålet stige "
        "med {gain} ({needs}). Spørg, om der kan findes flere timer.",
        "en": "{who}: too few hours for every meeting; with them the objective would rise by "
        "{gain} ({needs}). Ask whether more hours can be found.",
    },
    "change.falls": {
        "da": "Dækningen falder: dækningsmålet går fra {before} til {after} ({diff}).",
        "en": "Coverage falls: the objective goes from {before} to {after} ({diff}).",
    },
    "change.none": {
        "da": "{gone} meldte fra; ingen erstatning fundet.",
        "en": "{gone} declined; no replacement found.",
    },
    # --- the network as a network: ties, co-drivers, dropouts
    "ties.known": {
        "da": "{pairs} kender allerede hinanden: {list}.",
        "en": "{pairs} already know each other: {list}.",
    },
    "ties.none_known": {
        "da": "Ingen i netværket kender hinanden i forvejen.",
        "en": "Nobody in the network knows another member yet.",
    },
    "ties.unknown": {
        "da": "Ingen i netværket kender {ids}: præsentér dem ved det første møde, de er med til.",
        "en": "Nobody in the network knows {ids}: introduce them at the first meeting they attend.",
    },
    "ties.unknown_one": {
        "da": "Ingen i netværket kender {ids}: præsentér personen ved det første møde, personen er med til.",
        "en": "Nobody in the network knows {ids}: introduce them at the first meeting they attend.",
    },
    "ties.at_meeting": {"da": "{id} (møde {n})", "en": "{id} (meeting {n})"},
    "ties.all_known": {
        "da": "Alle kender mindst én anden i netværket.",
        "en": "Everyone knows at least one other member.",
    },
    "ties.reach": {
        "da": "Gennem deltagerne og dem, de kender i puljen, når netværket {units} og {orgs}.",
        "en": "Through its members and the people they know in the pool, the network "
        "reaches {units} and {orgs}.",
    },
    "ties.new": {
        "da": "Netværket skaber {ties} på tværs af enheder, f.eks. {examples}.",
        "en": "The network creates {ties} across units, e.g. {examples}.",
    },
    "ties.no_new": {
        "da": "Netværket skaber ingen nye forbindelser på tværs af enheder.",
        "en": "The network creates no new ties across units.",
    },
    "codriver.named": {
        "da": "Udpeget som co-driver i netværksbeskrivelsen.",
        "en": "Named as co-driver in the brief.",
    },
    "codriver.motivation": {"da": "Motivation {m} af 5.", "en": "Motivation {m} of 5."},
    "codriver.present": {"da": "Vil gerne holde oplæg.", "en": "Willing to give talks."},
    "codriver.tasks": {
        "da": "Vil gerne løse opgaver mellem møderne.",
        "en": "Willing to take tasks between meetings.",
    },
    "codriver.approval": {
        "da": "Personalelederen har sagt ja.",
        "en": "The line manager has said yes.",
    },
    "codriver.method": {
        "da": "Metodisk kompetence: {what}.",
        "en": "Methodological competence: {what}.",
    },
    "codriver.units": {
        "da": "Kender folk i {units}: {names}.",
        "en": "Knows people in {units}: {names}.",
    },
    "codriver.other_unit": {
        "da": "Fra en anden enhed end {other}.",
        "en": "From another unit than {other}.",
    },
    "codriver.none": {
        "da": "Ingen i kernen viser de tegn, en co-driver bør have (motivation, oplæg, "
        "opgaver, personalelederens ja, metode, relationer til andre enheder).",
        "en": "No core member shows the signs a co-driver should have (motivation, talks, "
        "tasks, the line manager's yes, method, ties into other units).",
    },
    "dropout.rules": {
        "da": "{id}, {role}: uden personen kan netværksbeskrivelsens regler ikke overholdes.",
        "en": "{id}, {role}: without them the brief's rules cannot be met.",
    },
    "dropout.none": {
        "da": "Hver plads kan genbesættes fra puljen, så dækningen holder.",
        "en": "Every seat can be refilled from the pool without losing coverage.",
    },
    "dropout.replaced": {
        "da": "Kan genbesættes: {pairs}.",
        "en": "Can be refilled: {pairs}.",
    },
    # --- the report
    "report.title": {"da": "Netværkssammensætning", "en": "Network composition"},
    "report.summary": {"da": "Resumé", "en": "Summary"},
    "report.core": {
        "da": "Kernedeltagere (med i alle faser)",
        "en": "Core participants (all phases)",
    },
    "report.phases": {"da": "Deltagere som inddrages løbende", "en": "Phase participants"},
    "report.needs": {"da": "Behov og dækning", "en": "Needs and coverage"},
    "report.quotas": {"da": "Kvoter", "en": "Quotas"},
    "report.gaps": {"da": "Huller og råd", "en": "Gaps and advice"},
    "report.changes": {"da": "Ændringer", "en": "Changes"},
    "report.hours": {"da": "Timeforbrug", "en": "Person-hours"},
    "report.ties": {"da": "Relationer i netværket", "en": "Ties in the network"},
    "report.co_drivers": {"da": "Co-drivere", "en": "Co-drivers"},
    "report.dropouts": {"da": "Sårbare pladser", "en": "Single points of failure"},
    "report.none": {"da": "Ingen.", "en": "None."},
    "report.no_gaps": {
        "da": "Alle behov er dækket, som netværksbeskrivelsen beder om.",
        "en": "Every need is covered as the brief asks.",
    },
    "report.cols_member": {
        "da": "| id | navn, enhed | aktør | perspektiv | timer | dækker | grunde | at gøre |",
        "en": "| id | name, unit | actor | perspective | hours | covers | reasons | to do |",
    },
    "report.cols_need": {
        "da": "| behov | type | vægt | antal | dækning pr. fase | dækket af |",
        "en": "| need | kind | weight | count | coverage per phase | covered by |",
    },
    "report.cols_quota": {
        "da": "| kvote | omfang | min | maks | antal | opfyldt |",
        "en": "| quota | scope | min | max | count | met |",
    },
    "report.cols_hours": {
        "da": "| {what} | personer | timer |",
        "en": "| {what} | people | hours |",
    },
    "report.summary_line": {
        "da": "{core} og {phase}; {gaps}. Dækningsmål {objective}, {hours} i alt ({method}).",
        "en": "{core} and {phase}; {gaps}. Coverage objective {objective}, {hours} in all ({method}).",
    },
    "report.meetings": {
        "da": "{meetings} à {hours} timer; faser: {phases}.",
        "en": "{meetings} of {hours} hours; phases: {phases}.",
    },
    "report.theme": {"da": "Tema", "en": "Theme"},
    "report.resilience": {
        "da": "Robusthed: melder den mest uundværlige fra, falder dækningsmålet til {worst}.",
        "en": "Resilience: if the most indispensable member drops out, the objective falls to {worst}.",
    },
    "report.reach": {
        "da": "Rækkevidde: netværket når {what}: {names}. Det lagde {value} til dækningsmålet.",
        "en": "Reach: the network reaches {what}: {names}. It added {value} to the objective.",
    },
    "report.yes": {"da": "ja", "en": "yes"},
    "report.no": {"da": "nej", "en": "no"},
    "report.role": {"da": "rolle", "en": "role"},
    "report.organisation": {"da": "organisation", "en": "organisation"},
    "report.none_org": {"da": "(ingen)", "en": "(none)"},
    # --- notebook views (html.py)
    "html.summary": {
        "da": "{core}, {phase}, {gaps}; dækningsmål {objective}",
        "en": "{core}, {phase}, {gaps}; coverage objective {objective}",
    },
    "html.members": {"da": "Deltagere", "en": "Members"},
    "html.gaps": {"da": "Huller", "en": "Gaps"},
    "html.pool": {"da": "{candidates} fra {source}", "en": "{candidates} from {source}"},
    "html.by_actor": {"da": "Efter aktørtype", "en": "By actor type"},
    "html.first": {"da": "De første {n}", "en": "The first {n}"},
    "html.all_phases": {"da": "alle", "en": "all"},
    "report.percent": {"da": "{n} %", "en": "{n}%"},
    "list.and": {"da": "og", "en": "and"},
    "report.of_max": {"da": "{value} af {max} ({percent})", "en": "{value} of {max} ({percent})"},
    "method.exact": {"da": "eksakt model, bevist optimal", "en": "exact model, proven optimal"},
    "method.exact_limit": {
        "da": "eksakt model, stoppet ved tidsgrænsen",
        "en": "exact model, stopped at the time limit",
    },
    "method.heuristic": {"da": "heuristik", "en": "heuristic"},
    "method.certificate": {
        "da": "{method}, mindst {share} % af det bedst mulige",
        "en": "{method}, at least {share}% of the best possible",
    },
    "method.kept": {"da": "kernen beholdt", "en": "core kept"},
}

MESSAGES |= CLI_MESSAGES  # the command line's and the input checks' sentences (cli.py; export.py: the files written for people)
MESSAGES |= LOTTERY_MESSAGES  # the lottery's report section (draw.py)
MESSAGES |= RULES_MESSAGES  # why a brief cannot be met (planner/rules.py)
MESSAGES |= WEB_MESSAGES  # the web page (composer.web)
MESSAGES |= EXPORT_MESSAGES  # the files written for people (export.py)
MESSAGES |= PROBLEM_MESSAGES  # how a problem in the input is told (problems.py)
MESSAGES |= INPUT_MESSAGES  # what the readers, the loaders and the checks expected (inputs.py)
MESSAGES |= REQUEST_MESSAGES  # a thesaurus file, a lottery table, replace, the web (requests.py)
MESSAGES |= ADVICE_MESSAGES  # who is who, handovers, fragile seats (advice.py, issue 15)

#: How a phrase covers a need (the kinds of :mod:`composer.matching`), as reasons say it.
MATCH_KINDS: dict[str, dict[str, str]] = {
    "exact": {"da": "nævnt", "en": "named"},
    "inflection": {"da": "bøjet form", "en": "inflected form"},
    "spelling": {"da": "anden stavemåde", "en": "other spelling"},
    "typo": {"da": "stavefejl", "en": "typo"},
    "synonym": {"da": "synonym", "en": "synonym"},
    "translation": {"da": "oversættelse", "en": "translation"},
    "narrower": {"da": "snævrere begreb", "en": "narrower concept"},
    "compound head": {"da": "sammensat ord", "en": "compound"},
    "compound modifier": {"da": "forled", "en": "first part of a compound"},
    "loose compound modifier": {"da": "løst forled", "en": "loose first part"},
    "broader": {"da": "bredere begreb", "en": "broader concept"},
    "related": {"da": "beslægtet begreb", "en": "related concept"},
    "free text": {"da": "fritekst", "en": "free text"},
    "actor type": {"da": "aktørtype", "en": "actor type"},
}

#: Words with a singular and a plural form.
WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "core_member": {
        "da": ("kernedeltager", "kernedeltagere"),
        "en": ("core participant", "core participants"),
    },
    "phase_member": {
        "da": ("deltager som inddrages løbende", "deltagere som inddrages løbende"),
        "en": ("phase participant", "phase participants"),
    },
    "gap": {"da": ("hul", "huller"), "en": ("gap", "gaps")},
    "meeting": {"da": ("møde", "møder"), "en": ("meeting", "meetings")},
    "hour": {"da": ("time", "timer"), "en": ("hour", "hours")},
    "person_hour": {"da": ("persontime", "persontimer"), "en": ("person-hour", "person-hours")},
    "candidate": {"da": ("kandidat", "kandidater"), "en": ("candidate", "candidates")},
    "pair": {"da": ("par", "par"), "en": ("pair", "pairs")},
    "unit": {"da": ("enhed", "enheder"), "en": ("unit", "units")},
    "other_unit": {"da": ("anden enhed", "andre enheder"), "en": ("other unit", "other units")},
    "organisation": {
        "da": ("organisation", "organisationer"),
        "en": ("organisation", "organisations"),
    },
    "new_tie": {"da": ("ny forbindelse", "nye forbindelser"), "en": ("new tie", "new ties")},
}

WORDS |= CLI_WORDS
WORDS |= LOTTERY_WORDS

#: Column headers of tables for people (data frames keep their keys).
COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "html.member": {
        "da": ("id", "rolle", "aktørtype", "perspektiv", "faser", "møder", "timer", "at gøre"),
        "en": ("id", "role", "actor type", "perspective", "phases", "meetings", "hours", "to do"),
    },
    "html.gap": {
        "da": ("behov", "faser", "dækning", "ønsket", "råd"),
        "en": ("need", "phases", "covered", "asked", "advice"),
    },
    "html.actor": {"da": ("aktørtype", "antal"), "en": ("actor type", "count")},
    "html.pool": {
        "da": ("id", "aktørtype", "organisation", "enhed", "faser", "timer", "motivation"),
        "en": ("id", "actor type", "organisation", "unit", "phases", "hours", "motivation"),
    },
}

#: Role and scope words for tables.
ROLES: dict[str, dict[str, str]] = {
    "core": {"da": "kernedeltager", "en": "core participant"},
    "phase": {"da": "deltager som inddrages løbende", "en": "phase participant"},
    "network": {"da": "hele netværket", "en": "whole network"},
}

#: How a gap's advice names the kind of need.
KIND_WORDS: dict[str, dict[str, str]] = {
    "professional": {"da": "faglig kompetence i", "en": "professional competence in"},
    "personal": {"da": "personlig erfaring med", "en": "personal experience of"},
    "methodological": {"da": "metodisk kompetence i", "en": "methodological competence in"},
    "perspective": {"da": "perspektivet", "en": "the perspective"},
    "topic": {"da": "viden om", "en": "knowledge of"},
    "actor_type": {"da": "aktørtypen", "en": "the actor type"},
}

#: Need kinds as a table shows them.
KIND_LABELS: dict[str, dict[str, str]] = {
    "professional": {"da": "faglig", "en": "professional"},
    "personal": {"da": "personlig", "en": "personal"},
    "methodological": {"da": "metodisk", "en": "methodological"},
    "perspective": {"da": "perspektiv", "en": "perspective"},
    "topic": {"da": "emne", "en": "topic"},
    "actor_type": {"da": "aktørtype", "en": "actor type"},
}


def columns(key: str, language: str = "da") -> tuple[str, ...]:
    """The column headers ``key`` in ``language``."""
    return COLUMNS[key][_lang(language)]


def _lang(language: str) -> str:
    return language if language in ("da", "en") else "da"


def say(code: str, language: str = "da", **params: Any) -> str:
    """The sentence ``code`` in ``language`` with ``params`` filled in.

    Examples
    --------
    >>> say("gap.closest", "da", people="A07 (0,80)")
    'Nærmest i puljen: A07 (0,80).'
    """
    return MESSAGES[code][_lang(language)].format(**params)


def count(n: float, word: str, language: str = "da") -> str:
    """``n`` and the word in the right number.

    Examples
    --------
    >>> count(1, "gap", "da"), count(2, "gap", "da"), count(1, "gap", "en")
    ('1 hul', '2 huller', '1 gap')
    """
    one, many = WORDS[word][_lang(language)]
    return f"{number(n, _lang(language))} {one if n == 1 else many}"


def listing(items: Sequence[str], language: str = "da") -> str:
    """Items as a sentence lists them: "a, b og c" / "a, b and c".

    Examples
    --------
    >>> listing(["afdækning", "idéudvikling", "forankring"]), listing(["a", "b"], "en")
    ('afdækning, idéudvikling og forankring', 'a and b')
    """
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {say('list.and', language)} {items[-1]}"


def label(table: dict[str, dict[str, str]], key: str, language: str = "da") -> str:
    """A word from one of the label tables (``ROLES``, ``KIND_LABELS``...)."""
    return table.get(key, {}).get(_lang(language), key)


def problem_text(message: str, language: str, params: dict[str, Any]) -> str:
    """What a problem expected (``problem.<message>``) with ``params``; whole numbers are
    written as the language writes them (1,000 / 1.000), lists with "og"/"and".

    Examples
    --------
    >>> params = {"max": 1000, "found": 1002, "limit": "max_columns"}
    >>> problem_text("limit_columns", "da", params).split(";")[0]
    'højst 1.000 kolonner (fandt 1.002)'
    """
    shown = {k: _whole(v, _lang(language)) for k, v in params.items()}
    return say(f"problem.{message}", language, **shown)


def _whole(value: object, language: str) -> object:
    """A whole number with the language's thousands separator; a list as a sentence lists it."""
    if isinstance(value, list | tuple):
        return listing([str(_whole(v, language)) for v in value], language)
    if not isinstance(value, int) or isinstance(value, bool):
        return value
    return f"{value:,}".replace(",", ".") if language == "da" else f"{value:,}"
