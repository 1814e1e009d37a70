"""Hypothesis strategies shared by the tests (attrs keeps them in one place too)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from composer.models import ActorType

ACTOR_INPUTS = (
    [a.value for a in ActorType]
    + [a.label_da for a in ActorType]
    + [a.label_da.upper() for a in ActorType]
)
MUNICIPAL = [
    a
    for a in ACTOR_INPUTS
    if a.lower()
    in ("municipal_staff", "municipal_manager", "kommunal medarbejder", "kommunal leder")
]
PHRASES = [
    "demens",
    "sundhedsfremme",
    "borgerinddragelse",
    "Borger-inddragelse",
    "frivilligkoordinering",
    "evaluering",
    "designtænkning",
    "dataanalyse",
    "egen erfaring med ensomhed",
    "pårørendeerfaring",
    "civilsamfund",
    "borgerperspektiv",
]
# free text with the characters that break naive CSV writers
FREE_TEXT = st.text(
    alphabet=st.sampled_from(list("abcæøåÆØÅ ,;\"'\n\t-–«»0123456789")), max_size=40
)
PHRASE_TEXT = st.text(alphabet=st.sampled_from(list("abcdæøåÆØÅ -'\"«»,")), min_size=1, max_size=15)


def _clean_phrase(s: str) -> str:
    return s.replace(";", " ").strip()


@st.composite
def candidate_records(draw: Any, min_size: int = 1, max_size: int = 12) -> list[dict[str, Any]]:
    """Valid candidate records as a spreadsheet would hold them (all text)."""
    n = draw(st.integers(min_size, max_size))
    ids = [f"P{i:03d}" for i in range(n)]
    records = []
    for cid in ids:
        phrases = st.lists(
            st.one_of(st.sampled_from(PHRASES), PHRASE_TEXT.map(_clean_phrase)).filter(bool),
            max_size=3,
        )
        rec = {
            "id": cid,
            "name": draw(FREE_TEXT).strip(),
            # staff and managers first (the carriers a core needs), then every actor type
            "actor_type": draw(
                st.one_of(st.sampled_from(MUNICIPAL), st.sampled_from(ACTOR_INPUTS))
            ),
            "organisation": draw(
                st.sampled_from(["", "Eksempel Kommune", "Ældre Sagen, lokalafdeling"])
            ),
            "unit": draw(st.sampled_from(["", "Ældre og Sundhed", "Kultur og Fritid"])),
            "professional_competences": "; ".join(dict.fromkeys(draw(phrases))),
            "personal_competences": "; ".join(dict.fromkeys(draw(phrases))),
            "methodological_competences": "; ".join(dict.fromkeys(draw(phrases))),
            "perspectives": "; ".join(dict.fromkeys(draw(phrases))),
            "background": draw(FREE_TEXT).strip(),
            "statement": draw(FREE_TEXT).strip(),
            "motivation": draw(st.sampled_from(["", "1", "2", "3", "4", "5"])),
            "phases": draw(
                st.sampled_from(
                    ["", "", "", "alle", "alle", "afdækning", "afdækning;afprøvning", "afprøvning"]
                )
            ),
            # mostly people who can take part (so most scenarios compose), some who cannot
            "hours_available": draw(
                st.sampled_from(["", "", "", "", "40", "24", "0", "6", "12.5"])
            ),
            "manager_approval": draw(
                st.sampled_from(["", "ja", "ja", "yes", "1", "ja", "ja", "nej", "no", "0"])
            ),
            "can_present": draw(st.sampled_from(["ja", "", "nej", "true", "false"])),
            "can_take_tasks": draw(st.sampled_from(["", "ja", "nej"])),
            "knows": ";".join(
                draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)).__iter__()
            ),
            "gender": draw(st.sampled_from(["kvinde", "mand", ""])),
        }
        rec["knows"] = ";".join(k for k in rec["knows"].split(";") if k and k != cid)
        records.append(rec)
    return records


PHASE_NAMES = ["afdækning", "idéudvikling", "afprøvning", "forankring"]
NEED_KINDS = ["professional", "personal", "methodological", "perspective", "topic"]


@st.composite
def briefs(draw: Any, ids: list[str], free: list[str] | None = None) -> dict[str, Any]:
    """A brief (as a dict, the way YAML gives it) over the phases ``candidate_records`` uses.

    Includes come mostly from ``free`` (people free for every meeting) when it is given,
    sometimes from anyone (an include who cannot come must be said, not composed)."""
    n_needs = draw(st.integers(0, 6))
    names = draw(
        st.lists(st.sampled_from(PHRASES), min_size=n_needs, max_size=n_needs, unique_by=str.lower)
    )
    needs: list[dict[str, Any]] = [
        {
            "name": name,
            "kind": draw(st.sampled_from(NEED_KINDS)),
            "weight": draw(st.sampled_from([1, 2, 3])),
            "count": draw(st.sampled_from([1, 1, 2])),
            **(
                {
                    "phases": draw(
                        st.lists(st.sampled_from(PHASE_NAMES), min_size=1, max_size=2, unique=True)
                    )
                }
                if draw(st.booleans())
                else {}
            ),
        }
        for name in names
    ]
    if draw(st.booleans()):
        needs.append({"name": "borger", "kind": "actor_type", "weight": 2})
    lo = draw(st.sampled_from([0, 1, 1, 2]))
    quotas = []
    for _ in range(draw(st.sampled_from([0, 0, 0, 0, 1, 1, 2, 3]))):
        column, value = draw(
            st.sampled_from(
                [("gender", "kvinde"), ("actor_type", "borger"), ("orientation", "inside"),
                 ("orientation", "outside"), ("gender", "mand"), ("can_present", "ja")]
            )
        )  # fmt: skip
        qmin = draw(st.sampled_from([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2]))
        quotas.append(
            {
                "column": column,
                "value": value,
                "min": qmin,
                "max": draw(st.one_of(st.none(), st.integers(qmin, qmin + 2))),
                "scope": draw(st.sampled_from(["network"] * 5 + ["core", "core", *PHASE_NAMES])),
            }
        )
    some = draw(st.sampled_from([free] * 5 + [ids])) if free else ids
    include = draw(
        st.lists(st.sampled_from(some), max_size=draw(st.sampled_from([0, 0, 1, 2])), unique=True)
    )
    exclude = [
        i for i in draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)) if i not in include
    ]
    return {
        "theme": "Ensomhed blandt ældre",
        "description": "Ældre borgere skal have flere fællesskaber.",
        "home_units": ["Ældre og Sundhed"],
        "meetings": {"count": 4, "hours": draw(st.sampled_from([2, 3, 3.5]))},
        "phases": [{"name": p, "meetings": [k + 1]} for k, p in enumerate(PHASE_NAMES)],
        "needs": needs,
        "core": {"min": lo, "max": lo + draw(st.integers(0, 4)) or 1},
        "phase_participants": {
            # the first value is what hypothesis tries most: one that composes
            "per_phase_max": draw(st.sampled_from([2, 1, 3, 2, 3, 2, 0])),
            "total_max": draw(st.sampled_from([3, 2, 4, 5, 4, 6, 0])),
        },
        "quotas": quotas,
        "include": include,
        "exclude": exclude,
        "language": draw(st.sampled_from(["da", "en"])),
    }
