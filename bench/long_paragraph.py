"""Extraction time against document length: one paragraph of 10, 20, 40, 80 KB (no paragraph breaks).

The text repeats varied news sentences (made up here, not from any corpus) with their places,
actors, counts and dates rotated, so the parser sees realistic sentences but no blank line to
cut at. Linear extraction gives times in the ratio 1:2:4:8. Each size prints wall-clock seconds,
this process's CPU seconds (on a shared machine the two part), and the CPU seconds of the worker
processes that helped read it (annotate/parallel.py; $DATELINE_READ_WORKERS=0 reads in one process).

    .venv/bin/python bench/long_paragraph.py [--sizes 10,20,40,80] [--profile 80]
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

_SENTENCES = (
    "A car bomb killed {n} people near a market in {town} on {day}, police said.",
    "Gunmen opened fire on a checkpoint outside {town}, wounding {n} soldiers, officials told reporters.",
    "The governor of {province} province said security forces had arrested {n} suspects after the attack.",
    "Witnesses said the explosion shattered windows along the main road to {town} early on {day}.",
    "In a statement, the ministry blamed militants for the ambush, which left {n} policemen dead.",
    "Residents of {town} said they heard heavy gunfire for about two hours before troops arrived.",
    "Hospital officials in {town} reported receiving {n} wounded, several of them in critical condition.",
    "The attack came a week after clashes between rival militias in {province} killed at least {n} people.",
    "A roadside bomb struck a convoy on the highway between {town} and {other} on {day}.",
    "Protesters gathered outside the provincial council building in {town} to demand the release of detainees.",
    "Security forces imposed a curfew in {town} after the bombing, a local official said on condition of anonymity.",
    "No group immediately claimed responsibility for the blast, which also damaged {n} shops.",
    "Army spokesman Colonel Ahmed Hassan said troops had killed {n} insurgents in an operation near {other}.",
    "Two mortar rounds landed in a residential district of {town}, killing a woman and her child.",
    "The United Nations mission said it was deeply concerned by the rising violence in {province}.",
    "On {day}, {n} bodies were found dumped in an orchard on the outskirts of {other}, police said.",
    "A suicide bomber wearing an explosives vest blew himself up at a funeral in {town}.",
    "Officials said the death toll from last month's fighting in {province} had risen to {n}.",
    "Police in {other} arrested a man they said was planning attacks on government offices.",
    "Tribal leaders met the governor in {town} on {day} to discuss the return of displaced families.",
)
_TOWNS = ("Amara", "Basra", "Kirkuk", "Mosul", "Baquba", "Ramadi", "Hilla", "Kut", "Samarra", "Tikrit")
_PROVINCES = ("Maysan", "Basra", "Kirkuk", "Nineveh", "Diyala", "Anbar", "Babil", "Wasit", "Salahuddin")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBERS = ("three", "five", "12", "seven", "two dozen", "nine", "15", "four", "eleven", "23")


def paragraph(size: int) -> str:
    """About `size` characters of varied sentences joined by spaces, without a line break."""
    parts, length = [], 0
    for i in itertools.count():
        sentence = _SENTENCES[i % len(_SENTENCES)].format(
            n=_NUMBERS[(i * 7) % len(_NUMBERS)],
            town=_TOWNS[(i * 3) % len(_TOWNS)],
            other=_TOWNS[(i * 3 + 5) % len(_TOWNS)],
            province=_PROVINCES[(i * 5) % len(_PROVINCES)],
            day=_DAYS[i % len(_DAYS)],
        )
        if length + len(sentence) + 1 > size and parts:
            return " ".join(parts)
        parts.append(sentence)
        length += len(sentence) + 1
    raise AssertionError("unreachable")


def time_extract(engine, text: str) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, CPU seconds of worker processes, events) of extracting one document of `text`."""
    from dateline.ingest import document_from_text

    document = document_from_text(text, id=f"long-{len(text)}", published="2008-06-20")
    started, cpu, workers = time.perf_counter(), time.process_time(), _children_cpu()
    ((_, events),) = list(engine.extract([document]))
    if not isinstance(events, list):
        raise SystemExit(f"extraction failed: {events}")
    return time.perf_counter() - started, time.process_time() - cpu, _children_cpu() - workers, len(events)


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (a reading worker is waited for once killed)."""
    times = os.times()
    return times.children_user + times.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,20,40,80", help="sizes in KB, comma-separated")
    parser.add_argument("--profile", type=int, help="profile the run of this size (KB) with cProfile (to stderr)")
    args = parser.parse_args()
    from dateline.pipeline import Engine

    engine = Engine.load()
    time_extract(engine, paragraph(2000))  # warm up caches and lazy imports
    first = None
    for kb in (int(s) for s in args.sizes.split(",")):
        text = paragraph(kb * 1000)
        if args.profile == kb:
            import cProfile
            import pstats

            with cProfile.Profile() as profiler:
                seconds, cpu, workers, events = time_extract(engine, text)
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
        else:
            seconds, cpu, workers, events = time_extract(engine, text)
        first = first or (kb, seconds)
        ratio = seconds / first[1] if first[1] else float("nan")
        print(f"{kb:5d} KB  {seconds:7.2f} s  {cpu:7.2f} s CPU + {workers:5.2f} s in workers  {events:5d} events  "
              f"x{ratio:5.1f} of {first[0]} KB (linear: x{kb / first[0]:.0f})", flush=True)


if __name__ == "__main__":
    main()
