"""Places: the gazetteer, place mentions in text, the document's place context and the resolver.

A service below annotate/ and extract/ (DESIGN.md): the spaCy component ``dateline_places`` is
registered in ``geo.place_tagger``; ``build_document_geo`` builds the document's one place context
(extraction, ``dateline places`` and the scorers alike); ``PlaceResolver`` ranks a name's
candidates in it; ``toponyms_of`` lists a document's place names with what they resolve to.
"""

from .context import PlaceContext
from .distance import distance_km
from .document import GeoEvidence, build_document_geo, document_evidence
from .gazetteer import Gazetteer
from .gazetteer_build import build_gazetteer
from .places import DEFAULT_WEIGHTS, PlaceResolver, ResolvedPlace, Weights, precision_of
from .source_homes import SourceHomes, SourcePrior, StoredHomes, homes_from_store, source_key
from .toponyms import Toponym, toponyms_of

__all__ = ["DEFAULT_WEIGHTS", "Gazetteer", "GeoEvidence", "PlaceContext", "PlaceResolver", "ResolvedPlace",
           "SourceHomes", "SourcePrior", "StoredHomes", "Toponym", "Weights", "build_document_geo", "build_gazetteer", "distance_km",
           "document_evidence", "homes_from_store", "precision_of", "source_key", "toponyms_of"]
