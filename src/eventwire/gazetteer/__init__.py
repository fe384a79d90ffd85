"""The compact offline gazetteer: GeoNames cities, countries and regions in one file,
and the geoparsing built on it.

``Gazetteer.load()`` gives the per-process gazetteer (built at first use into the cache
directory, see ``build.py``; territory points in ``territory.py``); ``candidates(name)``
lists the places a name may refer to. ``mentions.py`` finds the toponyms of a parsed
article (with the plain-text cues of ``cues.py``), ``resolve.py`` picks each one's place
with the whole article as context (priors and mentions in ``priors.py``; names the
article does not support dropped by ``support.py``).
"""

from eventwire.gazetteer.build import BuildReport, build_gazetteer, cache_dir
from eventwire.gazetteer.lookup import (
    Gazetteer,
    GazetteerEntry,
    derive_demonyms,
    is_place_name,
    precision_of,
)
from eventwire.gazetteer.names import name_key

__all__ = [
    "BuildReport",
    "Gazetteer",
    "GazetteerEntry",
    "build_gazetteer",
    "cache_dir",
    "derive_demonyms",
    "is_place_name",
    "name_key",
    "precision_of",
]
