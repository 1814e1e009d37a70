"""The joint heuristic for large pools: greedy over person × role by gain per hour, then
moves between roles, swaps, and seeded perturbation.

1. **Shortlist** (:mod:`.shortlist`). For every need and phase, the ``K`` candidates who
   cover it best among those who may join that phase; for every phase and the core, the
   ``K`` who add most F to an empty network there; the best members of every quota, the
   includes, the best core fillers by fit and everyone the LP relaxation gives weight.
   Every later step works on the shortlist only, so its cost does not grow with the
   pool (one pass over the sparse coverage makes the shortlist).
2. **Greedy.** Options are "``i`` joins the core", "``i`` joins phase ``p``" and "the
   participant ``i`` moves up to the core"; each is ranked by its gain in F per hour
   (a core seat below ``core_min`` costs nothing: it must be filled anyway), a second
   run by gain alone. Quota minimums are met first, maxima are never crossed.
3. **Local search.** Additions, one-for-one swaps in the core and in the phases, until no
   move raises F; then, keeping F within the objective's slack of the best found, moves that save
   person-hours (dropping, and turning a core member into a participant of the phases
   where they count), then swaps that raise the fit.
4. **Perturbation.** Seeded rounds drop a few members and rebuild (iterated local search
   [1]_); a round is kept when it is better by the tiers.

References
----------
.. [1] Lourenço, H. R., Martin, O. C. and Stützle, T. (2003). "Iterated Local Search".
   In *Handbook of Metaheuristics*, 320-353. doi:10.1007/0-306-48056-5_11
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .exact import relaxation
from .moves import Search
from .problem import JointProblem, JointSolution, by_id, evaluate, rule_violations
from .shortlist import shortlist, widen
from .state import State

__all__ = ["LP_FIRST_MAX", "PERTURB_ROUNDS", "solve_heuristic"]

#: Seeded perturbation rounds after the first local search.
PERTURB_ROUNDS = 30
#: A candidate the LP relaxation gives more than this weight joins the shortlist.
LP_SUPPORT = 1e-6
#: Above this many candidates the search first runs without the LP relaxation (whose
#: cost grows with the pool: 3.8 s at 50,000, 18 s at 200,000) and the LP is solved only
#: when that search leaves a need unmet somewhere. Below it the LP's support always
#: widens the shortlist: on ``random_joint_problem(1, n=3000)`` a network found without it
#: needed 126 person-hours instead of 108.
LP_FIRST_MAX = 20_000


def _better(a: tuple[float, float, float], b: tuple[float, float, float], floor: float) -> bool:
    """``a`` beats ``b`` when both reach ``floor``: fewer hours, then a higher fit, then F."""
    if a[0] < floor:
        return False
    if b[0] < floor:
        return True
    if abs(a[1] - b[1]) > 1e-9:
        return a[1] > b[1]
    if abs(a[2] - b[2]) > 1e-9:
        return a[2] > b[2]
    return a[0] > b[0] + 1e-9


def _kick(search: Search, base: State, by_ratio: bool) -> State | None:
    """Drop one to four random members of ``base`` (not includes) and refill without them."""
    s = base.copy()
    members = np.flatnonzero((s.core | s.part.any(axis=1)) & ~search.is_inc)
    if not len(members):
        return None
    k = int(search.rng.integers(1, min(4, len(members)) + 1))
    kicked = search.rng.choice(members, size=k, replace=False)
    for j in kicked.tolist():
        search.set_role(s, j, False, np.zeros(search.P, bool))
    # half of the kicks also move a participant up to the core: roles change, not only people
    ups = np.flatnonzero(s.part.any(axis=1) & search.core_ok & ~search.is_inc)
    if len(ups) and int(s.core.sum()) < search.pr.core_max and search.rng.random() < 0.5:
        search.set_role(s, int(search.rng.choice(ups)), True, np.zeros(search.P, bool))
    s = search.greedy(s, by_ratio, banned=kicked)
    return s if search.feasible(s) else None


def _best_F(search: Search, rounds: int, bound: float | None) -> tuple[State, list[State]] | None:
    """Greedy (by gain per hour and by gain), local search, perturbation on F, then the
    pair refills of :meth:`Search.intensify` unless F has reached ``bound`` (the LP
    relaxation's: they take a move only when it raises F, which no move then can)."""
    found: list[State] = []
    for by_ratio in (True, False):
        s = search.greedy(search.start(), by_ratio)
        if search.feasible(s):
            search.improve(s)
            found.append(s)
    if not found:
        return None
    best = max(found, key=search.key)
    for r in range(rounds):
        kicked = _kick(search, best, bool(r % 2))
        if kicked is None:
            continue
        search.improve(kicked)
        found.append(kicked)
        if search.key(kicked) > search.key(best):
            best = kicked
    if bound is None or search.key(best)[0] < bound - 1e-9:
        search.intensify(best)
    found.append(best)
    return best, found


class _Saver:
    """``save_hours`` then ``polish``, remembered by the roles they start from: both are
    deterministic functions of the roles and the floor, and kicks often lead back to
    roles already seen, so a repeat costs a look-up."""

    def __init__(self, search: Search, floor: float) -> None:
        self.search, self.floor = search, floor
        self.done: dict[tuple[bytes, bytes], State] = {}

    def __call__(self, s: State) -> None:
        sig = (s.core.tobytes(), s.part.tobytes())
        if sig in self.done:
            s.adopt(self.done[sig])
            return
        self.search.save_hours(s, self.floor)
        self.search.polish(s, self.floor)
        self.done[sig] = s.copy()


def _fewest_hours(search: Search, found: list[State], floor: float, rounds: int) -> State:
    """Among solutions with F >= floor: save hours, then perturbation on hours."""
    save = _Saver(search, floor)
    finals = []
    for s in found:
        if search.value(s.cov) >= floor:
            save(s)
            finals.append((search.key(s), s))
    choice = finals[0]
    for item in finals[1:]:
        if _better(item[0], choice[0], floor):
            choice = item
    for r in range(rounds):
        kicked = _kick(search, choice[1], bool(r % 2))
        if kicked is None:
            continue
        save(kicked)
        key = search.key(kicked)
        if _better(key, choice[0], floor):
            choice = (key, kicked)
    return choice[1]


def solve_heuristic(
    problem: JointProblem, *, seed: int = 0, rounds: int = PERTURB_ROUNDS
) -> JointSolution | None:
    """A good solution by the tiers (see the module docstring), or None when none is found.

    Deterministic for a given problem and ``seed``. The LP relaxation of the exact model
    gives the answer its certificate (``bound``: no network that keeps the rules has a
    higher first tier; with ``resilient`` the bound is on F, which the worst dropout's F
    never exceeds) and widens the shortlist by everyone the LP gives weight to.

    For more than :data:`LP_FIRST_MAX` candidates the search runs first on the
    shortlist alone: when its network meets every need in every phase (F at
    :meth:`Objective.top`, which no network exceeds), that is the bound and the LP is not
    solved. Otherwise the LP is solved, and the search runs again only if the LP's
    support widens the shortlist, so the answer is the one a search on the widened
    shortlist gives.
    """
    rows = shortlist(problem)
    first = None
    if problem.n > LP_FIRST_MAX and not problem.resilient:
        top = problem.objective.top()
        first = _solve_on(problem, rows, seed, rounds, top)
        if first is not None and first.objective >= top - 1e-9:
            return replace(first, bound=max(first.objective, top))
    bound, weight = relaxation(replace(problem, resilient=False))
    lp_support = np.flatnonzero(weight > LP_SUPPORT) if weight is not None else None
    wider = widen(problem, rows, lp_support)
    sol = (
        first
        if first is not None and np.array_equal(wider, rows)
        else _solve_on(problem, wider, seed, rounds, bound)
    )
    if sol is None:
        return None
    return replace(sol, bound=None if bound is None else max(sol.objective, bound))


def _solve_on(
    problem: JointProblem, rows: np.ndarray, seed: int, rounds: int, bound: float | None
) -> JointSolution | None:
    """The search on the candidates ``rows`` (``bound``: no F above it), without a bound
    of its own; None when it finds no network."""
    if not len(rows):
        return None
    search = Search(problem, rows, seed)
    first = _best_F(search, rounds, bound)
    if first is None:
        return None
    best, found = first
    s = _fewest_hours(search, found, search.value(best.cov) - search.obj.slack, rounds)
    if problem.resilient:
        search.raise_worst(s)
        search.save_hours_worst(s, search.worst(s) - search.obj.slack)
    core = tuple(int(rows[i]) for i in np.flatnonzero(s.core))
    phases = {
        int(rows[i]): tuple(int(p) for p in np.flatnonzero(s.part[i]))
        for i in np.flatnonzero(s.part.any(axis=1))
    }
    core, phases = by_id(problem, core, phases)
    if rule_violations(problem, core, phases):  # pragma: no cover - a bug guard
        return None
    F, H, fit = evaluate(problem, core, phases)
    return JointSolution(core, phases, F, H, fit, "heuristic", False, "", None)
