"""Every sentence composer writes for people, in Danish and English, in one table.

A sentence has a code and named parameters (as sortition-algorithms keeps its
``error_messages.py``); :func:`say` fills it in. Words that change with a number are
pairs (singular, plural) used through :func:`count`, so "1 hul" and "2 huller" are both
right. Error messages for developers (:mod:`composer.errors`) stay in English.

The table is kept in parts, one module per area (``cli.py``: the command line, the pool
summary and the input checks), merged here into :data:`MESSAGES` and :data:`WORDS`; a
code is defined once (a test checks it).
"""

from __future__ import annotations

from typing import Any

from ..text import number
from .cli import CLI_MESSAGES, CLI_WORDS
from .export import EXPORT_HEADERS, EXPORT_MESSAGES
from .lottery import LOTTERY_MESSAGES, LOTTERY_WORDS
from .problems import PROBLEM_MESSAGES

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
    # --- why a brief cannot be met (planner/rules.py): "infeasible.X" says what cannot be
    # met, "relax.X" what would make it possible; the same parameters fill both
    "infeasible.include_absent": {
        "da": "include {id}: kan ikke deltage i nogen fase ({why})",
        "en": "include {id}: cannot take part in any phase ({why})",
    },
    "relax.include_absent": {
        "da": "fjern {id} fra include, eller løs det: {why}",
        "en": "remove {id} from include, or resolve: {why}",
    },
    "infeasible.include_no_phase_seats": {
        "da": "include {id} kan kun deltage i enkelte faser ({phases}), men `phase_participants.per_phase_max` er 0",
        "en": "include {id} can only join as a phase participant ({phases}), but phase_participants.per_phase_max is 0",
    },
    "relax.include_no_phase_seats": {
        "da": "hæv `phase_participants.per_phase_max` til 1",
        "en": "raise phase_participants.per_phase_max to 1",
    },
    "infeasible.include_one_phase": {
        "da": "include {id} kan kun deltage i enkelte faser ({phases}), men briefen har kun én fase",
        "en": "include {id} can only join as a phase participant ({phases}), but the brief has one phase",
    },
    "relax.include_one_phase": {
        "da": "del møderne op i faser",
        "en": "split the meetings into phases",
    },
    "infeasible.include_core_max": {
        "da": "`core.max` {core_max}: include sætter {n} personer, der kan sidde i kernen, i netværket, og de {extra}, kernen ikke kan rumme, kan ikke alle deltage i enkelte faser (`per_phase_max` {per_phase_max}, `total_max` {total_max})",
        "en": "core max {core_max}: include puts {n} core-qualified people in the network, and the {extra} the core cannot hold cannot all join as phase participants (per_phase_max {per_phase_max}, total_max {total_max})",
    },
    "relax.include_core_max": {
        "da": "hæv `core.max` til {n}, hæv grænserne for fasedeltagere, eller fjern {extra} id'er fra include",
        "en": "raise core.max to {n}, raise the phase limits, or drop {extra} ids from include",
    },
    "infeasible.include_total_max": {
        "da": "`phase_participants.total_max` {total_max}: include kræver {n} fasedeltagere ({ids})",
        "en": "phase_participants.total_max {total_max}: include needs {n} phase participants ({ids})",
    },
    "relax.include_total_max": {
        "da": "hæv `phase_participants.total_max` til {n}",
        "en": "raise phase_participants.total_max to {n}",
    },
    "infeasible.quota_min_network": {
        "da": "kvoten {name} min {min}: kun {who} kan deltage ({ids})",
        "en": "quota {name} min {min}: only {who} can take part ({ids})",
    },
    "infeasible.quota_min_core": {
        "da": "kvoten {name} min {min}: kun {who} kan sidde i kernen ({ids})",
        "en": "quota {name} min {min}: only {who} can sit in the core ({ids})",
    },
    "infeasible.quota_min_phase": {
        "da": "kvoten {name} min {min}: kun {who} kan deltage i {phase} ({ids})",
        "en": "quota {name} min {min}: only {who} can take part in {phase} ({ids})",
    },
    "relax.quota_min": {
        "da": "sænk kvoten {name}s min til {n}, eller rekruttér flere af den slags",
        "en": "lower the min of quota {name} to {n}, or recruit more such people",
    },
    "infeasible.core_min": {
        "da": "`core.min` {min}: kun {who} kan sidde i kernen (til rådighed i alle faser, mindst {hours} timer eller timetal ikke oplyst, intet nej fra personalelederen, ikke fravalgt, en aktørtype, kernen tager, og en der bærer på tværs: kommunal medarbejder eller leder, eller behov i flere faser): {ids}",
        "en": "core min {min}: only {who} can sit in the core (available for all phases, at least {hours} hours or hours not given, no line-manager 'no', not excluded, an actor type the core takes, and a carrier: municipal staff or manager, or needs in more than one phase): {ids}",
    },
    "relax.core_min": {
        "da": "sænk `core.min` til {n}, eller rekruttér kernekandidater, der kan deltage i alle faser",
        "en": "lower core.min to {n}, or recruit core candidates available for every phase",
    },
    "infeasible.core_quota_max_fixed": {
        "da": "kernen: kvoten {name} max {max}, men {n} af dens medlemmer er allerede sat i kernen ({ids})",
        "en": "core: quota {name} max {max}, but {n} of its members are already fixed in the core ({ids})",
    },
    "relax.core_quota_max_fixed": {
        "da": "hæv kvoten {name}s max til {n}, eller sæt færre af dem fast i kernen",
        "en": "raise the max of quota {name} to {n}, or fix fewer of them in the core",
    },
    "infeasible.core_quotas_need": {
        "da": "kernen: kvoterne kræver tilsammen mindst {need} personer, men `core.max` er {max}",
        "en": "core: the quotas together need at least {need} people but core.max is {max}",
    },
    "relax.core_quotas_need": {
        "da": "hæv `core.max` til {need}, eller sænk kvoternes minimum",
        "en": "raise core.max to {need} or lower the quotas' minimums",
    },
    "infeasible.core_quotas_allow": {
        "da": "kernen: kvoternes maksimum giver plads til højst {most} personer, men `core.min` er {min}",
        "en": "core: the quotas' maximums allow at most {most} people but core.min is {min}",
    },
    "relax.core_quotas_allow": {
        "da": "sænk `core.min` til {most}, eller hæv kvoternes maksimum",
        "en": "lower core.min to {most} or raise the quotas' maximums",
    },
    "infeasible.core_quota_pair": {
        "da": "kernen: kvoterne {a} og {b} kan ikke begge opfyldes med dem, der kan sidde i kernen",
        "en": "core: quotas {a} and {b} cannot both be met with the candidates who qualify for the core",
    },
    "relax.core_quota_pair": {
        "da": "sænk den enes minimum eller hæv den andens maksimum",
        "en": "lower the min of one of them or raise the max of the other",
    },
    "infeasible.core_conflict": {
        "da": "kernen: `core.min`, `core.max`, kernens kvoter og de personer, der er sat fast i den, kan ikke alle opfyldes på én gang",
        "en": "core: core.min, core.max, the core's quotas and the people fixed in it cannot all be met together",
    },
    "relax.core_conflict": {
        "da": "løsn `core.min`, `core.max` eller en kvote",
        "en": "relax core.min, core.max or a quota",
    },
    "infeasible.quota_share": {
        "da": "kvoten {name} min {min}: kernen kan rumme {in_core}, og højst {cap} flere kan deltage i enkelte faser (`per_phase_max` {per_phase_max}, `total_max` {total_max}; kandidater: {ids})",
        "en": "quota {name} min {min}: the core can hold {in_core} and at most {cap} more can join as phase participants (per_phase_max {per_phase_max}, total_max {total_max}; candidates: {ids})",
    },
    "relax.quota_share": {
        "da": "sænk kvoten {name}s min til {most}, hæv `phase_participants.per_phase_max` / `total_max`, eller rekruttér flere af den slags",
        "en": "lower the min of quota {name} to {most}, or raise phase_participants.per_phase_max / total_max, or recruit more such people",
    },
    "infeasible.quota_taken": {
        "da": "kvoten {name} min {min}: kernen har {in_core}, include bringer {brought}, og højst {more} flere kan deltage i enkelte faser (`total_max` {total_max}, heraf {taken} brugt af include; kandidater: {ids})",
        "en": "quota {name} min {min}: the core has {in_core}, include brings {brought} and at most {more} more can join as phase participants (total_max {total_max}, of which {taken} taken by include; candidates: {ids})",
    },
    "relax.quota_taken": {
        "da": "sænk kvoten {name}s min til {most}, hæv grænserne for fasedeltagere, eller rekruttér flere af den slags",
        "en": "lower the min of quota {name} to {most}, raise the phase limits, or recruit more such people",
    },
    "infeasible.together": {
        "da": "`core.min` {core_min} / `core.max` {core_max}, `per_phase_max` {per_phase_max}, `total_max` {total_max}, de timer folk kan give, include og kvoterne kan ikke alle opfyldes på én gang",
        "en": "core.min {core_min} / core.max {core_max}, per_phase_max {per_phase_max}, total_max {total_max}, the hours people can give, include and the quotas cannot all be met together",
    },
    "relax.together": {
        "da": "hæv `phase_participants.total_max` eller `per_phase_max`, gør kernens størrelse bredere, eller sænk kvoternes minimum",
        "en": "raise phase_participants.total_max or per_phase_max, widen the core's size, or lower the quotas' minimums",
    },
    "infeasible.co_drivers_core_max": {
        "da": "co_drivers: {n} co-drivere skal sidde i kernen, men `core.max` er {max}",
        "en": "co_drivers: {n} co-drivers must sit in the core, but core.max is {max}",
    },
    "relax.co_drivers_core_max": {
        "da": "hæv `core.max` til {n}, eller udpeg færre co-drivere",
        "en": "raise core.max to {n}, or name fewer co_drivers",
    },
    "infeasible.co_driver_barred": {
        "da": "co_drivers {id}: en co-driver skal sidde i kernen, men {id} kan ikke ({why})",
        "en": "co_drivers {id}: a co-driver must sit in the core, but {id} cannot ({why})",
    },
    "relax.co_driver_barred": {
        "da": "fjern {id} fra co_drivers, eller løs det",
        "en": "remove {id} from co_drivers, or resolve that",
    },
    "absent.unavailable": {"da": "ikke til rådighed", "en": "not available"},
    "absent.core_type": {
        "da": "en {actor} sidder ikke i kernen, medmindre netværksbeskrivelsens `core.actor_types` siger det",
        "en": "a {actor} does not sit in the core unless the brief's core.actor_types says so",
    },
    "absent.not_carrier": {
        "da": "kun brug for personen i én fase; kernen er til dem, der bærer arbejdet på tværs",
        "en": "only needed in one phase; the core is for those who carry the work across",
    },
    "absent.not_all_phases": {
        "da": "ikke til rådighed i {phases}",
        "en": "not available for {phases}",
    },
    "absent.hours_core": {
        "da": "har {have} timer; alle møder kræver {need}",
        "en": "has {have} hours; every meeting takes {need}",
    },
    "list.more": {"da": "{ids} og {n} flere", "en": "{ids} and {n} more"},
    "list.nobody": {"da": "ingen", "en": "nobody"},
    # --- gaps
    "gap.closest": {"da": "Nærmest i puljen: {people}.", "en": "Closest in the pool: {people}."},
    "match.via": {"da": "{need} (»{phrase}«, {kind})", "en": "{need} ('{phrase}', {kind})"},
    "gap.partly": {
        "da": "Delvist dækket i puljen af {people}.",
        "en": "Partly covered in the pool by {people}.",
    },
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
        "da": "Ingen i netværket kender {ids}: præsentér dem ved første møde.",
        "en": "Nobody in the network knows {ids}: introduce them at the first meeting.",
    },
    "ties.unknown_one": {
        "da": "Ingen i netværket kender {ids}: præsentér personen ved første møde.",
        "en": "Nobody in the network knows {ids}: introduce them at the first meeting.",
    },
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
    "dropout.spof": {
        "da": "{id} ({role}): uden personen mister netværket {loss} af dækningsmålet "
        "({phases}; {needs}), og ingen i puljen kan genoprette det.",
        "en": "{id} ({role}): without them the network loses {loss} of the coverage "
        "objective ({phases}; {needs}), and no one in the pool restores it.",
    },
    "dropout.partial": {
        "da": "{id} ({role}): uden personen mister netværket {loss} af dækningsmålet "
        "({phases}; {needs}); den bedste erstatning, {new}, vinder kun {share} tilbage.",
        "en": "{id} ({role}): without them the network loses {loss} of the coverage "
        "objective ({phases}; {needs}); the best replacement, {new}, wins back only {share}.",
    },
    "dropout.rules": {
        "da": "{id} ({role}): uden personen kan netværksbeskrivelsens regler ikke overholdes.",
        "en": "{id} ({role}): without them the brief's rules cannot be met.",
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
        "da": "| id | navn | aktør | perspektiv | timer | dækker | grunde | at gøre |",
        "en": "| id | name | actor | perspective | hours | covers | reasons | to do |",
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
    "report.of_max": {"da": "{value} af {max} ({percent})", "en": "{value} of {max} ({percent})"},
    "method.exact": {"da": "eksakt model, bevist optimal", "en": "exact model, proven optimal"},
    "method.exact_limit": {
        "da": "eksakt model, stoppet ved tidsgrænsen",
        "en": "exact model, stopped at the time limit",
    },
    "method.heuristic": {"da": "heuristik", "en": "heuristic"},
    "method.kept": {"da": "kernen beholdt", "en": "core kept"},
}

MESSAGES |= CLI_MESSAGES  # the command line's and the input checks' sentences (cli.py; export.py: the files written for people)
MESSAGES |= LOTTERY_MESSAGES  # the lottery's report section (draw.py)
MESSAGES |= EXPORT_MESSAGES  # the files written for people (export.py)
MESSAGES |= PROBLEM_MESSAGES  # how a problem in the input is told (problems.py)

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

# ---------------------------------------------------------------- exports (export.py)
#: Sheet names (≤ 31 characters, as Excel allows) by table key.
SHEETS = {
    "da": {
        "core": "Kernedeltagere",
        "phase_participants": "Deltagere som inddrages løbende",
        "meeting_plan": "Mødeplan",
        "needs": "Behov og dækning",
        "gaps": "Huller",
        "quotas": "Kvoter",
        "summary": "Resumé",
    },
    "en": {
        "core": "Core",
        "phase_participants": "Phase participants",
        "meeting_plan": "Meeting plan",
        "needs": "Needs and coverage",
        "gaps": "Gaps",
        "quotas": "Quotas",
        "summary": "Summary",
    },
}

#: Header labels by column key (columns not named here keep their key, e.g. phase names).
HEADERS = {
    "da": {
        "id": "id",
        "name": "navn",
        "role": "rolle",
        "phase": "fase",
        "actor_type": "aktørtype",
        "orientation": "perspektiv",
        "organisation": "organisation",
        "unit": "enhed",
        "phases": "faser",
        "meetings": "møder",
        "hours": "timer",
        "needs_covered": "dækker",
        "reasons": "grunde",
        "flags": "at gøre",
        "need": "behov",
        "kind": "type",
        "weight": "vægt",
        "count": "antal",
        "covered": "dækning",
        "covered_by": "dækket af",
        "closest": "nærmest i puljen",
        "advice": "råd",
        "quota": "kvote",
        "column": "kolonne",
        "value": "værdi",
        "scope": "omfang",
        "min": "min",
        "max": "max",
        "members": "medlemmer",
        "met": "opfyldt",
        "total": "i alt",
        "meeting": "møde",
        "competence": "kompetence",
        "background": "baggrund",
        "perspective": "perspektiv",
        "commitment": "engagement",
        "availability": "tilgængelighed",
        "core_fit": "egnethed til kernen",
    },
}
HEADERS["da"] |= EXPORT_HEADERS["da"]
HEADERS["en"] = (
    {key: key.replace("_", " ") for key in HEADERS["da"]}
    | EXPORT_HEADERS["en"]
    | {
        "needs_covered": "covers",
        "flags": "to do",
        "closest": "closest in the pool",
    }
)

#: Values shown to people: roles, yes/no, need kinds and quota scopes (data keeps keys).
EXPORT_WORDS: dict[str, dict[object, str]] = {
    "da": {
        "core": "kernedeltager",
        "phase": "deltager som inddrages løbende",
        "network": "netværk",
        True: "ja",
        False: "nej",
        "professional": "faglig",
        "personal": "personlig",
        "methodological": "metodisk",
        "perspective": "perspektiv",
        "actor_type": "aktørtype",
        "topic": "emne",
    },
    "en": {"core": "core participant", "phase": "phase participant", True: "yes", False: "no"},
}

#: Labels and titles of the pictures (plots.py).
PLOT_TEXT: dict[str, dict[str, str]] = {
    "da": {
        "core": "kernedeltager",
        "phase": "deltager som inddrages løbende",
        "need": "behov",
        "need_gap": "behov med hul",
        "covers": "dækker behov",
        "knows": "kender hinanden",
        "network": "Netværket: {theme}",
        "coverage": "Dækning pr. fase: hvem dækker hvilket behov",
        "coverage_bar": "dækning (0–1)",
        "not_in_phase": "grå: behovet gælder ikke i fasen; rød ramme: hul",
        "no_needs": "netværksbeskrivelsen nævner ingen behov",
        "meeting": "møde {k}",
        "meetings": "Mødeplan: timer pr. person og møde",
        "hours": "timer",
        "total": "i alt",
        "phase_title": "{phase} (møde {meetings})",
    },
    "en": {
        "core": "core participant",
        "phase": "phase participant",
        "need": "need",
        "need_gap": "need with a gap",
        "covers": "covers a need",
        "knows": "know each other",
        "network": "The network: {theme}",
        "coverage": "Coverage by phase: who covers which need",
        "coverage_bar": "coverage (0–1)",
        "not_in_phase": "grey: the need does not count in the phase; red frame: gap",
        "no_needs": "the brief names no needs",
        "meeting": "meeting {k}",
        "meetings": "Meeting plan: hours per person and meeting",
        "hours": "hours",
        "total": "total",
        "phase_title": "{phase} (meetings {meetings})",
    },
}


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


def label(table: dict[str, dict[str, str]], key: str, language: str = "da") -> str:
    """A word from one of the label tables (``ROLES``, ``KIND_LABELS``...)."""
    return table.get(key, {}).get(_lang(language), key)


# --- the web pages (composer serve, composer.web): one block, kept apart for merging
MESSAGES.update(
    {
        "web.title": {"da": "Netværkssammensætning", "en": "Network composer"},
        "web.page.kandidater": {"da": "Kandidater", "en": "Candidates"},
        "web.page.brief": {"da": "Netværksbeskrivelse", "en": "Brief"},
        "web.page.sammensaetning": {"da": "Sammensætning", "en": "Composition"},
        "web.switch_lang": {"da": "English", "en": "Dansk"},
        "web.token_on": {
            "da": "Serveren er åben for andre maskiner end denne, så hver forespørgsel kræver "
            "adgangstegnet (token).",
            "en": "The server is open to other machines than this one, so every request "
            "needs the token.",
        },
        "web.token_needed": {
            "da": "Denne server kræver et adgangstegn (token). Spørg den, der startede den.",
            "en": "This server needs a token. Ask whoever started it.",
        },
        "web.token": {"da": "Adgangstegn", "en": "Token"},
        "web.token_go": {"da": "Fortsæt", "en": "Continue"},
        "web.privacy": {
            "da": "Intet gemmes på serveren: kandidaterne og briefen ligger kun i denne side "
            "og forsvinder, når du lukker den.",
            "en": "Nothing is stored on the server: the candidates and the brief live only "
            "in this page and are gone when you close it.",
        },
        "web.api_link": {"da": "HTTP-API til andre værktøjer", "en": "HTTP API for other tools"},
        "web.upload_title": {"da": "Upload kandidater", "en": "Upload candidates"},
        "web.upload_help": {
            "da": "Et regneark (.xlsx) eller en CSV-fil med én række pr. person; "
            "kolonnerne er beskrevet i docs/contract.md.",
            "en": "A workbook (.xlsx) or a CSV file with one row per person; the columns "
            "are described in docs/contract.md.",
        },
        "web.file": {"da": "Fil", "en": "File"},
        "web.sheet": {"da": "Ark", "en": "Sheet"},
        "web.upload": {"da": "Upload", "en": "Upload"},
        "web.sample_title": {"da": "Eller start fra et eksempel", "en": "Or start from a sample"},
        "web.sample": {"da": "Eksempel", "en": "Sample"},
        "web.use_sample": {"da": "Brug eksemplet", "en": "Use the sample"},
        "web.pool_title": {"da": "Puljen: {n} kandidater", "en": "The pool: {n} candidates"},
        "web.to_brief": {"da": "Videre til netværksbeskrivelsen", "en": "On to the brief"},
        "web.to_compose": {"da": "Sammensæt netværket", "en": "Compose the network"},
        "web.bad_input": {
            "da": "Der er problemer i input – ret dem og prøv igen:",
            "en": "There are problems in the input – fix them and try again:",
        },
        "web.infeasible": {
            "da": "Briefen kan ikke opfyldes med denne pulje:",
            "en": "The brief cannot be met with this pool:",
        },
        "web.relax": {"da": "Det ville hjælpe at:", "en": "What would help:"},
        "web.more_problems": {
            "da": "… og {n} problemer mere.",
            "en": "… and {n} more problems.",
        },
        "web.col.source": {"da": "fil", "en": "file"},
        "web.col.row": {"da": "række", "en": "row"},
        "web.col.column": {"da": "kolonne", "en": "column"},
        "web.col.value": {"da": "værdi", "en": "value"},
        "web.col.expected": {"da": "forventet", "en": "expected"},
        "web.brief_file": {"da": "Netværksbeskrivelse som YAML", "en": "Brief as YAML"},
        "web.brief_load": {"da": "Indlæs netværksbeskrivelsen", "en": "Load the brief"},
        "web.brief_download": {
            "da": "Hent netværksbeskrivelsen som YAML",
            "en": "Download the brief as YAML",
        },
        "web.brief_ok": {
            "da": "Netværksbeskrivelsen er i orden og passer til puljen.",
            "en": "The brief is valid and fits the pool.",
        },
        "web.b.theme_legend": {"da": "Tema", "en": "Theme"},
        "web.b.theme": {"da": "Netværkstema", "en": "Theme"},
        "web.b.description": {"da": "Beskrivelse", "en": "Description"},
        "web.b.home_units": {
            "da": "Enheder der ejer temaet (adskil med ;)",
            "en": "Units that own the theme (separate with ;)",
        },
        "web.b.period_months": {"da": "Varighed i måneder", "en": "Length in months"},
        "web.b.meetings_legend": {"da": "Møder og faser", "en": "Meetings and phases"},
        "web.b.meetings_count": {"da": "Antal møder", "en": "Number of meetings"},
        "web.b.meetings_hours": {"da": "Timer pr. møde", "en": "Hours per meeting"},
        "web.b.phase_name": {"da": "Fase", "en": "Phase"},
        "web.b.phase_meetings": {"da": "Møder (f.eks. 1, 2)", "en": "Meetings (e.g. 1, 2)"},
        "web.b.needs_legend": {"da": "Behov", "en": "Needs"},
        "web.b.needs_help": {
            "da": "Hvad netværket skal dække. Vægt: hvor vigtigt (1 = normalt); antal: hvor "
            "mange der skal dække det; faser: hvor det tæller (tom = alle, adskil med ;).",
            "en": "What the network must cover. Weight: how important (1 = normal); count: "
            "how many should cover it; phases: where it counts (empty = all, separate with ;).",
        },
        "web.b.need_name": {"da": "Behov", "en": "Need"},
        "web.b.need_kind": {"da": "Slags", "en": "Kind"},
        "web.b.need_weight": {"da": "Vægt", "en": "Weight"},
        "web.b.need_count": {"da": "Antal", "en": "Count"},
        "web.b.need_phases": {"da": "Faser", "en": "Phases"},
        "web.b.sizes_legend": {"da": "Størrelser", "en": "Sizes"},
        "web.b.core_min": {"da": "Kerne mindst", "en": "Core at least"},
        "web.b.core_max": {"da": "Kerne højst", "en": "Core at most"},
        "web.b.per_phase_max": {
            "da": "Løbende deltagere højst pr. fase",
            "en": "Phase participants at most per phase",
        },
        "web.b.total_max": {
            "da": "Løbende deltagere højst i alt",
            "en": "Phase participants at most in all",
        },
        "web.b.quotas_legend": {"da": "Kvoter", "en": "Quotas"},
        "web.b.quotas_help": {
            "da": "Kolonne og værdi, f.eks. `actor_type = citizen` eller `gender = mand`; "
            "omfang: `network` (alle), `core` (kernen) eller et fasenavn.",
            "en": "Column and value, e.g. actor_type = citizen or gender = mand; scope: "
            "network (everyone), core, or a phase name.",
        },
        "web.b.quota_column": {"da": "Kolonne", "en": "Column"},
        "web.b.quota_value": {"da": "Værdi", "en": "Value"},
        "web.b.quota_min": {"da": "Mindst", "en": "At least"},
        "web.b.quota_max": {"da": "Højst", "en": "At most"},
        "web.b.quota_scope": {"da": "Omfang", "en": "Scope"},
        "web.b.people_legend": {"da": "Bestemte personer", "en": "Particular people"},
        "web.b.include": {
            "da": "Skal med (id'er, adskil med ;)",
            "en": "Must be in (ids, separate with ;)",
        },
        "web.b.exclude": {"da": "Må ikke med (id'er)", "en": "Must not be in (ids)"},
        "web.b.co_drivers": {
            "da": "Co-drivere (id'er, højst to)",
            "en": "Co-drivers (ids, at most two)",
        },
        "web.b.options_legend": {"da": "Rækkevidde og robusthed", "en": "Reach and resilience"},
        "web.b.reach_by": {"da": "Foretræk rækkevidde i", "en": "Prefer reach into"},
        "web.b.reach_weight": {"da": "Vægt pr. enhed", "en": "Weight of each one"},
        "web.b.resilience": {
            "da": "Robusthed: tål at den mest uundværlige melder fra",
            "en": "Resilience: withstand the most indispensable member dropping out",
        },
        "web.reach.none": {"da": "ingen", "en": "none"},
        "web.reach.unit": {"da": "enheder", "en": "units"},
        "web.reach.organisation": {"da": "organisationer", "en": "organisations"},
        "web.more_rows": {"da": "Flere rækker", "en": "More rows"},
        "web.working": {
            "da": "Arbejder … store puljer kan tage et par minutter.",
            "en": "Working … large pools can take a few minutes.",
        },
        "web.compose_help": {
            "da": "Netværket sammensættes ud fra puljen og briefen.",
            "en": "The network is composed from the pool and the brief.",
        },
        "web.changed": {"da": "Hvad ændrede sig", "en": "What changed"},
        "web.s.core": {"da": "Kernedeltagere", "en": "Core participants"},
        "web.s.phase": {"da": "Løbende deltagere", "en": "Phase participants"},
        "web.s.objective": {"da": "Dækningsmål", "en": "Coverage objective"},
        "web.s.hours": {"da": "Persontimer", "en": "Person-hours"},
        "web.s.gaps": {"da": "Huller", "en": "Gaps"},
        "web.s.method": {"da": "Metode", "en": "Method"},
        "web.dl.xlsx": {"da": "Hent regneark (xlsx)", "en": "Download workbook (xlsx)"},
        "web.dl.csv": {"da": "Hent CSV", "en": "Download CSV"},
        "web.dl.json": {"da": "Hent JSON", "en": "Download JSON"},
        "web.dl.md": {"da": "Hent rapport (Markdown)", "en": "Download report (Markdown)"},
        "web.reasons": {"da": "Begrundelse", "en": "Reasons"},
        "web.why": {"da": "Hvorfor?", "en": "Why?"},
        "web.decline": {"da": "Melder fra", "en": "Declines"},
        "web.meeting_plan": {"da": "Mødeplan", "en": "Meeting plan"},
        "web.no_gaps": {"da": "Ingen huller.", "en": "No gaps."},
        "web.ties.known": {
            "da": "Par der kender hinanden i forvejen: {n}",
            "en": "Pairs who already know each other: {n}",
        },
        "web.ties.reach": {
            "da": "Netværket når {units} enheder og {orgs} organisationer.",
            "en": "The network reaches {units} units and {orgs} organisations.",
        },
        "web.ties.new": {
            "da": "Nye forbindelser på tværs af enheder: {n}",
            "en": "New ties across units: {n}",
        },
        "web.fragile": {
            "da": "uden personen falder dækningsmålet med {loss} ({needs}), og ingen i "
            "puljen kan genoprette det.",
            "en": "without them the coverage objective drops by {loss} ({needs}), and no one "
            "in the pool restores it.",
        },
        "web.no_dropouts": {
            "da": "Ikke beregnet for så stor en pulje.",
            "en": "Not computed for a pool this large.",
        },
        "web.pictures": {"da": "Billeder", "en": "Pictures"},
        "web.alt.network": {
            "da": "Netværket: deltagere, de behov de dækker, og hvem der kender hvem",
            "en": "The network: members, the needs they cover, and who knows whom",
        },
        "web.alt.coverage": {
            "da": "Dækning pr. fase: deltagere × behov, huller markeret med rødt",
            "en": "Coverage per phase: members × needs, gaps framed in red",
        },
        "web.alternatives": {"da": "Alternativer", "en": "Alternatives"},
        "web.alternatives_help": {
            "da": "Op til tre gode sammensætninger, hvis kerner adskiller sig med mindst to "
            "personer; nye navne er markeret.",
            "en": "Up to three good compositions whose cores differ by at least two people; "
            "new names are marked.",
        },
        "web.show_alternatives": {"da": "Vis alternativer", "en": "Show alternatives"},
        "web.alternative": {"da": "Alternativ {n}", "en": "Alternative {n}"},
        "web.whatif": {"da": "Hvad nu hvis", "en": "What if"},
        "web.whatif_help": {
            "da": "Skriv en anden vægt, kernestørrelse eller kvote (tomme felter er uændrede), "
            "og se forskellen.",
            "en": "Enter another weight, core size or quota (empty fields stay as they are) "
            "and see the difference.",
        },
        "web.run_whatif": {"da": "Sammensæt igen og sammenlign", "en": "Recompose and compare"},
        "web.whatif_result": {
            "da": "Forskel fra den nuværende",
            "en": "Difference from the current one",
        },
        "web.diff.joined": {"da": "Kommer med", "en": "Joined"},
        "web.diff.left": {"da": "Går ud", "en": "Left"},
        "web.diff.moved": {"da": "Ny rolle eller nye faser", "en": "New role or phases"},
        "web.docs_intro": {
            "da": "Hvert endpoint tager JSON (kandidater som poster, briefen som objekt) "
            "eller en multipart-formular med filerne, og svarer som kommandolinjens "
            "--format json. Den fulde beskrivelse:",
            "en": "Every endpoint takes JSON (candidates as records, the brief as an object) "
            "or a multipart form with the files, and answers as the command line's "
            "--format json. The full description:",
        },
        "web.docs_field": {"da": "felt", "en": "field"},
        "web.docs_required": {"da": "krævet", "en": "required"},
        "web.docs_what": {"da": "hvad", "en": "what"},
    }
)
