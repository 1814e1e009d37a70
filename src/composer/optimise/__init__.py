"""Choose the group that covers the most weighted needs.

The optimiser works on plain matrices, so other tools can use it without pools or
briefs. Row ``i`` of the coverage matrix says how much candidate ``i`` covers each need
(a value in [0, 1]); a need ``f`` is fully met once the chosen candidates' coverage adds
up to its ``demand[f]``. The objective of a selection ``S`` is

.. math::

    F(S) = \\sum_f w_f \\min\\Bigl(1, \\frac{\\sum_{i \\in S} c_{if}}{d_f}\\Bigr)
           + \\lambda \\sum_{i \\in S} s_i,

with ``weights`` :math:`w`, ``demand`` :math:`d`, ``scores`` :math:`s` and
``score_weight`` :math:`\\lambda`. :math:`F` is monotone and submodular: a second
person for a need that is already met adds nothing (diminishing returns).

:func:`solve` maximises :math:`F` under size limits, quotas, and forced inclusions and
exclusions, either with a lazy greedy [2]_ (the classic :math:`1 - 1/e` algorithm of [1]_
made fast) improved by a local search, or with an exact mixed-integer programme (HiGHS
through :func:`scipy.optimize.milp`), or with both (``method="auto"``).

One concept per module:

========================  ==============================================================
``problem``               :class:`Quota`, :class:`CoverageProblem` (validates its input
                          once), :class:`Selection`, :func:`objective`
``types``                 quotas seen through candidate types: can a partial selection
                          still be completed?
``feasibility``           :class:`~composer.errors.InfeasibleError` before any search,
                          naming the constraint and its relaxation
``greedy``                lazy greedy, swaps, pair moves, perturbation rounds
``exact``                 the MILP model of the coverage problem
``milp``                  :func:`~composer.optimise.milp.run_milp`, the one wrapper
                          through which every ``scipy.optimize.milp`` call goes
``solve``                 :func:`solve`: validation of the call, then greedy, exact or
                          both
========================  ==============================================================

References
----------
.. [1] Nemhauser, G. L., Wolsey, L. A. and Fisher, M. L. (1978). "An analysis of
   approximations for maximizing submodular set functions - I". *Mathematical
   Programming* 14, 265-294. doi:10.1007/BF01588971
.. [2] Minoux, M. (1978). "Accelerated greedy algorithms for maximizing submodular set
   functions". In *Optimization Techniques*, Lecture Notes in Control and Information
   Sciences 7, 234-243. doi:10.1007/BFb0006528
"""

from composer.optimise.problem import CoverageProblem, Quota, Selection, objective
from composer.optimise.solve import solve

__all__ = ["CoverageProblem", "Quota", "Selection", "objective", "solve"]
