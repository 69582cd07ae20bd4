"""Per-actor (or per-country) frame statistics: plain data, no rendering.

Input records are either **model-scored quotes** (``stance predict``: quote records plus
``pred_labels``, ``pred_scores`` and ``run``) or a **human-labeled dataset**
(``stance annotations build``: quote records plus ``frames``, ``annotations``, ``policy``).
:func:`load_records` reads and checks them; :func:`build_report` groups them and returns a
:class:`Report`: per group the number of quotes, the share of quotes carrying each frame with
a Wilson score interval, the dominant frame, the most representative quote per frame, the
first and last date, and quote counts per period for plots over time.
"""

from __future__ import annotations

import math
import os
import statistics
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date as _date
from typing import Iterable

from stance.frames import FRAME_BY_KEY, FRAME_KEYS, NONE_KEY
from stance.io import InputError, iter_jsonl
from stance.text import normalize_ar, parse_date

__all__ = [
    "SCORED", "LABELED", "SORT_KEYS", "EXAMPLE_MAX", "COUNTRY_NAMES",
    "FrameStat", "Example", "Group", "Report",
    "load_records", "detect_kind", "build_report", "wilson_interval", "trim_quote",
    "period_range",
]

SCORED = "scored"  # model-scored quotes (pred_labels)
LABELED = "labeled"  # human-labeled dataset (frames)
KIND_TEXT = {
    SCORED: "model-scored quotes",
    LABELED: "human-labeled dataset",
}
SORT_KEYS = ("quotes", "name") + FRAME_KEYS
PERIODS = ("auto", "month", "quarter", "year")
EXAMPLE_MAX = 120  # characters of a representative quote before it is trimmed
UNKNOWN_COUNTRY = "UNK"

# Arabic display names of the countries that occur in Arabic political news; others show
# their ISO code.
COUNTRY_NAMES = {
    "SYR": "سوريا", "IRQ": "العراق", "IRN": "إيران", "TUR": "تركيا", "USA": "الولايات المتحدة",
    "SAU": "السعودية", "QAT": "قطر", "JOR": "الأردن", "LBN": "لبنان", "EGY": "مصر",
    "ARE": "الإمارات", "KWT": "الكويت", "BHR": "البحرين", "OMN": "عُمان", "YEM": "اليمن",
    "PSE": "فلسطين", "ISR": "إسرائيل", "RUS": "روسيا", "FRA": "فرنسا", "GBR": "بريطانيا",
    "DEU": "ألمانيا", "CHN": "الصين", "LBY": "ليبيا", "TUN": "تونس", "DZA": "الجزائر",
    "MAR": "المغرب", "SDN": "السودان", "PAK": "باكستان", "AFG": "أفغانستان", "ITA": "إيطاليا",
    "ESP": "إسبانيا", "JPN": "اليابان", "IND": "الهند", "CAN": "كندا", "AUS": "أستراليا",
    "PRK": "كوريا الشمالية", "KOR": "كوريا الجنوبية", "NLD": "هولندا", "BEL": "بلجيكا",
    "SWE": "السويد", "UKR": "أوكرانيا", "MRT": "موريتانيا", "SOM": "الصومال",
    "INT": "هيئات دولية", UNKNOWN_COUNTRY: "غير معروف",
}


# --------------------------------------------------------------------------- statistics

def wilson_interval(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for ``k`` successes out of ``n`` (``(0, 1)`` when ``n`` is 0).

    >>> [round(x, 4) for x in wilson_interval(2, 5)]
    [0.1176, 0.7693]
    """
    if n <= 0:
        return 0.0, 1.0
    z = statistics.NormalDist().inv_cdf(0.5 + confidence / 2)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    low = 0.0 if k == 0 else max(0.0, centre - half)
    high = 1.0 if k == n else min(1.0, centre + half)
    return low, high


def trim_quote(text: str, limit: int = EXAMPLE_MAX) -> str:
    """One line, at most ``limit`` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ،,.:؛") + "…"


# --------------------------------------------------------------------------- data

@dataclass
class Example:
    """The quote that stands for a frame in a group."""

    quote_id: str | None
    article_id: str | None
    text: str  # trimmed to EXAMPLE_MAX characters
    date: str | None = None  # ISO
    score: float | None = None  # model probability of the frame (scored input)


@dataclass
class FrameStat:
    key: str
    count: int  # quotes carrying the frame
    share: float  # count / n_quotes
    low: float  # Wilson interval
    high: float
    mean_score: float | None = None  # mean model probability over all quotes (scored input)
    example: Example | None = None


@dataclass
class Group:
    key: str  # actor id (or name when there is none), or ISO country code
    name: str  # display name (Arabic)
    n_quotes: int
    n_articles: int
    frames: dict[str, FrameStat]
    none_count: int  # quotes with no frame
    dominant: str | None  # frame with the largest share; None when no quote has a frame
    country: str | None = None
    role: str | None = None
    actors: int | None = None  # distinct actors (by country)
    first_date: str | None = None
    last_date: str | None = None
    n_dated: int = 0
    # period -> {"n": quotes, frame: count}
    timeline: dict[str, dict[str, int]] = field(default_factory=dict)
    # --by-period: [{"period", "n", "frames": {frame: [share, low, high]}}] in time order
    trend: list[dict] = field(default_factory=list)

    @property
    def none_share(self) -> float:
        return self.none_count / self.n_quotes if self.n_quotes else 0.0


@dataclass
class Report:
    kind: str  # SCORED or LABELED
    by: str  # "actor" or "country"
    groups: list[Group]
    n_records: int  # records read
    n_quotes: int  # quotes counted (after filters, before --min-quotes)
    n_groups_total: int  # groups before --min-quotes
    largest: int = 0  # quotes of the largest group before --min-quotes
    frames: tuple[str, ...] = FRAME_KEYS
    confidence: float = 0.95
    interval: str = "wilson"
    period: str = "month"
    min_quotes: int = 1
    sort: str = "quotes"
    filters: dict = field(default_factory=dict)
    skipped: dict = field(default_factory=dict)  # reason -> count
    inputs: list[str] = field(default_factory=list)
    runs: list[str] = field(default_factory=list)  # model run ids (scored)
    policies: list[str] = field(default_factory=list)  # label policies (labeled)
    first_date: str | None = None
    last_date: str | None = None
    example_rule: str = ""
    # how the shares were estimated: "labels" (a labeled dataset: the annotators' labels
    # counted), "wilson" (model labels counted, no calibration data) or an estimator of
    # stance.report.estimate (model scores with the run's measured error)
    estimator: str = "labels"
    calibration: dict = field(default_factory=dict)  # run, n, error_rates, dispersion
    by_period: str | None = None  # month or quarter: per-group trends (Group.trend)
    undated: dict = field(default_factory=dict)  # {"quotes": n, "articles": [ids]}

    @property
    def kind_text(self) -> str:
        return KIND_TEXT[self.kind]

    def describe(self) -> str:
        """One line: what the input is, e.g. 'model-scored quotes (run tfidf-1)'."""
        extra = []
        if self.runs:
            extra.append("run " + ", ".join(self.runs))
        if self.policies:
            extra.append("label policy " + ", ".join(self.policies))
        return self.kind_text + (f" ({'; '.join(extra)})" if extra else "")

    def to_dict(self) -> dict:
        """Plain JSON-ready data (the ``--format json`` output)."""
        d = asdict(self)
        d["frames"] = [{"key": k, "arabic": FRAME_BY_KEY[k].arabic} for k in self.frames]
        d["kind_text"] = self.describe()
        for g, gd in zip(self.groups, d["groups"]):
            gd["none_share"] = g.none_share
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Report":
        d = dict(d)
        d.pop("kind_text", None)
        d["frames"] = tuple(f["key"] if isinstance(f, dict) else f for f in d["frames"])
        groups = []
        for gd in d["groups"]:
            gd = dict(gd)
            gd.pop("none_share", None)
            gd.setdefault("trend", [])
            frames = {}
            for k, fd in gd["frames"].items():
                fd = dict(fd)
                ex = fd.get("example")
                fd["example"] = Example(**ex) if ex else None
                frames[k] = FrameStat(**fd)
            gd["frames"] = frames
            groups.append(Group(**gd))
        d["groups"] = groups
        return cls(**d)


# --------------------------------------------------------------------------- input

def detect_kind(record: dict) -> str | None:
    """SCORED when the record has ``pred_labels``, LABELED when it has ``frames``."""
    if "pred_labels" in record:
        return SCORED
    if "frames" in record:
        return LABELED
    return None


def _frame_list(value, path, line, fld) -> list[str]:
    if not isinstance(value, list):
        raise InputError(f"expected a list of frame keys, got {type(value).__name__}",
                         path, line, fld)
    out = []
    for v in value:
        if v == NONE_KEY:
            continue
        if v not in FRAME_BY_KEY:
            raise InputError(f"unknown frame {v!r}; expected one of {', '.join(FRAME_KEYS)}",
                             path, line, fld)
        if v not in out:
            out.append(v)
    return out


def _check_record(rec: dict, kind: str, path, line) -> dict | None:
    """A normalized record ``{..., "labels": [...], "scores": {...}, "day": date|None}``;
    None when the actor is null (a quote the extractor could not attribute)."""
    if "actor" not in rec:
        raise InputError("record has no 'actor' (expected quote records with an actor)",
                         path, line, "actor")
    actor = rec["actor"]
    if actor is None or (isinstance(actor, str) and not actor.strip()):
        return None  # unattributed ('stance annotations build' writes "" for those)
    if not isinstance(actor, str):
        raise InputError(f"actor must be a string, got {type(actor).__name__}", path, line,
                         "actor")
    fld = "pred_labels" if kind == SCORED else "frames"
    labels = _frame_list(rec[fld], path, line, fld)
    scores = {}
    if kind == SCORED and rec.get("pred_scores") is not None:
        ps = rec["pred_scores"]
        if not isinstance(ps, dict):
            raise InputError("expected an object {frame: probability}", path, line, "pred_scores")
        for k, v in ps.items():
            if k in FRAME_BY_KEY:
                if isinstance(v, bool) or not isinstance(v, (int, float)):
                    raise InputError(f"score of {k!r} is not a number", path, line,
                                     "pred_scores")
                scores[k] = float(v)
    out = dict(rec)
    out["labels"] = labels
    out["scores"] = scores
    out["day"] = parse_date(rec.get("date"))
    return out


def load_records(paths: str | os.PathLike | Iterable[str | os.PathLike]) -> tuple[list[dict], str, dict]:
    """Read and check scored or labeled JSONL files.

    Returns ``(records, kind, info)``: ``info`` holds ``n_records``, ``skipped`` (reason ->
    count), ``runs`` and ``policies``. Raises :class:`InputError` naming the file and line
    for an empty file, a record without ``actor``, a record with neither ``pred_labels`` nor
    ``frames``, unknown frame keys, or a file mixing scored and labeled records.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    kind = first = None
    records: list[dict] = []
    skipped: Counter = Counter()
    runs: list[str] = []
    policies: list[str] = []
    run_dirs: list[str] = []
    unscored = 0
    seen_ids: set[str] = set()
    n = 0
    for path in paths:
        for line, rec in iter_jsonl(path):
            n += 1
            k = detect_kind(rec)
            if k is None:
                hint = (" (per-annotator 'annotations' only: build a dataset with "
                        "'stance annotations build' first)" if "annotations" in rec else "")
                raise InputError("record has neither 'pred_labels' (scored quotes from "
                                 "'stance predict') nor 'frames' (a labeled dataset from "
                                 f"'stance annotations build'){hint}", path, line)
            if kind is None:
                kind, first = k, f"{path}:{line}"
            elif k != kind:
                raise InputError(f"a {KIND_TEXT[k]} record, but {first} is one of "
                                 f"{KIND_TEXT[kind]}: report one kind at a time", path, line)
            r = _check_record(rec, kind, path, line)
            if r is None:
                skipped["no actor (unattributed quote)"] += 1
                continue
            qid = rec.get("quote_id")
            if qid is not None:
                if qid in seen_ids:
                    skipped["duplicate quote_id"] += 1
                    continue
                seen_ids.add(qid)
            if kind == SCORED and not r["scores"]:
                unscored += 1
            for key, bucket in (("run", runs), ("policy", policies), ("run_dir", run_dirs)):
                v = rec.get(key)
                if isinstance(v, dict):
                    v = v.get("name") or v.get("id") or None
                if v not in (None, "") and str(v) not in bucket:
                    bucket.append(str(v))
            records.append(r)
    return records, kind, {"n_records": n, "skipped": dict(skipped), "runs": runs,
                           "policies": policies, "inputs": [str(p) for p in paths],
                           "run_dirs": run_dirs, "unscored": unscored}


# --------------------------------------------------------------------------- examples

def _cue_hits(text_norm: str, key: str) -> int:
    return sum(1 for c in FRAME_BY_KEY[key].cues if normalize_ar(c) in text_norm)


def _annotator_agreement(rec: dict, key: str) -> float:
    anns = rec.get("annotations")
    if not isinstance(anns, list) or not anns:
        return 1.0
    votes = [key in (a.get("frames") or []) for a in anns if isinstance(a, dict)]
    return sum(votes) / len(votes) if votes else 1.0


EXAMPLE_RULE = {
    SCORED: "the quote carrying the frame with the highest model probability "
            "(ties: the shorter quote)",
    LABELED: "among quotes carrying the frame, one every annotator gave it, then one with "
             "no other frame, then one using a cue word of the frame, then the shortest of "
             "at least 40 characters",
}


def _example_key(rec: dict, key: str, kind: str):
    text = " ".join(str(rec.get("text") or "").split())
    if kind == SCORED and rec["scores"]:
        return (-rec["scores"].get(key, 0.0), len(text), str(rec.get("quote_id")))
    short = len(text) < 40
    return (-_annotator_agreement(rec, key), len(rec["labels"]) > 1,
            _cue_hits(normalize_ar(text), key) == 0, short, len(text) if not short else -len(text),
            str(rec.get("quote_id")))


def _example(rec: dict, key: str) -> Example:
    day = rec["day"]
    return Example(quote_id=rec.get("quote_id"), article_id=rec.get("article_id"),
                   text=trim_quote(rec.get("text") or ""),
                   date=day.isoformat() if day else None,
                   score=rec["scores"].get(key) if rec["scores"] else None)


# --------------------------------------------------------------------------- grouping

def _period_of(day: _date, period: str) -> str:
    if period == "year":
        return f"{day.year}"
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def period_range(first: str, last: str) -> list[str]:
    """Every period label from ``first`` to ``last`` inclusive ('2015', '2015-Q3' or
    '2015-03' style, as :func:`_period_of` writes them)."""
    if "-Q" in first:
        (y, q), (y2, q2) = (map(int, first.split("-Q")), map(int, last.split("-Q")))
        n, end, fmt = (y * 4 + q - 1), (y2 * 4 + q2 - 1), lambda i: f"{i // 4}-Q{i % 4 + 1}"
    elif "-" in first:
        (y, m), (y2, m2) = (map(int, first.split("-")), map(int, last.split("-")))
        n, end, fmt = (y * 12 + m - 1), (y2 * 12 + m2 - 1), lambda i: f"{i // 12}-{i % 12 + 1:02d}"
    else:
        n, end, fmt = int(first), int(last), str
    return [fmt(i) for i in range(n, end + 1)]


def _auto_period(days: list[_date]) -> str:
    if not days:
        return "month"
    months = (max(days).year - min(days).year) * 12 + max(days).month - min(days).month
    return "month" if months <= 24 else "quarter" if months <= 96 else "year"


def _matches_actor(rec: dict, wanted: list[str]) -> bool:
    aid = str(rec.get("actor_id") or "")
    name = normalize_ar(rec["actor"])
    return any(w == aid or normalize_ar(w) == name for w in wanted)


def _sort_groups(groups: list[Group], sort: str) -> list[Group]:
    if sort == "name":
        return sorted(groups, key=lambda g: (normalize_ar(g.name), g.key))
    if sort == "quotes":
        return sorted(groups, key=lambda g: (-g.n_quotes, normalize_ar(g.name), g.key))
    return sorted(groups, key=lambda g: (-g.frames[sort].share, -g.n_quotes,
                                         normalize_ar(g.name), g.key))


def build_report(records: list[dict], by: str = "actor", *, kind: str | None = None,
                 min_quotes: int = 1, sort: str = "quotes", since=None, until=None,
                 sources: Iterable[str] | None = None, actors: Iterable[str] | None = None,
                 confidence: float = 0.95, period: str = "auto",
                 info: dict | None = None, estimator=None,
                 by_period: str | None = None) -> Report:
    """Group quote records by actor or country and compute the frame statistics.

    ``records`` come from :func:`load_records` (raw dicts are accepted too: they are checked
    the same way, with line numbers counted from 1). ``kind`` is detected when None.
    Filters: ``since``/``until`` (dates, inclusive; undated quotes are then left out),
    ``sources`` (case-insensitive), ``actors`` (actor ids or names, compared after Arabic
    normalization). ``min_quotes`` drops small groups after the statistics are computed.

    ``estimator`` (a :class:`stance.report.estimate.ShareEstimator`, scored input only)
    replaces the counted model labels by shares estimated with the run's measured error and
    their intervals; without it, scored quotes are counted with a Wilson interval.
    ``by_period`` ("month" or "quarter") adds each shown group's shares per period
    (:attr:`Group.trend`); quotes without a date are counted in :attr:`Report.undated`.
    """
    if by not in ("actor", "country"):
        raise ValueError(f"by must be 'actor' or 'country', not {by!r}")
    if sort not in SORT_KEYS:
        raise ValueError(f"sort must be one of {', '.join(SORT_KEYS)}, not {sort!r}")
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    if by_period not in (None, "month", "quarter", "year"):
        raise ValueError(f"by_period must be month, quarter or year, not {by_period!r}")
    info = dict(info or {})
    records = list(records)
    if records and "labels" not in records[0]:  # raw records: check them like a file
        kind = kind or detect_kind(records[0])
        if kind is None:
            raise InputError("record has neither 'pred_labels' nor 'frames'", "<records>", 1)
        checked = []
        for i, r in enumerate(records, 1):
            if detect_kind(r) != kind:
                raise InputError(f"not a {KIND_TEXT[kind]} record", "<records>", i)
            c = _check_record(r, kind, "<records>", i)
            if c is not None:
                checked.append(c)
        info.setdefault("n_records", len(records))
        records = checked
    if kind is None:
        kind = SCORED if any(r.get("pred_labels") is not None for r in records) else LABELED
    since_d = parse_date(since) if since is not None else None
    until_d = parse_date(until) if until is not None else None
    if since is not None and since_d is None:
        raise ValueError(f"cannot read the date {since!r}")
    if until is not None and until_d is None:
        raise ValueError(f"cannot read the date {until!r}")
    src = {s.casefold() for s in sources} if sources else None
    wanted = [a for a in actors] if actors else None

    skipped = Counter(info.get("skipped") or {})
    kept = []
    for r in records:
        day = r["day"]
        if since_d or until_d:
            if day is None:
                skipped["undated (date filter)"] += 1
                continue
            if (since_d and day < since_d) or (until_d and day > until_d):
                skipped["outside the date range"] += 1
                continue
        if src is not None and str(r.get("source") or "").casefold() not in src:
            skipped["other source"] += 1
            continue
        if wanted is not None and not _matches_actor(r, wanted):
            skipped["other actor"] += 1
            continue
        kept.append(r)

    days = [r["day"] for r in kept if r["day"] is not None]
    if period == "auto":
        period = _auto_period(days)

    buckets: dict[str, list[dict]] = defaultdict(list)
    for r in kept:
        if by == "actor":
            key = str(r.get("actor_id") or r["actor"].strip())
        else:
            key = str(r.get("actor_country") or UNKNOWN_COUNTRY)
        buckets[key].append(r)

    groups = []
    for key, rs in buckets.items():
        groups.append(_group(key, rs, by, kind, confidence, period))
    n_total = len(groups)
    largest = max((g.n_quotes for g in groups), default=0)
    groups = [g for g in groups if g.n_quotes >= min_quotes]
    use = estimator if kind == SCORED else None
    for g in _progress(groups, use is not None, "estimating shares"):
        if use is not None:
            _apply_estimates(g, use.estimate(buckets[g.key], confidence))
        if by_period:
            g.trend = _trend(buckets[g.key], by_period, use, confidence)
    groups = _sort_groups(groups, sort)
    undated = [r for r in kept if r["day"] is None]

    filters = {k: v for k, v in (("since", since_d.isoformat() if since_d else None),
                                 ("until", until_d.isoformat() if until_d else None),
                                 ("source", sorted(sources) if sources else None),
                                 ("actor", list(actors) if actors else None)) if v}
    return Report(
        kind=kind, by=by, groups=groups, n_records=info.get("n_records", len(records)),
        n_quotes=len(kept), n_groups_total=n_total, largest=largest, confidence=confidence, period=period,
        min_quotes=min_quotes, sort=sort, filters=filters, skipped=dict(skipped),
        inputs=list(info.get("inputs") or []), runs=list(info.get("runs") or []),
        policies=list(info.get("policies") or []),
        first_date=min(days).isoformat() if days else None,
        last_date=max(days).isoformat() if days else None,
        example_rule=EXAMPLE_RULE[kind],
        estimator=(use.name if use is not None else "wilson") if kind == SCORED else "labels",
        calibration=use.describe() if use is not None else {},
        by_period=by_period,
        undated={"quotes": len(undated),
                 "articles": sorted({str(r.get("article_id") or r.get("quote_id") or "?")
                                     for r in undated})} if undated else {},
    )


def _progress(items, show: bool, desc: str):
    if not show or len(items) < 20:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="group", leave=False)


def _apply_estimates(g: Group, est: dict) -> None:
    for f, (share, low, high) in est.items():
        if f in g.frames:
            fs = g.frames[f]
            fs.share, fs.low, fs.high = share, low, high
    best = max(FRAME_KEYS, key=lambda f: (g.frames[f].share, -FRAME_KEYS.index(f)))
    g.dominant = best if g.frames[best].count or g.frames[best].share >= 0.05 else None


def _trend(rs: list[dict], period: str, estimator, confidence: float) -> list[dict]:
    slots: dict[str, list[dict]] = defaultdict(list)
    for r in rs:
        if r["day"] is not None:
            slots[_period_of(r["day"], period)].append(r)
    out = []
    for p in sorted(slots):
        part = slots[p]
        if estimator is not None:
            est = estimator.estimate(part, confidence)
        else:
            est = {}
            for f in FRAME_KEYS:
                k = sum(1 for r in part if f in r["labels"])
                est[f] = (k / len(part), *wilson_interval(k, len(part), confidence))
        out.append({"period": p, "n": len(part),
                    "frames": {f: [round(v, 4) for v in est[f]] for f in FRAME_KEYS}})
    return out


def _group(key: str, rs: list[dict], by: str, kind: str, confidence: float,
           period: str) -> Group:
    n = len(rs)
    frames = {}
    for f in FRAME_KEYS:
        carrying = [r for r in rs if f in r["labels"]]
        k = len(carrying)
        lo, hi = wilson_interval(k, n, confidence)
        mean = None
        if kind == SCORED and any(r["scores"] for r in rs):
            mean = sum(r["scores"].get(f, 0.0) for r in rs) / n
        ex = _example(min(carrying, key=lambda r: _example_key(r, f, kind)), f) if carrying else None
        frames[f] = FrameStat(key=f, count=k, share=k / n, low=lo, high=hi, mean_score=mean,
                              example=ex)
    none = sum(1 for r in rs if not r["labels"])
    best = max(FRAME_KEYS, key=lambda f: (frames[f].count, -FRAME_KEYS.index(f)))
    dominant = best if frames[best].count else None

    names = Counter(r["actor"].strip() for r in rs)
    if by == "actor":
        name = names.most_common(1)[0][0]
        country = Counter(r.get("actor_country") for r in rs).most_common(1)[0][0]
        role = Counter(r.get("actor_role") for r in rs).most_common(1)[0][0]
        n_actors = None
    else:
        name = COUNTRY_NAMES.get(key, key)
        country, role = key, None
        n_actors = len({str(r.get("actor_id") or r["actor"].strip()) for r in rs})

    dated = sorted(r["day"] for r in rs if r["day"] is not None)
    timeline: dict[str, dict[str, int]] = {}
    for r in rs:
        if r["day"] is None:
            continue
        slot = timeline.setdefault(_period_of(r["day"], period),
                                   {"n": 0, **{f: 0 for f in FRAME_KEYS}})
        slot["n"] += 1
        for f in r["labels"]:
            slot[f] += 1
    timeline = dict(sorted(timeline.items()))
    return Group(
        key=key, name=name, n_quotes=n, n_articles=len({r.get("article_id") for r in rs}),
        frames=frames, none_count=none, dominant=dominant, country=country, role=role,
        actors=n_actors, first_date=dated[0].isoformat() if dated else None,
        last_date=dated[-1].isoformat() if dated else None, n_dated=len(dated),
        timeline=timeline,
    )
