"""The optimiser of a network: arrays in, a chosen core and phase participants out.

It sees no pools or briefs, only the sparse candidate × need coverage matrix, the
phases each need counts in, sizes, quotas and hours (:mod:`composer.planner` builds
them). One concept per module:

=========================  =============================================================
``joint.problem``          :class:`~composer.optimise.joint.JointProblem` (the arrays and
                           the hard rules), :class:`~composer.optimise.joint.JointSolution`
``joint.objective``        F per phase, gains, losses, the worst dropout, reach,
                           person-hours and the fit tier — the one objective
``joint.exact``            the mixed-integer programme (two stages, HiGHS)
``joint.heuristic``        shortlist, greedy by gain per hour, local search and seeded
                           perturbation (iterated local search) for large pools
``milp``                   :func:`~composer.optimise.milp.run_milp`, the one wrapper
                           through which every ``scipy.optimize.milp`` call goes
=========================  =============================================================
"""
