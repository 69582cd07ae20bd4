"""Speakers the registry does not know, found in extracted quotes: how a user grows the registry.

``stance actors discover quotes.jsonl`` lists the most frequent speaker mentions that resolved to
no registry actor (``actor_id`` starting with ``x:``), with a suggested canonical name, role and
country hints read from the mentions, and example contexts; ``-o stub.yaml`` writes them as
registry entries to check and pass to ``stance extract --actors stub.yaml``.

Unnamed officials (role ``official_unnamed``) are one actor per article by design (codebook §2)
and are not listed. A surname seen alone («فوتيل») joins the full name it ends («جوزيف فوتيل»)
when only one such name was seen.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from stance.text import normalize_ar


@dataclass
class Unknown:
    """One unknown speaker: its mentions (normalized actor names) and what the quotes say."""

    key: str
    count: int = 0
    names: Counter = field(default_factory=Counter)  # display names as extracted
    mentions: Counter = field(default_factory=Counter)  # speaker mentions as written
    roles: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    examples: list = field(default_factory=list)

    @property
    def name(self) -> str:
        """The suggested canonical name: the longest of the most frequent display names."""
        top = self.names.most_common(3)
        return max(top, key=lambda kv: (len(kv[0].split()), kv[1]))[0]

    @property
    def role(self) -> str:
        informative = [(r, n) for r, n in self.roles.most_common() if r not in (None, "other")]
        return informative[0][0] if informative else "other"

    @property
    def country(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None

    @property
    def aliases(self) -> list[str]:
        canon = normalize_ar(self.name)
        words = canon.split()
        # other display names, and the surname the articles call the person by («ساندرز»)
        surnames = {m for m in self.mentions if len(words) >= 2 and len(m.split()) < len(words)
                    and words[-len(m.split()):] == normalize_ar(m).split()}
        return sorted({n for n in set(self.names) | surnames if normalize_ar(n) != canon}, key=len)


def discover(quotes, min_count: int = 2, examples: int = 2) -> list[Unknown]:
    """Unknown speakers of ``quotes`` (quote records), most frequent first."""
    groups: dict[str, Unknown] = {}
    for q in quotes:
        aid = q.get("actor_id") or ""
        if not aid.startswith("x:") or not q.get("actor") or q.get("actor_role") == "official_unnamed":
            continue
        key = normalize_ar(q["actor"])
        if not key:
            continue
        u = groups.setdefault(key, Unknown(key))
        u.count += 1
        u.names[q["actor"]] += 1
        if q.get("speaker"):
            u.mentions[q["speaker"]] += 1
        u.roles[q.get("actor_role")] += 1
        if q.get("actor_country"):
            u.countries[q["actor_country"]] += 1
        if len(u.examples) < examples:
            u.examples.append((q.get("article_id"), q.get("speaker"), (q.get("text") or "")[:100]))
    # a surname alone joins the one full name it ends
    by_last: dict[str, list[str]] = {}
    for key in groups:
        words = key.split()
        if len(words) >= 2:
            by_last.setdefault(words[-1], []).append(key)
    for key in list(groups):
        if len(key.split()) == 1 and len(by_last.get(key, [])) == 1:
            target = groups[by_last[key][0]]
            u = groups.pop(key)
            target.count += u.count
            target.names.update(u.names)
            target.mentions.update(u.mentions)
            target.roles.update(u.roles)
            target.countries.update(u.countries)
            target.examples = (target.examples + u.examples)[:max(examples, len(target.examples))]
    out = [u for u in groups.values() if u.count >= min_count]
    out.sort(key=lambda u: (-u.count, u.key))
    return out


def _yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stub_yaml(unknowns: list[Unknown], source: str = "") -> str:
    """Registry entries (``data/*.yaml`` format) for ``unknowns``. Those without a country
    hint are written commented out: a new actor needs a country (fill it in, then uncomment)."""
    lines = [f"# Speakers the registry does not know, found by: stance actors discover {source}".rstrip(),
             "# Check each entry (name, country, role; add offices with dates where they matter),",
             "# then: stance actors check stub.yaml && stance extract ... --actors stub.yaml",
             "actors:"]
    for u in unknowns:
        ident = "ar-" + "-".join(normalize_ar(u.name).split())
        entry = [f"- id: {ident}",
                 f"  name: {_yaml_str(u.name)}",
                 f"  country: {u.country}" if u.country else "  country: XXX   # no hint in the mentions: fill in",
                 f"  role: {u.role}"]
        if u.aliases:
            entry.append("  aliases: [" + ", ".join(_yaml_str(a) for a in u.aliases) + "]")
        mentions = "; ".join(m for m, _ in u.mentions.most_common(3))
        lines.append(f"  # {u.count} quotes; mentions: {mentions}")
        prefix = "  " if u.country else "  # "
        lines.extend(prefix + e for e in entry)
    if not any(u.country for u in unknowns):
        lines[3] = "actors: []   # nothing to add yet (entries without a country are commented out)"
    return "\n".join(lines) + "\n"
