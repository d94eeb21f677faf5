"""Places: the gazetteer, place mentions in text, the document's place context and the resolver.

A service below annotate/ and extract/ (DESIGN.md): the spaCy component ``dateline_places`` is
registered in ``geo.place_tagger``; ``PlaceResolver`` ranks a name's candidates in the context
of the document; ``toponyms_of`` lists a document's place names with what they resolve to.
"""

from .context import PlaceContext
from .distance import distance_km
from .gazetteer import Gazetteer
from .gazetteer_build import build_gazetteer
from .places import DEFAULT_WEIGHTS, PlaceResolver, ResolvedPlace, Weights, precision_of
from .source_homes import SourceHomes, SourcePrior, homes_from_store, source_key
from .toponyms import Toponym, toponyms_of

__all__ = ["DEFAULT_WEIGHTS", "Gazetteer", "PlaceContext", "PlaceResolver", "ResolvedPlace", "SourceHomes", "SourcePrior",
           "Toponym", "Weights", "build_gazetteer", "distance_km", "homes_from_store", "precision_of", "source_key",
           "toponyms_of"]
