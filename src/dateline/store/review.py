"""Decisions in the store: kept as rows, laid over the machine's incident rows whenever those are written.

``ReviewStore`` is mixed into the DB-API backends. It keeps ``decisions`` (never updated or deleted:
an undo is a row of its own) and re-applies them through ``review.apply`` inside the same transaction
that rewrites an incident, so a new report, a re-extraction or a Dask run cannot overwrite a decision.
Merges and splits made by a person change which report incidents form an incident; they are enforced
after the machine's clustering every time a group is re-formed.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any

from ..errors import ReviewError, StoreError
from ..merge.across import cluster, combine
from ..models import Incident
from ..review.apply import (
    EDITABLE_FIELDS,
    GROUPING_ACTIONS,
    Decision,
    Review,
    active_decisions,
    apply_decisions,
    machine_record,
    now,
    parse_value,
)

__all__ = ["ReviewStore"]

_DECISION_COLUMNS = "id, incident_key, incident_id, action, field, before, after, machine, reason, author, at, target"
_JSON_COLUMNS = ("before", "after", "machine")
Groups = list[tuple[list[Incident], list[str]]]


def _decision(row: Sequence[Any]) -> Decision:
    values = dict(zip(_DECISION_COLUMNS.split(", "), row, strict=True))
    for name in _JSON_COLUMNS:
        values[name] = json.loads(values[name]) if values[name] is not None else None
    values["id"] = int(values["id"])
    return Decision(**values)


def _chunks(items: Sequence[str], size: int = 400) -> list[list[str]]:
    items = list(dict.fromkeys(items))
    return [items[i:i + size] for i in range(0, len(items), size)]


class ReviewStore:
    """The decision methods of a DB-API store (needs ``_transaction``, ``_sql``, ``_lock``, ``_conn``)."""

    # -- reading ------------------------------------------------------------------------------

    def _decisions_for(self, conn: Any, keys: Sequence[str], *, targets: bool = False) -> list[Decision]:
        """Decisions keyed to any of these report incidents (and, with ``targets``, naming them as target)."""
        found: dict[int, Decision] = {}
        for chunk in _chunks(keys):
            marks = ", ".join("?" for _ in chunk)
            where = f"incident_key IN ({marks})" + (f" OR target IN ({marks})" if targets else "")
            params = chunk + (chunk if targets else [])
            for row in conn.execute(self._sql(f"SELECT {_DECISION_COLUMNS} FROM decisions WHERE {where}"), params).fetchall():
                decision = _decision(row)
                found[decision.id] = decision
        if targets and found:  # the undo rows of merges and splits found through their target
            for decision in self._decisions_for(conn, sorted({d.incident_key for d in found.values()})):
                found[decision.id] = decision
        return [found[i] for i in sorted(found)]

    def _resolve_incident(self, conn: Any, incident_id: str) -> Incident:
        """The stored incident with this id, or the one that holds the report incident of this id
        (an incident's id changes when an earlier report joins it; the old id still finds it)."""
        from .rows import EVENT_COLUMNS, incident_from_row

        x = self._sql
        row = conn.execute(x(f"SELECT {EVENT_COLUMNS}, e.detail FROM incidents e WHERE e.event_id = ?"), (incident_id,)).fetchone()
        if row is None:
            moved = conn.execute(x("SELECT incident_id FROM report_incidents WHERE report_id = ?"), (incident_id,)).fetchone()
            if moved is None:
                moved = conn.execute(x("SELECT incident_id FROM events WHERE event_id = ?"), (incident_id,)).fetchone()
            if moved is not None and moved[0]:
                row = conn.execute(x(f"SELECT {EVENT_COLUMNS}, e.detail FROM incidents e WHERE e.event_id = ?"), (moved[0],)).fetchone()
        if row is None:
            raise ReviewError("no such incident", where=incident_id, hint="list incidents with `dateline incidents`")
        return incident_from_row(row[:-1], row[-1])

    def resolve_incident(self, incident_id: str) -> Incident:
        """The incident with this id, or the one that now holds the report or mention of this id."""
        with self._lock:
            return self._resolve_incident(self._conn, incident_id)

    def review_of(self, incident_id: str) -> Review:
        """The review state of one incident (status, edited fields, conflicts, notes)."""
        with self._lock:
            incident = self._resolve_incident(self._conn, incident_id)
            return self._stored_review(incident.incident_id)

    def _stored_review(self, incident_id: str) -> Review:
        row = self._conn.execute(self._sql("SELECT detail FROM incidents WHERE event_id = ?"), (incident_id,)).fetchone()
        detail = json.loads(row[0]) if row and row[0] else {}
        return Review.from_record(detail.get("review"))

    def reviews(self, incident_ids: Sequence[str]) -> dict[str, Review]:
        """Review states by incident id (unreviewed incidents are left out)."""
        found: dict[str, Review] = {}
        for chunk in _chunks(incident_ids):
            marks = ", ".join("?" for _ in chunk)
            with self._lock:
                rows = self._conn.execute(self._sql(f"SELECT event_id, detail FROM incidents WHERE event_id IN ({marks})"),
                                          chunk).fetchall()
            for incident_id, detail in rows:
                review = json.loads(detail).get("review") if detail else None
                if review:
                    found[incident_id] = Review.from_record(review)
        return found

    def history(self, incident_id: str) -> list[tuple[Decision, bool]]:
        """Every decision on the incident and the reports it holds, oldest first, each with whether it is
        still in force (False once undone)."""
        with self._lock:
            incident = self._resolve_incident(self._conn, incident_id)
            decisions = self._decisions_for(self._conn, incident.report_ids or [incident.incident_id], targets=True)
        active = {d.id for d in active_decisions(decisions)}
        return [(d, d.action == "undo" or d.id in active) for d in decisions]

    def review_candidates(self) -> list[tuple[Incident, Review]]:
        """Incidents not yet reviewed, or reviewed with conflicts (the queue ranks them)."""
        from .rows import EVENT_COLUMNS, incident_from_row

        sql = (f"SELECT {EVENT_COLUMNS}, e.detail FROM incidents e"
               " WHERE e.review_status IS NULL OR e.review_conflicts > 0")
        with self._lock:
            rows = self._conn.execute(sql).fetchall()
        out = []
        for row in rows:
            detail = json.loads(row[-1]) if row[-1] else {}
            out.append((incident_from_row(row[:-1], row[-1]), Review.from_record(detail.get("review"))))
        return out

    def ranked_candidates(self, priority: str, limit: int) -> list[tuple[Incident, Review]]:
        """The first ``limit`` candidates of ``review_candidates`` by ``priority`` (an SQL expression on
        the incidents row ``e``, from ``review.queue``'s rules), later dates first, then id."""
        from .rows import EVENT_COLUMNS, incident_from_row

        if self.placeholder != "?":  # pyformat drivers read % as a parameter mark: LIKE patterns double it
            priority = priority.replace("%", "%%")
        # ids first: ranking reads a few narrow columns of every row, the whole rows only of the page
        ranked = ("SELECT e.event_id FROM incidents e WHERE e.review_status IS NULL OR e.review_conflicts > 0"
                  f" ORDER BY ({priority}) DESC, e.date_start IS NULL, e.date_start DESC, e.event_id LIMIT ?")
        with self._lock:
            ids = [r[0] for r in self._conn.execute(self._sql(ranked), (int(limit),)).fetchall()]
            rows = []
            for chunk in _chunks(ids):
                marks = ", ".join("?" for _ in chunk)
                rows += self._conn.execute(self._sql(f"SELECT {EVENT_COLUMNS}, e.detail FROM incidents e"
                                                     f" WHERE e.event_id IN ({marks})"), chunk).fetchall()
        order = {incident_id: i for i, incident_id in enumerate(ids)}
        rows.sort(key=lambda row: order[row[0]])
        out = []
        for row in rows:
            detail = json.loads(row[-1]) if row[-1] else {}
            out.append((incident_from_row(row[:-1], row[-1]), Review.from_record(detail.get("review"))))
        return out

    # -- deciding -----------------------------------------------------------------------------

    def decide(self, incident_id: str, action: str, *, author: str, values: dict[str, Any] | None = None,
               reason: str | None = None, target: str | None = None, take_machine: bool = False,
               reasons: dict[str, str] | None = None) -> list[Decision]:
        """Record one decision (an edit of several fields makes one row per field, sharing its time;
        ``reasons`` gives a field its own reason) and rewrite the incident with every decision in force.
        Returns the rows written."""
        if not author or not author.strip():
            raise ReviewError("a decision needs an author", where="user", hint="pass --user NAME or set DATELINE_USER")
        try:
            with self._transaction() as conn:
                return self._decide(conn, incident_id, action, author=author.strip(), values=values or {},
                                    reason=reason, target=target, take_machine=take_machine, reasons=reasons or {})
        except self.driver_errors as err:
            raise StoreError(f"decision could not be stored: {str(err).strip().splitlines()[0]}", where=incident_id) from err

    def _decide(self, conn: Any, incident_id: str, action: str, *, author: str, values: dict[str, Any],
                reason: str | None, target: str | None, take_machine: bool, reasons: dict[str, str]) -> list[Decision]:
        incident = self._resolve_incident(conn, incident_id)
        key = incident.incident_id  # the smallest report id of the group: a report incident's own id
        review = self._stored_review(key)
        published = incident.record
        machine = machine_record(published, review.machine)
        at = now()
        base = dict(incident_key=key, incident_id=key, action=action, author=author, at=at)
        rows: list[dict[str, Any]] = []
        regroup: list[str] = []
        if action == "accept":
            after = {f: getattr(published, f) for f in EDITABLE_FIELDS}
            if take_machine:
                after.update({c.field: c.machine_now for c in review.conflicts})
            rows.append({**base, "before": review.status, "after": after,
                         "machine": {f: getattr(machine, f) for f in EDITABLE_FIELDS}, "reason": reason})
        elif action == "reject":
            if not reason or not reason.strip():
                raise ReviewError("a rejection needs a reason", where=key, hint="pass --reason TEXT")
            rows.append({**base, "before": review.status, "after": "rejected", "reason": reason.strip()})
        elif action == "note":
            if not reason or not reason.strip():
                raise ReviewError("a note needs text", where=key)
            rows.append({**base, "reason": reason.strip()})
        elif action == "edit":
            if not values:
                raise ReviewError("nothing to edit", where=key, hint='give FIELD=VALUE, e.g. location="Qalat Salih"')
            for name, text in values.items():
                value = parse_value(name, text)
                rows.append({**base, "field": name, "before": getattr(published, name), "after": value,
                             "machine": getattr(machine, name), "reason": reasons.get(name, reason)})
        elif action == "undo":
            rows += self._undo_rows(conn, incident, base, target, reason)
            for row in rows:
                undone = row["_undone"]
                if undone.action in GROUPING_ACTIONS:
                    apart = undone.after if undone.action == "split" and isinstance(undone.after, list) else []
                    regroup += [key, *self._incidents_of(conn, [undone.incident_key, undone.target or "", *apart])]
        elif action == "merge":
            if not target:
                raise ReviewError("merge needs the other incident's id", where=key)
            other = self._resolve_incident(conn, target)
            if other.incident_id == key:
                raise ReviewError("an incident cannot be merged with itself", where=key)
            rows.append({**base, "target": other.incident_id, "reason": reason,
                         "before": [incident.report_ids, other.report_ids]})
            regroup += [key, other.incident_id]
        elif action == "split":
            report_id = self._report_of(conn, incident, target)
            others = [r for r in (incident.report_ids or [key]) if r != report_id]
            if not others:
                raise ReviewError("the incident has only this report; nothing to split from", where=key)
            rows.append({**base, "target": report_id, "after": others, "reason": reason})
            regroup.append(key)
        else:
            raise ReviewError(f"unknown action {action!r}", where=key, hint="accept, reject, edit, merge, split, note or undo")
        written = [self._insert_decision(conn, row) for row in rows]
        if regroup:
            self._rebuild(conn, regroup)
        else:
            self._put_incident(conn, dataclasses.replace(incident, record=machine))
        return written

    def _undo_rows(self, conn: Any, incident: Incident, base: dict[str, Any], target: str | None,
                   reason: str | None) -> list[dict[str, Any]]:
        """Undo rows for decision ``target``, or for the latest decision in force (every row of it: an
        edit of three fields is one decision of three rows sharing their time)."""
        decisions = self._decisions_for(conn, incident.report_ids or [incident.incident_id], targets=True)
        active = active_decisions(decisions)
        if target is not None:
            chosen = [d for d in active if str(d.id) == str(target)]
            if not chosen:
                raise ReviewError(f"decision {target} is not in force on this incident", where=incident.incident_id,
                                  hint="see `dateline show ID --history`")
        else:
            if not active:
                raise ReviewError("no decision to undo", where=incident.incident_id)
            last = max(active, key=lambda d: d.id)
            chosen = [d for d in active if d.at == last.at and d.author == last.author]
        return [{**base, "incident_key": d.incident_key, "target": str(d.id), "before": d.action,
                 "reason": reason, "_undone": d} for d in chosen]

    def _insert_decision(self, conn: Any, row: dict[str, Any]) -> Decision:
        row = {k: v for k, v in row.items() if not k.startswith("_")}
        names = [n for n in _DECISION_COLUMNS.split(", ") if n != "id"]
        params = [json.dumps(row.get(n), sort_keys=True) if n in _JSON_COLUMNS and row.get(n) is not None else row.get(n)
                  for n in names]
        marks = ", ".join("?" for _ in names)
        sql = self._sql(f"INSERT INTO decisions ({', '.join(names)}) VALUES ({marks}) RETURNING id")
        decision_id = conn.execute(sql, params).fetchone()[0]
        return Decision(id=int(decision_id), **{n: row.get(n) for n in names})

    def _report_of(self, conn: Any, incident: Incident, target: str | None) -> str:
        """The report incident of this incident named by ``target`` (its id, or the id of one of its mentions)."""
        if not target:
            raise ReviewError("split needs the mention (or report) to split out", where=incident.incident_id,
                              hint="give --mention ID (see `dateline show ID`)")
        rows = conn.execute(self._sql("SELECT report_id, data FROM report_incidents WHERE incident_id = ?"),
                            (incident.incident_id,)).fetchall()
        for report_id, data in rows:
            if report_id == target or target in json.loads(data).get("mention_ids", []):
                return report_id
        raise ReviewError(f"{target} is not a mention or report of this incident", where=incident.incident_id)

    def _incidents_of(self, conn: Any, report_ids: Sequence[str]) -> list[str]:
        found = []
        for report_id in report_ids:
            row = conn.execute(self._sql("SELECT incident_id FROM report_incidents WHERE report_id = ?"), (report_id,)).fetchone()
            if row:
                found.append(row[0])
        return found

    # -- grouping -----------------------------------------------------------------------------

    def _apply_grouping(self, conn: Any, groups: Groups) -> Groups:
        """The machine's groups with the merges and splits people made among these reports enforced."""
        by_report = {m.incident_id: i for i, (members, _) in enumerate(groups) for m in members}
        decisions = [d for d in active_decisions(self._decisions_for(conn, sorted(by_report), targets=True))
                     if d.action in GROUPING_ACTIONS]
        if not decisions:
            return groups
        members = {i: list(ms) for i, (ms, _) in enumerate(groups)}
        reasons = {i: list(rs) for i, (_, rs) in enumerate(groups)}
        next_id = len(groups)
        for d in decisions:
            if d.action == "merge" and d.incident_key in by_report and d.target in by_report:
                keep, gone = by_report[d.incident_key], by_report[d.target]
                if keep == gone:
                    continue
                members[keep] += members.pop(gone)
                reasons[keep] += reasons.pop(gone) + [f"merged by {d.author}" + (f": {d.reason}" if d.reason else "")]
                for m in members[keep]:
                    by_report[m.incident_id] = keep
            elif d.action == "split" and d.target in by_report:
                group = by_report[d.target]
                apart = set(d.after or [])
                if not any(m.incident_id in apart for m in members[group]):
                    continue
                report = next(m for m in members[group] if m.incident_id == d.target)
                members[group].remove(report)
                members[next_id], reasons[next_id] = [report], []
                by_report[report.incident_id] = next_id
                next_id += 1
        return [(sorted(ms, key=lambda m: m.incident_id), reasons[g]) for g, ms in members.items() if ms]

    def _tied_reports(self, conn: Any, pool: dict[str, Incident]) -> dict[str, Incident]:
        """``pool`` with every report that a merge or split in force ties to one of its reports, and
        the other members of their incidents, until nothing more is tied (so re-forming part of a
        group never loses the decision that holds it together)."""
        from .rows import incident_from_json

        pool = dict(pool)
        asked: set[str] = set()
        while True:
            todo = sorted(set(pool) - asked)
            if not todo:
                return pool
            asked.update(todo)
            named: set[str] = set()
            for d in active_decisions(self._decisions_for(conn, todo, targets=True)):
                if d.action in GROUPING_ACTIONS:
                    named.update([d.incident_key, d.target or ""])
                    named.update(d.after if d.action == "split" and isinstance(d.after, list) else [])
            incidents = self._incidents_of(conn, sorted(named - set(pool) - {""}))
            for chunk in _chunks(incidents):
                marks = ", ".join("?" for _ in chunk)
                for report_id, data in conn.execute(self._sql(
                        f"SELECT report_id, data FROM report_incidents WHERE incident_id IN ({marks})"), chunk).fetchall():
                    pool.setdefault(report_id, incident_from_json(data))

    def _rebuild(self, conn: Any, incident_ids: Sequence[str]) -> None:
        """Re-form these incidents from their report incidents (machine clustering, then people's decisions)."""
        from .rows import incident_from_json

        pool: dict[str, Incident] = {}
        current: dict[str, str] = {}
        for chunk in _chunks([i for i in incident_ids if i]):
            marks = ", ".join("?" for _ in chunk)
            rows = conn.execute(self._sql(f"SELECT report_id, incident_id, data FROM report_incidents WHERE incident_id IN ({marks})"),
                                chunk).fetchall()
            for report_id, incident_id, data in rows:
                pool[report_id] = incident_from_json(data)
                current[report_id] = incident_id
        groups = self._apply_grouping(conn, cluster(list(pool.values())))
        self._write_groups(conn, groups, current, set(current.values()))

    def _write_groups(self, conn: Any, groups: Groups, current: dict[str, str], old_ids: set[str]) -> None:
        """Write each group as one incident (its members and mentions pointing at it); drop incidents left empty."""
        from .rows import incident_json

        x = self._sql
        old_ids = set(old_ids)
        for members, reasons in groups:
            incident = combine(members, reasons)
            incident_id = incident.incident_id
            for member in members:
                if current.get(member.incident_id) != incident_id:
                    member.record.incident_id = incident_id
                    if member.incident_id in current:
                        conn.execute(x("UPDATE report_incidents SET incident_id = ?, data = ? WHERE report_id = ?"),
                                     (incident_id, incident_json(member), member.incident_id))
                    else:  # a new report, inserted just before with its data
                        conn.execute(x("UPDATE report_incidents SET incident_id = ? WHERE report_id = ?"),
                                     (incident_id, member.incident_id))
                    self._set_mentions(conn, member.mention_ids, incident_id)
            old_ids.discard(incident_id)
            self._put_incident(conn, incident)
        for gone in sorted(old_ids):
            self._delete_incident(conn, gone)

    def _reviewed_row(self, conn: Any, incident: Incident) -> tuple[Incident, Review | None]:
        """The incident with the decisions in force laid over its machine values (None: no decisions)."""
        decisions = self._decisions_for(conn, incident.report_ids or [incident.incident_id])
        if not decisions:
            return incident, None
        record, review = apply_decisions(incident.record, decisions)
        return dataclasses.replace(incident, record=record), review
