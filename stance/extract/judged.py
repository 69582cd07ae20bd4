"""Extraction precision from annotators' judgements of extracted quotes.

The labelling config asks, beside the frames, whether each extracted quote is right (``ok``) or
what is wrong with it (``wrong_speaker``, ``bad_boundaries``, ``not_a_quote``; see
:data:`stance.labelstudio.config.EXTRACTION`). The share of ``ok`` among judged quotes is the
extractor's precision on the quotes that were sampled for labelling (it says nothing about
quotes the extractor missed: that is recall, which needs gold articles, ``stance eval-extract
GOLD``). Shares come with 95 % Wilson intervals, overall and per quote kind (direct/indirect)
and source.

Input: a Label Studio full JSON export (``.json``/``.json.gz``, several annotators per quote
are resolved to the most common judgement, ties to the ground-truth annotation) or a dataset
JSONL from ``stance annotations build`` (its ``extraction`` field, else its ``annotations``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from stance.io import InputError, iter_jsonl
from stance.labelstudio.config import EXTRACTION_KEYS


def _is_export(path: Path) -> bool:
    from stance.experiments.data import _starts_with_bracket

    name = path.name.lower()
    return name.endswith(".json") or (name.endswith(".json.gz") and _starts_with_bracket(path))


def judged_records(path: str | Path) -> list[dict]:
    """``[{quote_id, kind, source, extraction}]`` for every quote of ``path`` (extraction
    None where nobody judged it)."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", path)
    if _is_export(path):
        from stance.annotations import build_dataset

        records, _ = build_dataset([path], policy="majority")
        return [{k: r.get(k) for k in ("quote_id", "kind", "source", "extraction")}
                for r in records]
    out = []
    for line, rec in iter_jsonl(path):
        judgement = rec.get("extraction")
        if judgement is None and isinstance(rec.get("annotations"), list):
            votes = Counter(a.get("extraction") for a in rec["annotations"]
                            if isinstance(a, dict) and a.get("extraction"))
            judgement = votes.most_common(1)[0][0] if votes else None
        if judgement is not None and judgement not in EXTRACTION_KEYS:
            raise InputError(f"unknown extraction judgement {judgement!r} (expected one of "
                             f"{', '.join(EXTRACTION_KEYS)})", path, line, "extraction")
        out.append({"quote_id": rec.get("quote_id"), "kind": rec.get("kind"),
                    "source": rec.get("source"), "extraction": judgement})
    return out


def _shares(judgements: list[str]) -> dict:
    from stance.report.aggregate import wilson_interval

    n = len(judgements)
    counts = Counter(judgements)
    out = {"n": n}
    for key in EXTRACTION_KEYS:
        k = counts.get(key, 0)
        lo, hi = wilson_interval(k, n) if n else (0.0, 0.0)
        out[key] = {"count": k, "share": round(k / n, 4) if n else 0.0,
                    "ci": [round(lo, 4), round(hi, 4)]}
    out["precision"] = out["ok"]["share"]
    out["precision_ci"] = out["ok"]["ci"]
    return out


def judged_precision(path: str | Path) -> dict:
    """Shares of each judgement (precision = share ``ok``) overall, by kind and by source."""
    records = judged_records(path)
    judged = [r for r in records if r["extraction"] is not None]
    if not judged:
        raise InputError("no quote carries an extraction judgement (label the 'extraction' "
                         "check in Label Studio, or pass an export made with it)", path,
                         field="extraction")
    res = {"file": str(path), "quotes": len(records), "judged": len(judged),
           "not_judged": len(records) - len(judged),
           "overall": _shares([r["extraction"] for r in judged])}
    for field in ("kind", "source"):
        groups: dict[str, list[str]] = defaultdict(list)
        for r in judged:
            groups[str(r[field] or "?")].append(r["extraction"])
        res[f"by_{field}"] = {g: _shares(v) for g, v in sorted(groups.items())}
    return res


def format_judged(res: dict) -> str:
    def pct(x):
        return f"{100 * x:5.1f}"

    head = f"{'':20}{'n':>6}{'ok (precision)':>22}" + "".join(
        f"{k:>22}" for k in EXTRACTION_KEYS[1:])
    lines = [f"{res['judged']} judged quotes of {res['quotes']} in {res['file']}"
             + (f" ({res['not_judged']} without a judgement, left out)" if res["not_judged"] else ""),
             "", head]

    def row(name, s):
        cells = "".join(f"{pct(s[k]['share'])} [{pct(s[k]['ci'][0])}–{pct(s[k]['ci'][1])}]".rjust(22)
                        for k in EXTRACTION_KEYS)
        return f"{name:20}{s['n']:>6}{cells}"

    lines.append(row("all", res["overall"]))
    for field in ("kind", "source"):
        for g, s in res[f"by_{field}"].items():
            lines.append(row(f"  {field} {g}"[:20], s))
    lines += ["", "Shares in %, 95 % Wilson intervals. Precision of the extractor on the judged "
              "quotes; recall needs gold articles (stance eval-extract GOLD)."]
    return "\n".join(lines) + "\n"
