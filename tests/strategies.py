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
            "actor_type": draw(st.sampled_from(ACTOR_INPUTS)),
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
                st.sampled_from(["", "alle", "afdækning", "afdækning;afprøvning", "afprøvning"])
            ),
            "hours_available": draw(st.sampled_from(["", "0", "6", "12.5", "24", "40"])),
            "manager_approval": draw(st.sampled_from(["", "ja", "nej", "yes", "no", "1", "0"])),
            "can_present": draw(st.sampled_from(["", "ja", "nej", "true", "false"])),
            "can_take_tasks": draw(st.sampled_from(["", "ja", "nej"])),
            "knows": ";".join(
                draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)).__iter__()
            ),
            "gender": draw(st.sampled_from(["", "kvinde", "mand"])),
        }
        rec["knows"] = ";".join(k for k in rec["knows"].split(";") if k and k != cid)
        records.append(rec)
    return records
