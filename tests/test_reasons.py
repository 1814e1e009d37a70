"""Every reason sentence in every scenario's composition is checked against the numbers
(issue 15): a reason is written only when it holds.

The sentences are read back with the message table's own Danish templates; the numbers
are recomputed here from the coverage matrix and the brief, apart from the library's
assembly code.
"""

from __future__ import annotations

import re
from collections.abc import Container
from pathlib import Path
from typing import Any

import pytest

from composer import compose, coverage, load_brief, load_candidates
from composer.datasets import list_samples, load_sample
from composer.messages import MESSAGES
from composer.planner.model import COVERS

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = {
    "reference": ROOT / "data" / "reference",
    "velfaerdsteknologi": ROOT / "tests" / "fixtures" / "velfaerdsteknologi",
}


def _load(name: str) -> tuple[Any, Any]:
    if name in SCENARIOS:
        folder = SCENARIOS[name]
        return load_candidates(folder / "candidates.csv"), load_brief(folder / "brief.yaml")
    return load_sample(name)


def _pattern(code: str) -> re.Pattern[str]:
    """The Danish template of ``code`` as a regex with one group per parameter."""
    parts = re.split(r"\{(\w+)\}", MESSAGES[code]["da"])
    regex = "".join(re.escape(p) if k % 2 == 0 else f"(?P<{p}>.+?)" for k, p in enumerate(parts))
    return re.compile(f"^{regex}$")


CARRIES, LACKS, QUOTA, SOLE = (
    _pattern(c)
    for c in ("member.carries", "member.phase_lacks", "member.phase_quota", "member.sole")
)


class _Numbers:
    """The composition's coverage per need and phase, recomputed."""

    def __init__(self, pool: Any, brief: Any, comp: Any) -> None:
        self.brief, self.comp = brief, comp
        self.cov = coverage(pool, brief)
        self.phases = brief.phase_names
        self.known = {nd.name for nd in brief.needs} | {q.label() for q in brief.quotas}
        self.present = {
            m.id: set(self.phases) if m.role == "core" else set(m.phases) for m in comp.members
        }

    def need_phases(self, name: str) -> set[str]:
        need = next(n for n in self.brief.needs if n.name == name)
        return set(self.brief.need_phases(need))

    def met(self, name: str, phase: str, without: str | None = None) -> float:
        need = next(n for n in self.brief.needs if n.name == name)
        total = sum(
            float(self.cov.loc[cid, name])
            for cid, where in self.present.items()
            if phase in where and cid != without
        )
        return min(1.0, total / need.count)


@pytest.fixture(scope="module", params=[*SCENARIOS, *list_samples()])
def numbers(request: pytest.FixtureRequest) -> _Numbers:
    pool, brief = _load(request.param)
    return _Numbers(pool, brief, compose(pool, brief, dropouts=False))


def _needs(text: str, known: Container[str] = ()) -> list[str]:
    """The need names of a list ("a, b og c"), without the words behind them: ``etik
    (»teknologietik«, snævrere begreb) og demens`` -> ``["etik", "demens"]``; a name of
    ``known`` with "og" in it is kept whole."""
    parts = re.split(r"(?:, | og )(?![^()]*\))", text)
    out: list[str] = []
    for p in (re.sub(r" \(.*\)$", "", p).strip() for p in parts):
        if out and f"{out[-1]} og {p}" in known:
            out[-1] = f"{out[-1]} og {p}"
        else:
            out.append(p)
    return out


def _carries(n: _Numbers, m: Any, hit: re.Match[str]) -> None:
    for need in _needs(hit["needs"], n.known):
        assert n.cov.loc[m.id, need] >= COVERS, (m.id, need)
        assert len(n.need_phases(need) & n.present[m.id]) > 1, (m.id, need)


def _lacks(n: _Numbers, m: Any, hit: re.Match[str]) -> None:
    for need in _needs(hit["needs"], n.known):
        where = n.need_phases(need) & n.present[m.id]
        assert any(n.met(need, ph) > n.met(need, ph, without=m.id) + 1e-9 for ph in where), (
            f"{m.id} is said to bring {need}, but nothing is lost without them"
        )


def _sole(n: _Numbers, m: Any, hit: re.Match[str]) -> None:
    for need in _needs(hit["needs"], n.known):
        holders = [o.id for o in n.comp.members if n.cov.loc[o.id, need] >= COVERS]
        assert holders == [m.id], (m.id, need, holders)


def _quota(n: _Numbers, m: Any, hit: re.Match[str]) -> None:
    labels = {q.label() for q in n.brief.quotas}
    assert set(_needs(hit["quotas"], n.known)) <= labels, (m.id, hit["quotas"])


CHECKS = ((CARRIES, _carries), (LACKS, _lacks), (SOLE, _sole), (QUOTA, _quota))


def test_every_reason_holds(numbers: _Numbers) -> None:
    checked = 0
    for m in numbers.comp.members:
        for reason in m.reasons:
            for pattern, check in CHECKS:
                if hit := pattern.match(reason):
                    check(numbers, m, hit)
                    checked += 1
    assert checked > 0


def test_the_checks_can_fail() -> None:
    """A reason that claims too much is caught: the patterns read the real sentences."""
    assert CARRIES.match(MESSAGES["member.carries"]["da"].format(needs="demens, etik"))
    assert not CARRIES.match("Bærer noget andet")
    assert _needs("demens, etik") == ["demens", "etik"]
    assert _needs("etik (»teknologietik«, snævrere begreb) og demens") == ["etik", "demens"]
    assert _needs("a, b og c og d", {"c og d"}) == ["a", "b", "c og d"]
