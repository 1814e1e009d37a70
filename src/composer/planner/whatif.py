"""What-ifs on a composition: alternatives that differ, and a member who declines."""

from __future__ import annotations

import numpy as np

from .._coerce import BriefLike, PoolLike, as_brief, as_pool, check_arguments
from ..composition import Composition
from ..errors import InfeasibleError, InputError, Problem, told
from ..messages import listing, member_named, say
from ..models import NetworkBrief
from ..optimise.joint import CORE, NETWORK
from ..pool import CandidatePool
from ..text import number
from .assemble import assemble
from .model import Method, build_plan
from .model import kinds as model_kinds
from .solve import refill_seat, roles_of, solve_for

__all__ = ["MAX_ALTERNATIVES", "alternatives", "replace"]

#: More alternatives than this are not asked for (each one is a full optimisation).
MAX_ALTERNATIVES = 20


def alternatives(
    pool: PoolLike,
    brief: BriefLike,
    n: int = 3,
    *,
    seed: int = 0,
    method: Method = "auto",
) -> list[Composition]:
    """Up to ``n`` good compositions that differ in who carries the core, best first.

    Each next composition is optimised with one more rule: its core holds at most
    ``len(core) - 2`` of every earlier core's members *and the people equivalent to
    them* (same actor type and the same coverage to a tenth), so two seats go to people
    who bring something else — never a near twin swapped for another (when a core has
    fewer than two people, the whole network must differ by two). The first is
    :func:`compose`'s answer; each next one is the best under one more rule, so they come
    in the model's order. Each alternative after the first says in one line (its
    ``changes``) who is out of the core, who is in, and what it costs in coverage and
    person-hours. Fewer than ``n`` are returned when no further composition differs
    enough (for example when include fixes most of the core); never two equal ones.

    Examples
    --------
    >>> from composer.datasets import load_sample
    >>> alts = alternatives(*load_sample("klimatilpasning"), n=2)
    >>> len(alts), len({m.id for m in alts[0].core} ^ {m.id for m in alts[1].core}) >= 2
    (2, True)
    """
    method, seed = check_arguments(method=method, seed=seed, n=n, n_max=MAX_ALTERNATIVES)
    plan = build_plan(as_pool(pool), as_brief(brief))
    avoid: list[tuple[np.ndarray, int, int]] = []
    found: list[Composition] = []
    kinds = model_kinds(plan, np.arange(len(plan.ids)), same_place=False)
    seen: set[tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]] = set()
    for _ in range(n):
        try:
            sol = solve_for(plan, method=method, seed=seed, avoid=avoid)
        except InfeasibleError:
            if not found:
                raise
            break
        comp = assemble(plan, sol)
        key = (
            tuple(m.id for m in comp.core),
            tuple((m.id, tuple(m.phases)) for m in comp.members if m.role == "phase"),
        )
        if key in seen:  # pragma: no cover - the avoid rule makes each one differ
            break
        seen.add(key)
        if found:
            comp = comp.model_copy(update={"changes": [_differs(found[0], comp)]})
        found.append(comp)
        core = list(sol.core)
        if len(core) >= 2:
            alike = np.isin(kinds, kinds[core])  # the core and everyone equivalent to them
            avoid.append((alike, len(core) - 2, CORE))
        else:
            everyone = np.zeros(len(plan.ids), dtype=bool)
            everyone[[*core, *sol.phases]] = True
            avoid.append((everyone, max(0, int(everyone.sum()) - 2), NETWORK))
    return found


def _who(comp: Composition, ids: list[str]) -> str:
    """Members as a report names them: name, unit and id (issue 15: who is who)."""
    lang, members = str(comp.language), comp.members
    return listing([member_named(members, i, lang) for i in ids], lang)


def _differs(first: Composition, alt: Composition) -> str:
    """One line: who is out of the core and who is in, and the cost in F and hours."""
    lang = str(alt.language)
    before, after = [m.id for m in first.core], [m.id for m in alt.core]
    out = [i for i in before if i not in after]
    into = [i for i in after if i not in before]
    return say(
        "alternative.differs", lang, out=_who(first, out) or "–", into=_who(alt, into) or "–",
        f=number(alt.objective, lang, 2), df=_signed(alt.objective - first.objective, lang, 2),
        h=number(alt.person_hours, lang), dh=_signed(alt.person_hours - first.person_hours, lang),
    )  # fmt: skip


def _signed(x: float, lang: str, digits: int | None = None) -> str:
    """A difference with its sign (``+3``, ``−0,05``, ``±0``)."""
    text = number(abs(x), lang, digits)
    return ("+" if x > 1e-9 else "−" if x < -1e-9 else "±") + text


def stale_problems(
    composition: Composition, member_id: str, pool: CandidatePool, brief: NetworkBrief
) -> list[Problem]:
    """What changed since ``composition`` was made that keeps a member from their seat:
    gone from the pool, now excluded, or in a phase the brief no longer has."""
    phases = {p.lower() for p in brief.phase_names}
    excluded = set(brief.exclude)
    problems = []
    for m in composition.members:
        if m.id == member_id:
            continue
        if m.id not in pool:
            why, params = "stale_gone", {"pool": pool.source}
        elif m.id in excluded:
            why, params = "stale_excluded", {}
        elif missing := [p for p in m.phases if p.lower() not in phases]:
            why, params = "stale_phase", {"phase": missing[0]}
        else:
            continue
        problems.append(
            told("<composition>", None, "members", m.id, why, code="stale_composition",
                 id=m.id, **params)
        )  # fmt: skip
    return problems


def replace(
    composition: Composition,
    member_id: str,
    pool: PoolLike,
    brief: BriefLike | None = None,
    *,
    seed: int = 0,
    method: Method = "auto",
) -> Composition:
    """``member_id`` declined: keep everyone else in their role, fill the gap as well as
    the rules allow.

    Everyone else keeps their role and phases; ``member_id`` can no longer take part;
    the joint model chooses at most one person to take the free seat (in the core or in
    some phases). The result's
    ``changes`` say who replaced whom and how the coverage of each need changed.

    Raises
    ------
    InputError
        For a bad argument, a ``member_id`` that is not in the composition, or when the
        composition no longer fits the pool or the brief (a member gone from the pool,
        now excluded, or in a phase the brief dropped).
    """
    method, seed = check_arguments(method=method, seed=seed, member_id=member_id)
    brief = composition.brief if brief is None else as_brief(brief)
    pool = as_pool(pool)
    ids = [m.id for m in composition.members]
    if member_id not in ids:
        raise InputError([told("<composition>", None, "member_id", member_id, "not_a_member",
                               code="bad_argument", ids=ids)])  # fmt: skip
    if stale := stale_problems(composition, member_id, pool, brief):
        raise InputError(stale)
    plan = build_plan(pool, brief)
    roles = roles_of(composition, plan)
    gone = next(i for i in roles if plan.ids[i] == member_id)
    others = {i: r for i, r in roles.items() if i != gone}
    sol = refill_seat(plan, others, gone, method=method, seed=seed)
    comp = assemble(plan, sol, left=[gone])  # the decliner is never suggested again
    return comp.model_copy(update={"changes": _replaced(composition, comp, member_id)})


def _replaced(before: Composition, after: Composition, gone: str) -> list[str]:
    """What ``replace`` changed: who took the seat, whether the coverage falls (said
    plainly), and each need and phase whose coverage changed as the report shows it."""
    lang = str(after.language)
    old = {m.id for m in before.members}
    new = [m.id for m in after.members if m.id not in old]
    changes = [
        say("change.replaced", lang, gone=_who(before, [gone]), new=_who(after, new))
        if new
        else say("change.none", lang, gone=_who(before, [gone]))
    ]
    if after.objective < before.objective - 0.005:
        changes.append(
            say(
                "change.falls", lang, before=number(before.objective, lang, 2),
                after=number(after.objective, lang, 2),
                diff=_signed(after.objective - before.objective, lang, 2),
            )
        )  # fmt: skip
    was = {ns.name: ns.covered for ns in before.needs}
    for ns in after.needs:
        for ph, v in ns.covered.items():
            old_v, new_v = number(was.get(ns.name, {}).get(ph, 0.0), lang, 2), number(v, lang, 2)
            if old_v != new_v:  # only lines that change as the reader sees them
                changes.append(f"{ns.name} ({ph}): {old_v} → {new_v}")
    return changes
