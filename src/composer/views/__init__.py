"""Views of a composition: plain functions that read a :class:`composer.result.CompositionData`.

One module per view, imported only when used (this package imports none of them, so a
view loads neither matplotlib nor openpyxl unless asked):

- :mod:`~composer.views.tables`: the members and the meeting plan as DataFrames;
- :mod:`~composer.views.report`: the Markdown report;
- :mod:`~composer.views.export`: Excel, CSV and HTML tables;
- :mod:`~composer.views.html`: compact HTML and one-line views for notebooks;
- :mod:`~composer.views.graph`: a networkx graph (GraphML, GEXF);
- :mod:`~composer.views.plots`: pictures (matplotlib extra).

:class:`composer.Composition` keeps a thin method per view (``comp.explain()`` is
``views.report.explain(comp)``). The data (:mod:`composer.result`) imports no view, and
no view imports :mod:`composer.composition`, so there is no import circle.
"""
