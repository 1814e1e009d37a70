"""Why a brief cannot be met (:mod:`composer.planner.rules`): ``infeasible.<code>`` says
what cannot be met, ``relax.<code>`` what would make it possible; the same parameters fill
both, and :class:`~composer.errors.InfeasibleError` carries the codes."""

from __future__ import annotations

RULES_MESSAGES: dict[str, dict[str, str]] = {
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
}
