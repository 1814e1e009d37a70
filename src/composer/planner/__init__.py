"""Composing a network: the core and the phase participants chosen together.

Every candidate is out, in the **core** (every meeting) or a **phase participant** in
some of the phases (a non-empty set that is not all of them). For a need ``f`` that
counts in the phases :math:`P_f`, the coverage in phase ``p`` is what the core and the
participants of ``p`` bring, and

.. math::

    F = \\sum_f w_f \\cdot \\frac{1}{|P_f|} \\sum_{p \\in P_f}
        \\min\\Bigl(1, \\frac{\\mathrm{cov}(f, p)}{\\mathrm{count}_f}\\Bigr).

F and the tiers are computed in one place, :mod:`composer.optimise.joint.objective`.
The recommendation maximises, in this order: (1) F (an F within the objective's slack of
the best counts as the best: :data:`~composer.optimise.joint.objective.F_SLACK` of the
median need weight); (2) the fewest person-hours (a core member gives every
meeting's hours, a participant those of their phases); (3) the fit: the core members'
``core_fit`` (staff and managers who can test ideas in their own unit, motivation, talks,
tasks, the line manager's yes) plus half of each participant's score, less one for each
near twin beyond one in the core; then ties by id. Sizes, ``per_phase_max``,
``total_max``, quotas by scope, include and exclude are hard rules; an included person
who can sit in the core does, unless that makes the brief impossible.

Modules: :mod:`~composer.planner.model` (the encoding → the joint problem, built once
per plan, and which solver), :mod:`~composer.planner.rules` and
:mod:`~composer.planner.core_check` (what no network can meet),
:mod:`~composer.planner.solve` (one way through the solvers),
:mod:`~composer.planner.dropouts` (what a member's leaving costs),
:mod:`~composer.planner.assemble` (the composition, its reasons and gaps) and
:mod:`~composer.planner.whatif` (alternatives and replacements).
"""

from .compose import compose
from .whatif import alternatives, replace

__all__ = ["alternatives", "compose", "replace"]
