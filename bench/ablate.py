"""What each rule earns: switch the rules off one at a time and print the change of every score.

    .venv/bin/python bench/ablate.py [--rules NAME ...] [--suites NAME ...] [--extra DOCS GOLD] [--json PATH]

The rules are those of ``dateline.rules.RULES`` and the aggregate cue families
(``aggregates.<family>``). For each, the chronicle posts run through the engine with that rule off
and are scored on the dev half "a" and the held-out half "b" (no store, for speed); ``--suites``
adds suites of bench/accuracy.py by name (e.g. muc4 pitf eventtypes), scored whole. A column is
the score with every rule on minus the score with this rule off: positive means the rule earns
that much (measures where less is better, such as aggregates shown, enter negated; the fatalities
ratio as its distance from 1, negated). A rule that earns nothing anywhere, or costs on the held-out half, is a candidate for
removal; decide on half "a" and the other suites, and report half "b". ``--extra`` scores another set in
chronicle-dev's format the same way (columns xa, xb), such as news articles coded by hand.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chronicle  # noqa: E402
from dateline.evaluate.chronicle import PlaceNames, load_gold, score  # noqa: E402
from dateline.rules import RULES, switched_off  # noqa: E402

# chronicle measures shown (where less is better, the sign is turned so that positive is better)
_CHRONICLE = ("precision", "recall", "strict_precision", "actor1_right", "sub_event_type_right", "fatalities_ratio",
              "aggregate_recall", "aggregates_shown", "duplicate_share")
_LESS_IS_BETTER = ("aggregates_shown", "duplicate_share")


def rule_names() -> list[str]:
    from dateline.incidents.aggregates import AggregateCues

    cues = AggregateCues.load()
    return [*RULES, *(f"aggregates.{family}" for family in cues.families), *(["aggregates.one_event"] if cues.one_event else [])]


def _chronicle(engine: Any, lines: list, docs: Path = chronicle.DOCS, prefix: str = "") -> dict[str, float]:
    collected = chronicle.collect(docs, engine=engine, with_store=False)
    names = PlaceNames.from_gazetteer(engine.extractor.gazetteer) if engine.extractor.gazetteer else None
    out: dict[str, float] = {}
    for split in ("a", "b"):
        metrics = score(lines, collected.by_doc, None, split=split, names=names).metrics
        for key in _CHRONICLE:
            value = metrics.get(key)
            if value is None:
                continue
            # the fatalities ratio is best at 1: score its closeness
            if key == "fatalities_ratio":
                value = -abs(value - 1.0)
            elif key in _LESS_IS_BETTER:
                value = -value
            out[f"{prefix}{split}.{key}"] = value
    return out


def _suites(engine: Any, names: list[str]) -> dict[str, float]:
    if not names:
        return {}
    import accuracy

    results = accuracy.run_suites(names, engine=engine)
    return {f"{suite}.{metric}": value for suite, report in results.items()
            for metric, value in report["metrics"].items() if isinstance(value, (int, float))}


def measure(engine: Any, lines: list, suites: list[str], extra: tuple[Path, list] | None = None) -> dict[str, float]:
    more = _chronicle(engine, extra[1], extra[0], prefix="x") if extra else {}
    return {**_chronicle(engine, lines), **more, **_suites(engine, suites)}


def verdict(gains: dict[str, float]) -> str:
    held_out = {k: v for k, v in gains.items() if not k.startswith(("a.", "xa."))}
    if all(abs(v) < 1e-9 for v in gains.values()):
        return "earns nothing"
    if any(v > 1e-9 for v in held_out.values()) and not any(v < -1e-9 for v in held_out.values()):
        return "earns"
    if any(v < -1e-9 for v in held_out.values()) and not any(v > 1e-9 for v in held_out.values()):
        return "costs on held-out"
    if not held_out or all(abs(v) < 1e-9 for v in held_out.values()):
        return "dev half only"
    return "mixed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", nargs="*", help="rule names (default: every rule)")
    parser.add_argument("--suites", nargs="*", default=[], help="bench/accuracy.py suites to score too")
    parser.add_argument("--json", type=Path, help="also write every score here")
    parser.add_argument("--extra", nargs=2, type=Path, metavar=("DOCS", "GOLD"),
                        help="another set in chronicle-dev's format, scored on its halves as xa (dev) and xb (held out)")
    args = parser.parse_args()
    from dateline.pipeline import Engine

    known = rule_names()
    wanted = args.rules or known
    unknown = [r for r in wanted if r not in known]
    if unknown:
        raise SystemExit(f"error: unknown rule(s) {', '.join(unknown)}; known: {', '.join(known)}")
    lines = load_gold(chronicle.GOLD)
    extra = (args.extra[0], load_gold(args.extra[1])) if args.extra else None
    engine = Engine.load()
    started = time.perf_counter()
    base = measure(engine, lines, args.suites, extra)
    print(f"every rule on ({time.perf_counter() - started:.0f} s): " + "  ".join(f"{k} {v:.3f}" for k, v in base.items()))
    keys = list(base)
    width = max(len(r) for r in wanted)
    print(f"{'rule off':<{width}}  " + "  ".join(f"{k:>{max(8, len(k))}}" for k in keys) + "  verdict")
    table: dict[str, Any] = {"on": base, "rules": {}}
    for rule in wanted:
        with switched_off([rule]):
            scores = measure(engine, lines, args.suites, extra)
        gains = {k: round(base[k] - scores.get(k, base[k]), 4) for k in keys}
        table["rules"][rule] = {"scores": scores, "gains": gains, "verdict": verdict(gains)}
        print(f"{rule:<{width}}  " + "  ".join(f"{gains[k]:>+{max(8, len(k))}.3f}" for k in keys)
              + f"  {verdict(gains)}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(table, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
