"""Dropouts: what the network loses per phase if a member leaves, and who could replace
them under every rule (:func:`composer.replace`'s model: everyone else keeps their role,
at most one newcomer)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from .._coerce import check_arguments
from ..composition import Composition, Dropout
from ..models import NetworkBrief
from ..optimise.joint.objective import phase_coverage
from ..pool import CandidatePool
from .advice import takers
from .model import Method, Plan, build_plan
from .solve import refill_or_none, roles_in, roles_of

__all__ = ["RESTORE_SHARE", "dropouts", "dropouts_of", "with_dropouts"]

#: A seat is restored when the replacement wins back at least this share of the loss.
RESTORE_SHARE = 0.9


def _split(
    roles: Mapping[int, tuple[int, ...] | None],
) -> tuple[list[int], dict[int, tuple[int, ...]]]:
    """``roles`` (None = core) as the core and each participant's phases."""
    core = [i for i, r in roles.items() if r is None]
    return core, {i: r for i, r in roles.items() if r is not None}


def _coverage(plan: Plan, roles: Mapping[int, tuple[int, ...] | None]) -> npt.NDArray[np.float64]:
    """need × phase: what the people in ``roles`` bring (:func:`phase_coverage`)."""
    return phase_coverage(plan.cov, len(plan.brief.phases), *_split(roles))


def _phase_values(
    plan: Plan, roles: Mapping[int, tuple[int, ...] | None]
) -> npt.NDArray[np.float64]:
    """The needs' F by phase of the people in ``roles`` (:meth:`Objective.by_phase`)."""
    return plan.needs_objective.by_phase(_coverage(plan, roles))


def dropouts(
    comp: Composition,
    pool: CandidatePool,
    brief: NetworkBrief | None = None,
    *,
    seed: int = 0,
    method: Method = "auto",
) -> list[Dropout]:
    """For every member: the loss per phase if they leave, and the best replacement.

    The loss is the drop in the coverage objective F, phase by phase, with everyone else
    present as planned. The replacement is what :func:`composer.replace` would choose:
    everyone else keeps their role, the member is out, and the joint model seats at most
    one newcomer from the pool under every rule of the brief. A seat is *restored* when
    the network then wins back at least :data:`RESTORE_SHARE` of the loss (or loses at
    most the objective's slack of F, :attr:`Objective.slack`); a member whose loss is more than that and whose
    seat cannot be restored is a *single point of failure*.

    The pool is scored once and one seat refilled per member (by enumeration,
    :mod:`composer.optimise.joint.refill`), so this costs about as much as one
    :func:`composer.replace` per member; :func:`composer.compose`
    does it for pools up to ``DROPOUTS_AUTO_MAX`` candidates (see its ``dropouts``).

    Parameters
    ----------
    comp : Composition
    pool : CandidatePool
        The pool the composition came from.
    brief : NetworkBrief, optional
        The composition's own brief by default.
    seed, method
        As for :func:`composer.compose`.

    Returns
    -------
    list of Dropout
        In the order of :attr:`Composition.members`.

    Raises
    ------
    KeyError
        When a member is not in the pool.

    Examples
    --------
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> pool, brief = load_sample("klimatilpasning")
    >>> comp = compose(pool, brief)
    >>> out = dropouts(comp, pool)
    >>> [d.id for d in out] == [m.id for m in comp.members], all(d.loss_total >= 0 for d in out)
    (True, True)
    """
    method, seed = check_arguments(method=method, seed=seed)
    plan = build_plan(pool, comp.brief if brief is None else brief)
    return dropouts_of(plan, roles_of(comp, plan), seed=seed, method=method)


def dropouts_of(
    plan: Plan, roles: Mapping[int, tuple[int, ...] | None], *, seed: int, method: Method
) -> list[Dropout]:
    """:func:`dropouts` of the members in ``roles`` (plan rows; None = core), in that
    order, on a plan that is already built (``compose`` passes its own solution)."""
    before = _phase_values(plan, roles)
    return [_dropout(plan, roles, before, i, seed, method) for i in roles]


def _dropout(
    plan: Plan,
    roles: Mapping[int, tuple[int, ...] | None],
    before: npt.NDArray[np.float64],
    gone: int,
    seed: int,
    method: Method,
) -> Dropout:
    """One member's :class:`Dropout`: the loss without them, and the replacement's."""
    b = plan.brief
    others = {i: r for i, r in roles.items() if i != gone}
    without = _phase_values(plan, others)
    loss = np.maximum(0.0, before - without)
    replacement, rules_met, new_row = None, True, None
    after = without
    sol = refill_or_none(plan, others, gone, method=method, seed=seed)
    if sol is None:
        rules_met = False
    else:
        new = sorted({*sol.core, *sol.phases} - set(others))
        if new:
            new_row = new[0]
            replacement = str(plan.ids[new_row])
        after = _phase_values(plan, roles_in(sol))
    tolerance = plan.objective.slack  # a loss this small is no loss
    lost = float(loss.sum())
    left = float(np.maximum(0.0, before - after).sum())
    recovered = 1.0 if lost <= tolerance else max(0.0, 1.0 - left / lost)
    restored = rules_met and (left <= tolerance or recovered >= RESTORE_SHARE)
    needs_lost = _needs_lost(plan, roles, gone)
    return Dropout(
        id=str(plan.ids[gone]),
        role="core" if roles[gone] is None else "phase",
        loss={b.phase_names[p]: round(float(v), 4) for p, v in enumerate(loss)},
        loss_total=round(float(loss.sum()), 4),
        needs_lost=needs_lost,
        replacement=replacement,
        recovered=round(recovered, 4) if rules_met else 0.0,
        restored=restored,
        rules_met=rules_met,
        single_point_of_failure=lost > tolerance and not restored,
        takers=takers(
            plan, others, gone, new_row, needs_lost, np.flatnonzero(loss > 1e-9).tolist()
        ),
    )


def _needs_lost(plan: Plan, roles: Mapping[int, tuple[int, ...] | None], gone: int) -> list[str]:
    """Needs whose satisfaction drops in some phase without ``gone``."""
    present = np.ones(len(plan.brief.phases), dtype=bool)
    if roles[gone] is not None:
        present[:] = False
        present[list(roles[gone] or ())] = True
    lost = plan.needs_objective.needs_lost(_coverage(plan, roles), plan.cov[gone], present)
    return [nd.name for f, nd in enumerate(plan.brief.needs) if lost[f]]


def with_dropouts(
    comp: Composition,
    pool: CandidatePool,
    brief: NetworkBrief | None = None,
    *,
    seed: int = 0,
    method: Method = "auto",
) -> Composition:
    """``comp`` with :attr:`Composition.dropouts` filled (the report then lists the
    single points of failure); see :func:`dropouts`.

    Examples
    --------
    >>> from composer import compose
    >>> from composer.datasets import load_sample
    >>> pool, brief = load_sample("klimatilpasning")
    >>> comp = with_dropouts(compose(pool, brief), pool)
    >>> len(comp.dropouts) == len(comp.members)
    True
    """
    return comp.model_copy(
        update={"dropouts": dropouts(comp, pool, brief, seed=seed, method=method)}
    )
