"""The benchmark corpus: the sample post plus the EWT Iraq weblog posts, as JSON lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bench_paths import REPO, SHARED  # noqa: F401

SAMPLE = SHARED / "samples" / "maysan-2008.txt"
WEBLOGS = SHARED / "data" / "ewt-iraq-weblogs"


def weblog_documents() -> list[dict]:
    """One record per CoNLL-U weblog post: its sentences joined, paragraphs kept, date from the name."""
    docs = []
    for path in sorted(WEBLOGS.glob("*.conllu")):
        paragraphs: list[list[str]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newpar") or (line.startswith("# text") and not paragraphs):
                paragraphs.append([])
            if line.startswith("# text = "):
                paragraphs[-1].append(line[len("# text = "):])
        m = re.search(r"_(\d{4})(\d{2})(\d{2})_\d{6}", path.name)
        published = f"{m[1]}-{m[2]}-{m[3]}" if m else None
        text = "\n\n".join(" ".join(p) for p in paragraphs if p)
        docs.append({"id": path.stem, "text": text, "published": published, "source": path.name.split("_")[0]})
    return docs


def write_corpus(folder: Path, *, copies: int = 1) -> list[Path]:
    """Write the corpus into ``folder`` (the sample as text, the weblogs as JSON lines).

    ``copies`` > 1 repeats the corpus with a marker line so each copy is a distinct document.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    sample = SAMPLE.read_text(encoding="utf-8")
    for i in range(copies):
        tag = f"\n\n(copy {i})" if i else ""
        p = folder / f"sample-{i}.txt"
        p.write_text(sample + tag, encoding="utf-8")
        paths.append(p)
        p = folder / f"weblogs-{i}.jsonl"
        with p.open("w", encoding="utf-8") as fp:
            for doc in weblog_documents():
                doc = {**doc, "id": f"{doc['id']}-{i}", "text": doc["text"] + tag}
                fp.write(json.dumps(doc, ensure_ascii=False) + "\n")
        paths.append(p)
    return paths
