"""How well the registry resolves gold speaker mentions to gold actors.

For every gold quote, ``registry.resolve(speaker, date, article_id, article_text)`` is compared
with the gold ``actor`` (after :func:`stance.text.normalize_ar`; ``actors_alt`` count too),
``actor_country`` and ``actor_role``. Mentions that only refer back («البيان», «المصدر»,
«الوزارة») are scored apart: the extractor resolves them by coreference, not the registry.
"""

from __future__ import annotations

from collections import Counter

from stance.text import normalize_ar, parse_date

from .lexicon import tokenize

# Generic heads that refer back to an actor named earlier (not names, no country).
ANAPHORIC = {normalize_ar(w) for w in (
    "البيان بيان المصدر المصادر المسؤول المسؤولون الوزارة المنظمة المركز الوزيران الوزير الوزيرة "
    "النص التقرير المجموعة الموقع الوكالة الحلف الحلفاء المفوضية التحالف بعضهم السلطات الرئيس "
    "المتحدث المتحدثة الحكومة الجيش الحزب الحركة الهيئة اللجنة الجماعة المكتب المجلس الشركة "
    "الطرفان الجانبان الخارجية المبعوث السفير الدبلوماسي النظام الرسالة هو هي هم").split()}


def is_anaphoric(mention: str, registry) -> bool:
    """A bare generic mention («البيان», «بيان الوكالة», «الوزارة») with no name or country."""
    norms = [t.norm for t in tokenize(mention)]
    if not norms or len(norms) > 2:
        return False
    if not any(n in ANAPHORIC for n in norms):
        return False
    lex = registry.lexicon
    return not any(lex.country_at(norms, i) for i in range(len(norms))) \
        and registry.lookup(mention) is None


def evaluate(articles, registry) -> dict:
    """Scores over gold articles ``{"article_id", "date", "text", "quotes": [...]}``."""
    n = Counter()
    errors = []
    for art in articles:
        date = parse_date(art.get("date"))
        for q in art.get("quotes") or []:
            res = registry.explain(q["speaker"], date=date, article_id=str(art.get("article_id")),
                                   article_text=art.get("text"))
            a = res.actor
            gold = [q.get("actor")] + list(q.get("actors_alt") or [])
            ok = any(g and normalize_ar(g) == normalize_ar(a.name) for g in gold)
            bucket = "anaphoric" if is_anaphoric(q["speaker"], registry) else "named"
            n[bucket] += 1
            n[bucket + ":actor"] += ok
            n[bucket + ":country"] += a.country == q.get("actor_country")
            n[bucket + ":role"] += a.role == q.get("actor_role")
            if not ok and bucket == "named":
                errors.append({"article_id": art.get("article_id"), "speaker": q["speaker"],
                               "gold": q.get("actor"), "resolved": a.name, "country": a.country,
                               "how": res.how})
    out = {}
    for b in ("named", "anaphoric"):
        total = n[b]
        out[b] = {"quotes": total, **{k: round(n[f"{b}:{k}"] / total, 4) if total else 0.0
                                      for k in ("actor", "country", "role")}}
    out["errors"] = errors
    return out


def coverage(articles, registry) -> dict:
    """Which gold actors (display names) the registry holds, as a name or spelling."""
    names = set()
    for actor in registry.actors():
        names.add(normalize_ar(actor.name))
        for s in registry.spellings_of(actor.id):
            names.add(normalize_ar(s))
    gold = {}
    for art in articles:
        for q in art.get("quotes") or []:
            gold.setdefault(q["actor"], (q.get("actor_country"), q.get("actor_role")))
    missing = sorted(g for g in gold if normalize_ar(g) not in names)
    return {"gold_actors": len(gold), "in_registry": len(gold) - len(missing), "missing": missing}
