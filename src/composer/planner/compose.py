"""``compose``: pool and brief in, a :class:`~composer.composition.Composition` out."""

from __future__ import annotations

from .._coerce import BriefLike, PoolLike, as_brief, as_pool, check_arguments
from ..composition import Composition
from ..progress import progress
from ..scoring import CandidateScorer
from .assemble import assemble
from .model import Method, build_plan
from .solve import roles_in, solve_for

__all__ = ["DROPOUTS_AUTO_MAX", "compose"]

#: ``compose`` works out dropouts (one seat refilled per member) for pools up to this size.
DROPOUTS_AUTO_MAX = 2_000


def compose(
    pool: PoolLike,
    brief: BriefLike,
    *,
    seed: int = 0,
    method: Method = "auto",
    scorer: CandidateScorer | None = None,
    dropouts: bool | None = None,
) -> Composition:
    """Compose a network: a core for all phases, phase participants, gaps and reasons.

    The core and the phase participants are chosen together by the joint model (see
    :mod:`composer.planner`): the most weighted coverage per phase, then the fewest
    person-hours, then the best fit.

    Parameters
    ----------
    pool : CandidatePool
    brief : NetworkBrief
    seed : int, default 0
        Same input and seed, same composition; row order never matters (ties by id).
    method : {"auto", "exact", "heuristic"}
        ``exact``: the mixed-integer programme (HiGHS), proven optimal; ``heuristic``:
        iterated local search for large pools; ``auto``: exact up to
        :data:`~composer.planner.model.AUTO_EXACT_MAX` modelled candidates.
    scorer : CandidateScorer, optional
        A configured (unfitted) scorer, e.g. with extra synonyms or weights.
    dropouts : bool, optional
        Fill :attr:`Composition.dropouts` (for every member: the loss per phase if they
        leave and the best replacement; the report lists the single points of failure).
        It refills one seat per member (by enumeration; with ``resilience`` a re-plan),
        so by default it is done for pools of up to :data:`DROPOUTS_AUTO_MAX`
        candidates.

    Returns
    -------
    Composition

    Raises
    ------
    InputError
        When the pool does not fit the brief (see :func:`composer.validate`), or
        ``method`` or ``seed`` is not one the function takes (checked first).
    InfeasibleError
        At once when the brief cannot be met, naming the rule, its numbers and what
        would relax it.

    Examples
    --------
    >>> from composer.datasets import load_sample
    >>> pool, brief = load_sample("klimatilpasning")
    >>> comp = compose(pool, brief)
    >>> brief.core.min <= len(comp.core) <= brief.core.max
    True
    >>> all(m.reasons for m in comp.members)
    True
    """
    method, seed = check_arguments(method=method, seed=seed, dropouts=dropouts, scorer=scorer)
    pool = as_pool(pool)
    with progress(3, "compose", rows=len(pool)) as bar:
        plan = build_plan(pool, as_brief(brief), scorer)
        bar.update()
        sol = solve_for(plan, method=method, seed=seed)
        bar.update()
        comp = assemble(plan, sol)
        if len(pool) <= DROPOUTS_AUTO_MAX if dropouts is None else dropouts:
            from .dropouts import dropouts_of

            by_id = {d.id: d for d in dropouts_of(plan, roles_in(sol), seed=seed, method=method)}
            comp = comp.model_copy(update={"dropouts": [by_id[m.id] for m in comp.members]})
        bar.update()
    return comp
