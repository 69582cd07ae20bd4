"""The actor registry: canonical persons and bodies that speak in the news.

>>> from stance.actors import Registry
>>> reg = Registry.load()
>>> reg.resolve("وزير الخارجية العراقي", date="2015-03-01").name
'إبراهيم الجعفري'

The data is YAML under ``stance/actors/data/`` (see ``stance/actors/README.md``); users add
or override actors with their own file: ``Registry.load(extra=["my_actors.yaml"])``.
"""

from .registry import Actor, Registry, Resolution, bundled_lexicon
from .schema import ROLES

__all__ = ["Actor", "Registry", "Resolution", "ROLES", "bundled_lexicon"]
