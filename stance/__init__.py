"""stance: a workbench for how political actors frame their words in Arabic news.

Data flows one way: articles -> quotes (``stance.extract``) -> Label Studio tasks and
annotations (``stance.labelstudio``, ``stance.annotations``) -> datasets -> models
(``stance.experiments``) -> per-actor reports (``stance.report``).
"""

__version__ = "0.1.0"
