"""``composer.plots``, the name the README and the notebooks use: the pictures of
:mod:`composer.views.plots` (matplotlib extra)."""

from .views.plots import plot_coverage, plot_meetings, plot_network

__all__ = ["plot_coverage", "plot_meetings", "plot_network"]
