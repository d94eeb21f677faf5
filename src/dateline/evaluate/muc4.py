"""MUC-4 terrorism messages: incident detection, incident type, and victims killed.

Template-matching rule (written down in docs/evaluation.md): a message is *relevant* when its
answer key has a template whose INCIDENT: TYPE is not "*". dateline detects a message when it
finds a counted violent event in it. A gold template's type is matched when the message has a
counted event of the corresponding ACLED type (BOMBING → Explosions/Remote violence; ATTACK and
MURDER → Battles, Violence against civilians or Explosions/Remote violence; KIDNAPPING →
Abduction/forced disappearance; ARSON → Looting/property destruction or an explosion).
Victims killed: the sum of HUM TGT: NUMBER over targets whose EFFECT is DEATH, compared with
dateline's incident-summed fatalities, on messages where every such number is a plain integer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..ingest import document_from_text
from ..merge import document_counts
from ..models import Event
from .common import extract_all, f1, load_engine, ratio
from .registry import ScoreReport, scorer

if TYPE_CHECKING:
    from ..pipeline import Engine

_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
_TYPE_OK = {
    "BOMBING": lambda e: e.event_type == "Explosions/Remote violence",
    "ATTACK": lambda e: e.event_type in _VIOLENT,
    "MURDER": lambda e: e.event_type in _VIOLENT,
    "KIDNAPPING": lambda e: e.sub_event_type == "Abduction/forced disappearance",
    "ARSON": lambda e: e.sub_event_type == "Looting/property destruction" or e.event_type == "Explosions/Remote violence",
}
_FIELD = re.compile(r"^\s*(\d+)\.\s+([A-Z ]+?:\s?[A-Z ]+?)\s{2,}(.*)$")


@dataclass
class Template:
    incident_type: str
    deaths: int | None = None  # None when the key gives no plain number
    death_targets: int = 0
    fields: dict[str, list[str]] = field(default_factory=dict)


def read_keys(path: Path) -> dict[str, list[Template]]:
    """Answer-key templates by message id (templates of irrelevant messages are kept with type "*")."""
    keys: dict[str, list[Template]] = {}
    for block in re.split(r"\n\s*\n", path.read_text(encoding="latin-1")):
        fields: dict[str, list[str]] = {}
        last = None
        for line in block.splitlines():
            m = _FIELD.match(line)
            if m:
                last = m.group(2).strip()
                fields.setdefault(last, []).append(m.group(3).strip())
            elif last and line.strip():
                fields[last].append(line.strip())
        msg = (fields.get("MESSAGE: ID") or [""])[0]
        if not msg:
            continue
        ttype = (fields.get("INCIDENT: TYPE") or ["*"])[0].split("/")[0].strip()
        template = Template(ttype, fields=fields)
        numbers = dict(_target_values(fields.get("HUM TGT: NUMBER", [])))
        dead = [name for effect, name in _target_values(fields.get("HUM TGT: EFFECT OF INCIDENT", [])) if effect.startswith("DEATH")]
        template.death_targets = len(dead)
        values = [numbers.get(name) for name in dead]
        if dead and all(v is not None and v.isdigit() for v in values):
            template.deaths = sum(int(v) for v in values)
        keys.setdefault(msg, []).append(template)
    return keys


def _target_values(lines: list[str]) -> list[tuple[str, str]]:
    """("6", "JESUITS") pairs from lines like '6: "JESUITS"' (value, target) — or (effect, target)."""
    out = []
    for line in lines:
        m = re.match(r'^([^:"]+):\s*"(.*)"', line)
        if m:
            out.append((m.group(1).strip(), m.group(2)))
    return [(a, b) for a, b in out]


def read_messages(path: Path) -> dict[str, tuple[str, str | None]]:
    """Message id → (text, dateline date as ISO) from a MUC-4 text file."""
    raw = path.read_text(encoding="latin-1")
    parts = re.split(r"^(TST\d-MUC4-\d{4}|DEV-MUC3-\d{4})\s*$", raw, flags=re.M)
    messages = {}
    for i in range(1, len(parts) - 1, 2):
        text = parts[i + 1].strip("\n")
        m = re.search(r"(\d{1,2}) ([A-Za-z]{3}) (\d{2})", text[:200])
        published = None
        if m:
            try:
                published = datetime.strptime(f"{m[1]} {m[2].title()} {m[3]}", "%d %b %y").date().isoformat()
            except ValueError:
                published = None
        messages[parts[i]] = (text, published)
    return messages


def _pairs(gold: Path) -> tuple[Path, Path]:
    """(texts, keys) inside a MUC-4 test folder such as CORPORA/tst4."""
    if not gold.is_dir():
        raise ConfigError("give the MUC-4 test folder (e.g. CORPORA/tst4)", where=str(gold))
    texts = sorted(gold.glob("*muc4.mixed-case")) or sorted(p for p in gold.glob("*muc4") if p.is_file())
    keys = sorted(gold.glob("key-*"))
    if not texts or not keys:
        raise ConfigError("no MUC-4 message file and key file found", where=str(gold))
    return texts[0], keys[0]


@scorer("muc4")
def score_muc4(gold: Path, *, engine: "Engine | None" = None) -> ScoreReport:
    """Score incident detection, type and victims killed on a MUC-4 test set."""
    text_path, key_path = _pairs(gold)
    messages, keys = read_messages(text_path), read_keys(key_path)
    engine = load_engine(engine)
    docs = [document_from_text(text, id=mid, published=pub) for mid, (text, pub) in messages.items()]
    events = extract_all(engine, docs)
    tp = fp = fn = typed = templates = deaths_ok = deaths_n = 0
    for mid in messages:
        found: list[Event] = [e for e in events.get(mid, []) if e.counted and (e.event_type in _VIOLENT or e.sub_event_type == "Looting/property destruction")]
        relevant = [t for t in keys.get(mid, []) if t.incident_type != "*"]
        tp += bool(found) and bool(relevant)
        fp += bool(found) and not relevant
        fn += (not found) and bool(relevant)
        for t in relevant:
            if t.incident_type in _TYPE_OK:
                templates += 1
                typed += any(_TYPE_OK[t.incident_type](e) for e in found)
        if relevant and all(t.deaths is not None or t.death_targets == 0 for t in relevant):
            gold_deaths = sum(t.deaths or 0 for t in relevant)
            deaths_n += 1
            deaths_ok += (document_counts(found)[0] or 0) == gold_deaths
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    report = ScoreReport("muc4", str(gold))
    report.metrics = {"detection_precision": precision, "detection_recall": recall, "detection_f1": f1(precision, recall),
                      "type_recall": ratio(typed, templates), "killed_exact": ratio(deaths_ok, deaths_n)}
    report.counts = {"messages": len(messages), "relevant": tp + fn, "templates_typed": templates, "messages_with_death_counts": deaths_n}
    return report
