"""Reading and checking actor YAML files (the bundled ones and users' ``--actors FILE``).

A file is a mapping with an ``actors`` list (and optional ``defaults`` applied to each
entry), or just the list. Every problem raises :class:`stance.io.InputError` naming the file,
the line of the entry, and the field («actors[3].offices[0].start»).
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import yaml

from stance.io import InputError, read_text

ROLES = (
    "head_of_state", "head_of_government", "foreign_minister", "minister", "security_official",
    "spokesperson", "government", "ministry", "militia", "party", "agency", "official_unnamed",
    "international_org", "other",
)
BODY_ROLES = {"government", "ministry", "militia", "party", "agency", "international_org"}
TYPES = ("person", "body")
ENTRY_FIELDS = {"id", "name", "country", "role", "type", "aliases", "weak", "kinds", "offices",
                "spellings", "per_article", "match", "note"}
OFFICE_FIELDS = {"office", "country", "of", "start", "end", "note"}
_ID = re.compile(r"^[^\s:@][^\s@]*$")
_COUNTRY = re.compile(r"^(?:[A-Z]{3})$")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_Loader):
    """Safe loader that records the line of every mapping under the key ``__line__``."""


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# dates stay strings here and are checked by _date(), so a bad one is reported with its field
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def read_yaml(path: str | Path):
    """Parse a YAML file; syntax errors become InputError with the line."""
    text = read_text(path)
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"not valid YAML: {problem}", path, line) from None


def strip_lines(obj):
    """A copy of parsed YAML without the ``__line__`` bookkeeping."""
    if isinstance(obj, dict):
        return {k: strip_lines(v) for k, v in obj.items() if k != "__line__"}
    if isinstance(obj, list):
        return [strip_lines(v) for v in obj]
    return obj


def _date(value, path, line, field):
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value.strip())
        if m:
            try:
                return _dt.date(int(m[1]), int(m[2]), int(m[3] or 1))
            except ValueError:
                pass
    raise InputError(f"expected a date YYYY-MM-DD, got {value!r}", path, line, field)


def _str_list(value, path, line, field) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError("expected a list of non-empty strings", path, line, field)
    return [v.strip() for v in value]


def parse_actor_file(path: str | Path, offices: set[str], *, default_type: str | None = None) -> list[dict]:
    """Entries of one actor file, each checked field by field.

    Entries may be partial (an ``id`` plus the fields to change): whether ``name``, ``country``
    and ``role`` are required is decided when the entry is merged (:func:`complete`).
    """
    data = read_yaml(path)
    defaults: dict = {}
    if isinstance(data, dict):
        unknown = set(data) - {"actors", "defaults", "__line__"}
        if unknown:
            raise InputError(f"unknown top-level key(s) {sorted(unknown)}; expected 'actors' "
                             "(and optionally 'defaults')", path, data.get("__line__"))
        defaults = data.get("defaults") or {}
        if not isinstance(defaults, dict):
            raise InputError("'defaults' must be a mapping", path, None, "defaults")
        items = data.get("actors")
    else:
        items = data
    if items is None:
        raise InputError("no 'actors' list", path)
    if not isinstance(items, list):
        raise InputError("'actors' must be a list of entries", path, None, "actors")
    out, seen = [], {}
    for i, raw in enumerate(items):
        where = f"actors[{i}]"
        if not isinstance(raw, dict):
            raise InputError(f"entry {i} must be a mapping with at least an 'id'", path, None, where)
        line = raw.get("__line__")
        entry = {k: v for k, v in defaults.items() if k != "__line__"}
        entry.update({k: v for k, v in raw.items() if k != "__line__"})
        unknown = set(entry) - ENTRY_FIELDS
        if unknown:
            raise InputError(f"unknown field(s) {sorted(unknown)} (known: {sorted(ENTRY_FIELDS)})",
                             path, line, f"{where}.{sorted(unknown)[0]}")
        aid = entry.get("id")
        if not isinstance(aid, str) or not _ID.match(aid):
            raise InputError(f"entry {i}: 'id' must be a string without spaces, ':' or '@', got {aid!r}",
                             path, line, f"{where}.id")
        label = f"{where} ({aid})"
        if aid in seen:
            raise InputError(f"duplicate id '{aid}' (also at line {seen[aid]})", path, line, f"{label}.id")
        seen[aid] = line
        e = {"id": aid, "source": str(path), "line": line, "given": set(entry) - {"id", "note"}}
        if "name" in entry:
            if not isinstance(entry["name"], str) or not entry["name"].strip():
                raise InputError("'name' must be a non-empty string", path, line, f"{label}.name")
            e["name"] = entry["name"].strip()
        if "country" in entry:
            c = entry["country"]
            if c is not None and (not isinstance(c, str) or not _COUNTRY.match(c)):
                raise InputError(f"'country' must be an ISO 3166 alpha-3 code such as IRQ (or INT), "
                                 f"got {c!r}", path, line, f"{label}.country")
            e["country"] = c
        if "role" in entry:
            if entry["role"] not in ROLES:
                raise InputError(f"unknown role {entry['role']!r}; one of: {', '.join(ROLES)}",
                                 path, line, f"{label}.role")
            e["role"] = entry["role"]
        if "type" in entry:
            if entry["type"] not in TYPES:
                raise InputError(f"'type' must be 'person' or 'body', got {entry['type']!r}",
                                 path, line, f"{label}.type")
            e["type"] = entry["type"]
        elif default_type:
            e["type"] = default_type
        for k in ("aliases", "weak", "kinds"):
            if k in entry:
                e[k] = _str_list(entry[k], path, line, f"{label}.{k}")
        stray = [w for w in e.get("weak") or [] if w not in (e.get("aliases") or []) and w != e.get("name")]
        if stray:  # a weak alias marks one of the aliases; on its own it would be silently ignored
            raise InputError(f"weak alias {stray[0]!r} is not among the aliases; list it under 'aliases' too",
                             path, line, f"{label}.weak")
        for k in ("per_article", "match"):
            if k in entry:
                if not isinstance(entry[k], bool):
                    raise InputError(f"'{k}' must be true or false", path, line, f"{label}.{k}")
                e[k] = entry[k]
        if "spellings" in entry:
            sp = entry["spellings"]
            if not isinstance(sp, list):
                raise InputError("'spellings' must be a list of {name, aliases}", path, line, f"{label}.spellings")
            e["spellings"] = []
            for j, s in enumerate(sp):
                f = f"{label}.spellings[{j}]"
                if not isinstance(s, dict) or not isinstance(s.get("name"), str):
                    raise InputError("each spelling needs a 'name' and 'aliases'", path, line, f)
                e["spellings"].append((s["name"].strip(), _str_list(s.get("aliases"), path, line, f + ".aliases")))
        if "offices" in entry:
            offs = entry["offices"]
            if offs is None:
                offs = []
            if not isinstance(offs, list):
                raise InputError("'offices' must be a list", path, line, f"{label}.offices")
            e["offices"] = []
            for j, o in enumerate(offs):
                f = f"{label}.offices[{j}]"
                if not isinstance(o, dict):
                    raise InputError("each office must be a mapping {office, country|of, start, end}",
                                     path, line, f)
                oline = o.get("__line__", line)
                bad = set(o) - OFFICE_FIELDS - {"__line__"}
                if bad:
                    raise InputError(f"unknown office field(s) {sorted(bad)}", path, oline, f"{f}.{sorted(bad)[0]}")
                key = o.get("office")
                if key not in offices:
                    raise InputError(f"unknown office {key!r}; known: {', '.join(sorted(offices))}",
                                     path, oline, f"{f}.office")
                oc, of = o.get("country"), o.get("of")
                if (oc is None) == (of is None):
                    raise InputError("an office needs exactly one of 'country' (ISO code) or 'of' (a body id)",
                                     path, oline, f)
                if oc is not None and (not isinstance(oc, str) or not _COUNTRY.match(oc)):
                    raise InputError(f"'country' must be an ISO alpha-3 code, got {oc!r}", path, oline, f"{f}.country")
                if of is not None and not isinstance(of, str):
                    raise InputError("'of' must be an actor id", path, oline, f"{f}.of")
                start = _date(o.get("start"), path, oline, f"{f}.start")
                end = _date(o.get("end"), path, oline, f"{f}.end")
                if start and end and end < start:
                    raise InputError(f"'end' {end} is before 'start' {start}", path, oline, f"{f}.end")
                e["offices"].append({"office": key, "country": oc, "of": of, "start": start, "end": end,
                                     "field": f, "line": oline})
        out.append(e)
    return out


def complete(entry: dict) -> None:
    """Check that a new (not overriding) entry has what an actor needs; fill defaults."""
    label = f"{entry['id']}"
    for k in ("name", "role"):
        if not entry.get(k):
            raise InputError(f"new actor '{label}' needs a '{k}'", entry["source"], entry["line"], k)
    if "country" not in entry:
        raise InputError(f"new actor '{label}' needs a 'country' (ISO alpha-3, INT for international bodies)",
                         entry["source"], entry["line"], "country")
    entry.setdefault("type", "body" if entry["role"] in BODY_ROLES else "person")
    for k in ("aliases", "weak", "kinds", "offices", "spellings"):
        entry.setdefault(k, [])
    entry.setdefault("per_article", False)
    entry.setdefault("match", True)
