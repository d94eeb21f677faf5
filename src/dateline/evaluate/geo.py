"""Place scorers: geoparsing XML corpora, UCDP GED Iraq places, PITF Iraq event places, event-location.

Kinds (``dateline evaluate --kind KIND --gold FILE``):

``geoxml``    LGL / TR-News (``<toponym>``) and GeoVirus (``<location>``) XML. Every gold
              toponym is resolved in its document's context (the document's other gold
              toponyms, as a geocoder given the gold spans); distance to the gold point.
              Misses count as 20,039 km (half the Earth's circumference), as in Gritta et al.
``ucdp``      UCDP GED Iraq CSV: each row's ``where_coordinates`` name (type word removed)
              resolved with its ``adm_1`` as context; rows of ``where_prec`` 1 scored.
``pitfplace`` PITF atrocities (tab-separated, 4 header lines): Iraq rows with a named
              locality; the Description runs through the real pipeline and the most precise
              place of its events is compared with the coded point (degrees-minutes-seconds).
``eventloc``  Halterman's event-location records (gold VERB and LOCATION spans): does
              :func:`dateline.extract.placing.pick_place` pick the gold location for the verb?
"""

from __future__ import annotations

import csv
import json
import logging
import math
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path
from statistics import mean, median
from typing import TYPE_CHECKING, Iterator

from ..errors import ConfigError
from ..geo.distance import distance_km
from ..geo.document import GeoEvidence, build_document_geo
from ..geo.places import PlaceContext, PlaceResolver
from ..geo.source_homes import SourceHomes, province_vote, source_key, vote_weight
from .common import SPLITS, in_split
from .pitf import PitfRow, read_pitf
from .registry import ScoreReport, scorer

if TYPE_CHECKING:
    from ..geo.gazetteer import Gazetteer
    from ..geo.places import Weights
    from ..models import Place
    from ..pipeline import Engine

log = logging.getLogger(__name__)

# (modulus, remainder) of the article index; "tune-a" / "tune-b" split the tuning half in two, to
# check inside it whether weights fitted on one quarter carry over to the other
_PARTS = {"all": (1, 0), "tune": (2, 0), "heldout": (2, 1), "tune-a": (4, 0), "tune-b": (4, 2)}
_FOLDS = {None: 0, "a": 0, "b": 1}  # fold -> index parity within the part
MISS_KM = 20039.0  # error given to a toponym left unresolved (half the Earth's circumference)


@dataclass(slots=True)
class GoldToponym:
    """A gold toponym of a geoparsing corpus: its span, phrase and point."""

    start: int
    end: int
    phrase: str
    latitude: float
    longitude: float
    geonameid: int | None = None


@dataclass(slots=True)
class GoldArticle:
    text: str
    toponyms: list[GoldToponym]
    source: str | None = None  # the outlet: <domain> (LGL, TR-News), else the <url>'s host


def _engine(engine: "Engine | None") -> "Engine":
    if engine is not None:
        return engine
    from ..pipeline import Engine

    return Engine.load()


def _gazetteer(engine: "Engine | None") -> "Gazetteer":
    if engine is not None and engine.extractor.gazetteer is not None:
        return engine.extractor.gazetteer
    from ..geo.gazetteer import Gazetteer

    return Gazetteer.default()


# ---------------------------------------------------------------- geoparsing XML


def read_geoxml(path: Path) -> Iterator[GoldArticle]:
    """Articles of an LGL / TR-News / GeoVirus file, with their gold toponyms."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ConfigError(f"not a geoparsing XML file: {exc}", where=str(path),
                          hint="give lgl.xml, TR-News.xml or GeoVirus.xml") from exc
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        gold: list[GoldToponym] = []
        for top in list(article.iter("toponym")) + list(article.iter("location")):
            tag = top.find("gaztag")
            holder = tag if tag is not None else top
            lat, lon = holder.findtext("lat"), holder.findtext("lon")
            start, end = top.findtext("start"), top.findtext("end")
            if not lat or not lon or start is None or end is None:
                continue  # LGL leaves a few toponyms without a gazetteer entry
            phrase = top.findtext("phrase") or top.findtext("name") or text[int(start):int(end)]
            gid = tag.get("geonameid") if tag is not None else None
            gold.append(GoldToponym(int(start), int(end), phrase.strip(), float(lat), float(lon),
                                    int(gid) if gid and gid.isdigit() else None))
        source = source_key(url=article.findtext("domain") or article.findtext("url"))
        yield GoldArticle(text, gold, source)


def _error_metrics(errors: list[float], prefix: str = "") -> dict[str, float]:
    if not errors:
        return {}
    # AUC of the error curve on a log scale, as in Gritta et al. (lower is better).
    auc = mean(math.log(1 + e) / math.log(1 + MISS_KM) for e in errors)
    return {f"{prefix}acc_161km": round(sum(e <= 161 for e in errors) / len(errors), 4),
            f"{prefix}mean_km": round(mean(errors), 1),
            f"{prefix}median_km": round(median(errors), 1),
            f"{prefix}auc": round(auc, 4)}


def article_contexts(resolver: PlaceResolver, articles: list[GoldArticle], *,
                     homes: SourceHomes | None = None) -> list[PlaceContext]:
    """Each article's place context; with ``homes``, in two passes: every article is read once, its
    province focus (dateline's own reading, never the gold's) is a vote for its source's home, then
    each context gets the home its source's other articles agree on (its own vote left out)."""
    evidence = [GeoEvidence(tuple((t.phrase, None) for t in a.toponyms)) for a in articles]  # gold names, no text
    contexts = [build_document_geo(resolver, e, source=a.source) for a, e in zip(articles, evidence)]
    if homes is None:
        return contexts
    votes = [(province_vote(c), vote_weight(c)) for c in contexts]
    for article, (vote, weight) in zip(articles, votes):
        homes.add(article.source, vote, weight=weight)
    for i, (article, (vote, weight)) in enumerate(zip(articles, votes)):
        prior = homes.prior(article.source, leave_out=(vote,), leave_weight=weight)
        if prior:  # read again: the home also moves the document's own province focus
            contexts[i] = build_document_geo(resolver, evidence[i], source=article.source, prior=prior)
    return contexts
    votes = [(province_vote(c), vote_weight(c)) for c in contexts]
    for article, (vote, weight) in zip(articles, votes):
        homes.add(article.source, vote, weight=weight)
    for i, (article, (vote, weight)) in enumerate(zip(articles, votes)):
        prior = homes.prior(article.source, leave_out=(vote,), leave_weight=weight)
        if prior:  # read again: the home also moves the document's own province focus
            contexts[i] = resolver.context([(t.phrase, None) for t in article.toponyms], home=prior.home,
                                           home_country=prior.country, story_provinces=prior.provinces,
                                           source=article.source)
    return contexts


@scorer("geoxml")
def score_geoxml(gold: Path, *, engine: "Engine | None" = None, every: int = 1, detect_every: int = 0,
                 part: str = "all", source_homes: bool = True, weights: "Weights | None" = None,
                 fold: str | None = None) -> ScoreReport:
    """Resolution of gold toponyms in context; ``every`` keeps every n-th article (deterministic
    subsample), ``detect_every`` > 0 also measures toponym detection on every n-th article;
    ``part``: "all", "tune" (even articles, used to set the resolver's weights) or "heldout" (odd);
    "tune-a" / "tune-b": the tuning half's articles with index 0 / 2 modulo 4;
    ``source_homes``: learn each outlet's home province from the part's own resolutions (two
    passes, :func:`article_contexts`) and use it as a prior; ``weights``: the resolver's points;
    ``fold``: "a" / "b" scores only the part's articles of even / odd index within it, their outlets'
    homes still learned from the whole part (a rule is designed on fold a and checked on fold b)."""
    if part not in _PARTS:
        raise ConfigError(f"unknown part {part!r}", hint="one of: " + ", ".join(_PARTS))
    if fold not in _FOLDS:
        raise ConfigError(f"unknown fold {fold!r}", hint="a or b (or none)")
    resolver = PlaceResolver(_gazetteer(engine), weights=weights)
    articles = [a for i, a in enumerate(read_geoxml(gold)) if i % _PARTS[part][0] == _PARTS[part][1]]
    articles = articles[::max(every, 1)]
    errors: list[float] = []
    area_right = 0  # within 161 km, or a country / province answered for a gold point inside it
    locator: _PointLocator | None = None
    exact = with_id = unresolved = 0
    homes = SourceHomes() if source_homes else None
    contexts = article_contexts(resolver, articles, homes=homes)
    if fold is not None:  # the homes above saw the whole part; score one fold of it
        keep = _FOLDS[fold]
        articles, contexts = articles[keep::2], contexts[keep::2]
    for article, context in zip(articles, contexts):
        names = [t.phrase for t in article.toponyms]
        for top in article.toponyms:
            resolved = resolver.resolve(top.phrase, context=context, nearby=names)
            with_id += top.geonameid is not None  # an unresolved toponym is not an exact match either
            if resolved is None:
                unresolved += 1
                errors.append(MISS_KM)
                continue
            place = resolved.place
            errors.append(distance_km(top.latitude, top.longitude, place.latitude, place.longitude))
            if errors[-1] <= 161 or (top.geonameid is not None and place.geonameid == top.geonameid):
                area_right += 1
            elif top.geonameid is None and (place.is_country or place.is_admin1):  # no id to compare
                locator = locator or _PointLocator(resolver.gazetteer)
                area_right += int(locator.inside(top.latitude, top.longitude, place))
            if top.geonameid is not None:
                exact += int(place.geonameid == top.geonameid)
    report = ScoreReport("geoxml", str(gold))
    report.metrics.update(_error_metrics(errors))
    if errors:
        report.metrics["acc_161km_area"] = round(area_right / len(errors), 4)
    if with_id:
        report.metrics["exact_geonameid"] = round(exact / with_id, 4)
    report.counts.update(articles=len(articles), toponyms=len(errors), unresolved=unresolved)
    if homes is not None and homes.homes():  # only for corpora whose outlets repeat (LGL, TR-News)
        report.counts["articles_with_home"] = sum(c.home is not None for c in contexts)
        report.counts["sources_with_home"] = len(homes.homes())
    if every > 1:
        report.notes.append(f"every {every}th article (deterministic subsample)")
    if part != "all":
        report.notes.append(f"{part} part: articles with an {'even' if part == 'tune' else 'odd'} index")
    if fold is not None:
        report.notes.append(f"fold {fold}: the part's articles of {'even' if fold == 'a' else 'odd'} index within it")
    report.notes.append("gold toponym spans; context = the article's other gold toponyms; a miss counts 20,039 km")
    report.notes.append("acc_161km_area: also right when the GeoNames id is the gold's, or, for gold without an id "
                        "(GeoVirus), when a country or province is answered and the gold point lies in it (its "
                        "nearest gazetteer town is there): corpora put a country at different points (GeoVirus: "
                        "Wikipedia's; LGL, TR-News: GeoNames')")
    if detect_every > 0:
        _score_detection(report, articles[::detect_every], engine=_engine(engine))
    return report


def _score_detection(report: ScoreReport, articles: list[GoldArticle], *, engine: "Engine") -> None:
    """Span recall/precision of the toponyms dateline finds (overlap match), and end-to-end accuracy."""
    from ..ingest.plaintext import document_from_text
    from ..pipeline import document_toponyms

    found_total = gold_total = matched_gold = matched_found = within = 0
    for n, article in enumerate(articles):
        # the outlet's host as the URL: the resolver reads its town and country-code domain
        document = document_from_text(article.text, id=f"geoxml-{n}", url=article.source)
        found = document_toponyms(document, engine=engine)
        gold_total += len(article.toponyms)
        found_total += len(found)
        for top in article.toponyms:
            hit = next((f for f in found if f.start < top.end and top.start < f.end), None)
            if hit is not None:
                matched_gold += 1
                if hit.place is not None and distance_km(top.latitude, top.longitude, hit.place.latitude,
                                                         hit.place.longitude) <= 161:
                    within += 1
        matched_found += sum(any(f.start < t.end and t.start < f.end for t in article.toponyms) for f in found)
    if gold_total and found_total:
        report.metrics["detect_recall"] = round(matched_gold / gold_total, 4)
        report.metrics["detect_precision"] = round(matched_found / found_total, 4)
        report.metrics["end_to_end_acc_161km"] = round(within / gold_total, 4)
        report.counts["detect_articles"] = len(articles)
        report.counts.update(detect_gold=gold_total, detect_found=found_total, detect_missed=gold_total - matched_gold)


# ---------------------------------------------------------------- UCDP GED Iraq


def _ucdp_rows(gold: Path) -> Iterator[dict[str, str]]:
    with open(gold, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not {"where_coordinates", "where_prec", "adm_1", "latitude"} <= set(reader.fieldnames or ()):
            raise ConfigError("not a UCDP GED CSV (needs where_coordinates, where_prec, adm_1, latitude)", where=str(gold))
        for row in reader:
            if row["where_prec"].isdigit() and row["latitude"]:
                yield row  # skips the HXL tag row


@scorer("ucdp")
def score_ucdp(gold: Path, *, engine: "Engine | None" = None, max_prec: int = 1,
               weights: "Weights | None" = None) -> ScoreReport:
    """UCDP place names resolved with their province as context: share within 5 km, admin1 right.
    ``weights``: the resolver's ranking points (default: the fitted ones; bench/fit_place_weights.py)."""
    from ..geo.gazetteer_build import ucdp_name_and_type

    gaz = _gazetteer(engine)
    resolver = PlaceResolver(gaz, weights=weights)
    errors: list[float] = []
    admin1_right = admin1_total = unresolved = 0
    by_prec: dict[str, int] = {}
    for row in _ucdp_rows(gold):
        if int(row["where_prec"]) > max_prec:
            continue
        parsed = ucdp_name_and_type(row["where_coordinates"])
        if parsed is None:
            continue
        name, kind = parsed
        gold_a1 = gaz.admin1_place("IQ", row["adm_1"].removesuffix(" province").strip())
        context = PlaceContext(country_code="IQ", admin1=gold_a1.admin1 if gold_a1 else None)
        hint = "district" if kind == "district" else None
        resolved = resolver.resolve(name, hint=hint, context=context)
        by_prec[row["where_prec"]] = by_prec.get(row["where_prec"], 0) + 1
        if resolved is None:
            unresolved += 1
            errors.append(MISS_KM)
            continue
        place = resolved.place
        errors.append(distance_km(float(row["latitude"]), float(row["longitude"]), place.latitude, place.longitude))
        if gold_a1 is not None:
            admin1_total += 1
            admin1_right += int(place.admin1 == gold_a1.admin1)
    report = ScoreReport("ucdp", str(gold))
    if errors:
        report.metrics["within_5km"] = round(sum(e <= 5 for e in errors) / len(errors), 4)
        report.metrics["within_25km"] = round(sum(e <= 25 for e in errors) / len(errors), 4)
        report.metrics["median_km"] = round(median(errors), 2)
    if admin1_total:
        report.metrics["admin1_right"] = round(admin1_right / admin1_total, 4)
    report.counts.update(rows=len(errors), unresolved=unresolved, admin1_rows=admin1_total)
    report.notes.append(f"rows with where_prec <= {max_prec}; the gazetteer ships names derived from this file "
                        "(data/iraq_places_ucdp.tsv), so this checks their integration, not generalisation")
    return report


# ---------------------------------------------------------------- PITF Iraq


_VAGUE_LOCALITIES = {"", "multiple locations", "multiple", "unknown", "various", "iraq", "nationwide"}


def pitf_place_rows(gold: Path, *, country: str = "IRQ") -> list[PitfRow]:
    """PITF rows of one country with a named locality, a coded point and a description."""
    return [
        r for r in read_pitf(gold)
        if r.country == country and r.locality.lower() not in _VAGUE_LOCALITIES
        and r.latitude is not None and r.longitude is not None and r.text
    ]


@scorer("pitfplace")
def score_pitf_place(gold: Path, *, engine: "Engine | None" = None, country: str = "IRQ",
                     split: str = "all", show_misses: bool = False) -> ScoreReport:
    """The incident's place (its events' most precise one) against PITF's coded point (25 km) and province.

    ``split`` is the same fixed dev/test split as the PITF event scorer (``in_split`` on the row key):
    the place rules are tuned on "dev", bench reports "test". ``show_misses`` adds a note per row
    that is not within 25 km or has the wrong province (for error analysis on "dev").
    """
    from ..ingest.plaintext import document_from_text

    if split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}", where="pitfplace", hint="all, dev or test")
    engine = _engine(engine)
    gaz = _gazetteer(engine)
    rows = [r for r in pitf_place_rows(gold, country=country) if in_split(r.key, split)]
    documents = [document_from_text(r.text, id=r.key, published=r.published) for r in rows]
    alpha2 = _alpha2(country)
    within = admin1_right = admin1_total = placed = 0
    errors: list[float] = []
    misses: list[str] = []
    for row, (_doc, result) in zip(rows, engine.extract(documents)):
        events = result if isinstance(result, list) else []
        placed_events = [e for e in events if e.latitude is not None]
        # one PITF row is one incident: its most precise place among the events found
        event = min(placed_events, key=lambda e: e.geo_precision or 3) if placed_events else None
        if event is None:
            errors.append(MISS_KM)
            misses.append(f"{row.key}: {row.locality!r} not placed; text: {row.text[:300]}")
            continue
        placed += 1
        err = distance_km(row.latitude, row.longitude, event.latitude, event.longitude)
        errors.append(err)
        within += int(err <= 25)
        gold_a1 = gaz.nearest_admin1(alpha2, row.latitude, row.longitude)
        if gold_a1:
            admin1_total += 1
            admin1_right += int(event.admin1 == gold_a1)
        if err > 25 or (gold_a1 and event.admin1 != gold_a1):
            misses.append(f"{row.key}: {row.locality!r} coded ({row.latitude:.3f}, {row.longitude:.3f}) in "
                          f"{gold_a1}; got {event.location!r} in {event.admin1}, {err:.0f} km "
                          f"({event.place_reason}); text: {row.text[:300]}")
    report = ScoreReport("pitfplace", f"{gold} (split {split})")
    if rows:
        report.metrics["within_25km"] = round(within / len(rows), 4)
        report.metrics["median_km"] = round(median(errors), 1)
    if admin1_total:
        report.metrics["admin1_right"] = round(admin1_right / admin1_total, 4)
    report.counts.update(rows=len(rows), placed=placed, admin1_rows=admin1_total)
    report.notes.append("rows of one country with a named locality; gold province = that of the nearest "
                        "gazetteer town to the coded point; an event without a place counts as a miss")
    if show_misses:
        report.notes.extend(f"miss {m}" for m in misses)
    return report


class _PointLocator:
    """Which country and province a point lies in: those of the nearest gazetteer town (world-wide grid)."""

    def __init__(self, gaz: "Gazetteer") -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, str | None, str | None]]] = {}
        for point in gaz.all_populated_points():
            self.cells.setdefault((math.floor(point[0]), math.floor(point[1])), []).append(point)

    def nearest(self, lat: float, lon: float, *, max_cells: int = 4) -> tuple[str | None, str | None] | None:
        """(country code, admin1) of the nearest town within ``max_cells`` degrees, else None."""
        row, col = math.floor(lat), math.floor(lon)
        for ring in range(max_cells + 1):  # widen until a ring finds towns; one ring more, as a corner may be nearer
            if any(self.cells.get((row + dr, col + dc)) for dr in range(-ring, ring + 1)
                   for dc in range(-ring, ring + 1)):
                found = [p for dr in range(-ring - 1, ring + 2) for dc in range(-ring - 1, ring + 2)
                         for p in self.cells.get((row + dr, col + dc), ())]
                best = min(found, key=lambda p: distance_km(lat, lon, p[0], p[1]))
                return best[2], best[3]
        return None

    def inside(self, lat: float, lon: float, place: "Place") -> bool:
        """Whether a point lies in a country or province place (by its nearest town)."""
        where = self.nearest(lat, lon)
        if where is None or where[0] != place.country_code:
            return False
        return place.is_country or where[1] == place.admin1


def _alpha2(alpha3: str) -> str:
    """ISO alpha-2 of PITF's alpha-3 country code ("IRQ" → "IQ")."""
    import pycountry

    found = pycountry.countries.get(alpha_3=alpha3.upper())
    if found is None:
        raise ConfigError(f"unknown country code {alpha3!r}", where="pitfplace", hint="an ISO 3166 alpha-3 code: IRQ")
    return found.alpha_2


# ---------------------------------------------------------------- event-location


def read_eventloc(gold: Path, *, source: str = "RELABEL") -> list[dict]:
    """Records of Halterman's labeled_text (zip or plain JSON array) of one source."""
    if gold.suffix == ".zip":
        with zipfile.ZipFile(gold) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".jsonl") and not n.startswith("__"))
            data = json.loads(archive.read(name))
    else:
        data = json.loads(gold.read_text(encoding="utf-8"))
    return [r for r in data if not source or r.get("source") == source]


@scorer("eventloc")
def score_eventloc(gold: Path, *, engine: "Engine | None" = None, source: str = "RELABEL",
                   split: str = "all", show_misses: bool = False) -> ScoreReport:
    """Whether the place picked for the gold verb is the gold location (token overlap).

    ``split``: the fixed dev/test halves by record id (``in_split``); ``pick_place`` is tuned on "dev".
    ``show_misses`` adds a note per record with a gold location that was missed or picked wrong.
    """
    if split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}", where="eventloc", hint="all, dev or test")
    from spacy.tokens import Doc

    from ..extract.placing import pick_place
    from ..extract.triggers import Trigger, TriggerEntry

    engine = _engine(engine)
    nlp = engine.nlp
    entry = TriggerEntry("gold", "gold", None, None, 1)
    right = wrong_place = missed = spurious = with_loc = without_loc = 0
    first_right = 0
    misses: list[str] = []
    records = [r for r in read_eventloc(gold, source=source)
               if r.get("answer") == "accept" and in_split(str(r.get("_id") or r.get("doc_id")), split)]
    for record in records:
        tokens = record["tokens"]
        words = [t["text"] for t in tokens]
        spaces = [i + 1 < len(tokens) and tokens[i + 1]["start"] > t["end"] for i, t in enumerate(tokens)]
        spans = record.get("spans") or []
        verbs = [s for s in spans if s["label"] == "VERB"]
        if not verbs:
            continue
        gold_locs = [set(range(s["token_start"], s["token_end"] + 1)) for s in spans if s["label"] == "LOCATION"]
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        doc._.published = None
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        verb = doc[verbs[0]["token_start"]]
        mentions = list(doc._.places or [])
        picked = pick_place(Trigger(verb.i, verb.i + 1, entry, verb, verb.pos_ == "VERB"), mentions)
        if gold_locs:
            with_loc += 1
            hit = picked is not None and any(set(range(picked.token_start, picked.token_end)) & g for g in gold_locs)
            right += int(hit)
            missed += int(picked is None)
            wrong_place += int(picked is not None and not hit)
            if show_misses and not hit:
                gold_text = [" ".join(words[min(g):max(g) + 1]) for g in gold_locs]
                misses.append(f"{verb.text!r}: gold {gold_text}, picked {picked.text if picked else None!r} "
                              f"of {[m.text for m in mentions]}; text: {doc.text[:300]}")
            if mentions and any(set(range(mentions[0].token_start, mentions[0].token_end)) & g for g in gold_locs):
                first_right += 1
        else:
            without_loc += 1
            spurious += int(picked is not None)
    report = ScoreReport("eventloc", f"{gold} (split {split})")
    if with_loc:
        report.metrics["accuracy"] = round(right / with_loc, 4)
        report.metrics["baseline_first_place"] = round(first_right / with_loc, 4)
    if right + wrong_place:
        report.metrics["precision"] = round(right / (right + wrong_place), 4)
    report.counts.update(records=with_loc + without_loc, with_location=with_loc, right=right,
                         wrong_place=wrong_place, missed=missed, spurious=spurious)
    report.notes.append("accuracy: picked place overlaps a gold LOCATION of the record's first VERB; "
                        "baseline: the first place mention of the text")
    if show_misses:
        report.notes.extend(f"miss {m}" for m in misses)
    return report
