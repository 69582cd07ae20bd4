"""Build a frame dataset (one record per quote) from Label Studio exports.

>>> records, summary = build_dataset(["annotations/dev_export.json"],      # doctest: +SKIP
...                                  policy="annotator:annotator1@example.com")

Policies decide each quote's final ``frames``:

* ``majority``: a frame is kept when more than half of the quote's annotators chose it
  (with two annotators: both). A quote with one annotator keeps that annotator's frames.
* ``union`` (also ``any``): a frame is kept when any annotator chose it — what either
  annotator found is kept; with one annotator, that annotator's frames.
* ``soft``: the frames of ``union``, each record with a sample ``weight`` in (0, 1]: the mean,
  over the quote's frame decisions where annotators differ, of the share that agrees with the
  kept decision (1 when all agree; 0.5 when one of two annotators saw a frame). Training
  (``data.policy: soft``) weights each quote by it: disputed quotes count less.
* ``ground_truth``: the annotation marked *ground truth* in Label Studio; quotes without one
  are left out (counted). Several ground truths on one quote: the most recently updated.
* ``annotator:ID``: one annotator's labels; ``ID`` is the email, the numeric Label Studio user
  id, or the part of the email before ``@`` when that names one annotator. Quotes that
  annotator did not label are left out (counted).

Cancelled annotations are ignored; so are quotes nobody labelled. An annotation that ticked
``none`` together with frames keeps its frames (``none`` is dropped); the summary names each
under ``none_with_frames``. ``conflict`` says whether
the quote's annotators chose different frame sets, whatever the policy; the summary counts
and lists the conflicts. Record fields (read by the experiments code; keep the names):
``quote_id, article_id, text, speaker, actor_id, actor, actor_country, actor_role, date,
source, context, frames, annotations, policy, conflict, extraction`` plus ``kind, start,
end`` (and ``weight`` under ``soft``). ``annotations`` lists each annotator's ``frames`` and
``extraction`` judgement; the record's ``extraction`` is the quote's judgement
(:func:`judged_extraction`), ``None`` where nobody judged the extraction.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Sequence

from stance.frames import FRAME_KEYS, NONE_KEY
from stance.io import InputError

from .export import latest_labels, load_export, none_with_frames, parse_timestamp

POLICIES = ("majority", "union", "soft", "ground_truth", "annotator:ID")
RECORD_FIELDS = ("quote_id", "article_id", "text", "speaker", "actor_id", "actor",
                 "actor_country", "actor_role", "date", "source", "context", "kind", "start",
                 "end", "frames", "annotations", "policy", "conflict", "extraction")


def parse_policy(policy: str) -> tuple[str, str | None]:
    policy = (policy or "").strip()
    if policy == "any":
        return "union", None
    if policy in ("majority", "union", "soft", "ground_truth"):
        return policy, None
    if policy.startswith("annotator:") and policy.split(":", 1)[1].strip():
        return "annotator", policy.split(":", 1)[1].strip()
    raise InputError(f"unknown policy {policy!r} (expected majority, union, soft, ground_truth "
                     "or annotator:ID, e.g. annotator:annotator1@example.com)", field="policy")


def resolve_annotator(wanted: str, known: dict[str, int | None]) -> str:
    """Match ``wanted`` against ``{annotator: user id}``: exact, numeric id, or email local part."""
    if wanted in known:
        return wanted
    hits = [a for a, uid in known.items() if uid is not None and str(uid) == wanted]
    if not hits and "@" not in wanted:
        hits = [a for a in known if a.split("@", 1)[0] == wanted]
    if len(hits) == 1:
        return hits[0]
    listed = ", ".join(f"{a} (id {uid})" if uid is not None else a
                       for a, uid in sorted(known.items())) or "none"
    why = "matches several annotators" if hits else "is not an annotator in these exports"
    raise InputError(f"annotator {wanted!r} {why}; annotators: {listed}", field="policy")


def _final(per: dict[str, dict], kind: str, who: str | None) -> list[str] | None:
    if kind == "annotator":
        return list(per[who]["frames"]) if who in per else None
    if kind == "ground_truth":
        gts = [a for a in per.values() if a["ground_truth"]]
        if not gts:
            return None
        gts.sort(key=lambda a: (parse_timestamp(a["updated_at"]) is not None,
                                a["updated_at"] or ""))
        return list(gts[-1]["frames"])
    counts = Counter(f for a in per.values() for f in a["frames"])
    if kind in ("union", "soft"):
        return sorted(counts)
    return sorted(f for f, c in counts.items() if c * 2 > len(per))


def agreement_weight(per: dict[str, dict]) -> float:
    """The ``soft`` policy's sample weight: 1 when the annotators agree on every frame, else
    the mean share of annotators choosing each disputed frame (the union keeps it)."""
    counts = Counter(f for a in per.values() for f in a["frames"])
    shares = [c / len(per) for c in counts.values() if c < len(per)]
    return round(sum(shares) / len(shares), 4) if shares else 1.0


def judged_extraction(per: dict[str, dict]) -> str | None:
    """The quote's extraction judgement: the most common among its annotators (ties: the
    ground-truth annotation's, then the first annotator's); None when nobody judged it."""
    votes = [a.get("extraction") for a in per.values() if a.get("extraction")]
    if not votes:
        return None
    ranked = Counter(votes).most_common()
    best = [k for k, c in ranked if c == ranked[0][1]]
    if len(best) > 1:
        for a in sorted(per.values(), key=lambda a: not a["ground_truth"]):
            if a.get("extraction") in best:
                return a["extraction"]
    return best[0]


def build_dataset(export_paths: Sequence[str | os.PathLike] | str | os.PathLike,
                  policy: str = "majority") -> tuple[list[dict], dict]:
    """``(records, summary)`` from one or more Label Studio full JSON exports."""
    if isinstance(export_paths, (str, os.PathLike)):
        export_paths = [export_paths]
    if not export_paths:
        raise InputError("no export files given")
    kind, wanted = parse_policy(policy)
    loaded = [(str(p), load_export(p, defer_errors=True)) for p in export_paths]
    data, latest = latest_labels(loaded)

    known: dict[str, int | None] = {}
    cancelled = 0
    n_tasks = 0
    for _, tasks in loaded:
        n_tasks += len(tasks)
        for t in tasks:
            for a in t["annotations"]:
                cancelled += a["was_cancelled"]
                if not a["was_cancelled"]:
                    known.setdefault(a["annotator"], a["user_id"])
    who = resolve_annotator(wanted, known) if kind == "annotator" else None
    policy_name = f"annotator:{who}" if who else kind

    records: list[dict] = []
    skipped = Counter()
    conflicts = []
    for qid, per in latest.items():
        if not per:
            skipped["unlabelled"] += 1
            continue
        frames = _final(per, kind, who)
        if frames is None:
            skipped["no_ground_truth" if kind == "ground_truth" else "not_by_annotator"] += 1
            continue
        sets = {tuple(a["frames"]) for a in per.values()}
        conflict = len(sets) > 1
        d = data[qid]
        individual = [{"annotator": a, "frames": list(per[a]["frames"]),
                       "extraction": per[a].get("extraction")} for a in sorted(per)]
        if conflict:
            conflicts.append({"quote_id": qid, "task_id": d.get("_task_id"),
                              "annotations": {x["annotator"]: x["frames"] for x in individual},
                              "frames": frames})
        rec = {k: d.get(k) for k in RECORD_FIELDS[:14]}
        rec["quote_id"] = qid
        rec.update(frames=sorted(frames), annotations=individual, policy=policy_name,
                   conflict=conflict, extraction=judged_extraction(per))
        if kind == "soft":
            rec["weight"] = agreement_weight(per)
        records.append(rec)

    if not records:
        raise InputError(f"no quote has a label under policy {policy_name!r} "
                         f"({dict(skipped) or 'no annotations'})", field="policy")
    frame_counts = Counter(f for r in records for f in r["frames"])
    summary = {
        "exports": [p for p, _ in loaded],
        "policy": policy_name,
        "tasks": n_tasks,
        "quotes": len(latest),
        "records": len(records),
        "annotations": sum(len(per) for per in latest.values()),
        "cancelled_ignored": cancelled,
        "annotators": {a: sum(1 for per in latest.values() if a in per) for a in sorted(known)},
        "skipped": dict(skipped),
        "frames": {**{f: frame_counts.get(f, 0) for f in FRAME_KEYS},
                   NONE_KEY: sum(1 for r in records if not r["frames"])},
        "extraction": dict(Counter(r["extraction"] for r in records if r["extraction"])),
        "conflicts": len(conflicts),
        "conflict_list": conflicts,
        # «none» ticked together with frames: frames kept, none dropped (named here)
        "none_with_frames": none_with_frames(latest),
    }
    return records, summary
