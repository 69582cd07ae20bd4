"""``stance eval-extract``: score quote extraction against gold in the codebook format."""

from __future__ import annotations

import json
import sys

import click


def read_gold(path: str) -> list[dict]:
    """Gold articles (``article_id``/``id``, ``text``, ``quotes[]`` with ``start``/``end``)."""
    from stance.io import InputError, iter_jsonl

    articles, seen = [], set()
    for lineno, rec in iter_jsonl(path):
        aid = rec.get("article_id", rec.get("id"))
        if aid in (None, ""):
            raise InputError("gold article has no 'article_id' or 'id'", path, lineno, "article_id")
        if not isinstance(rec.get("text"), str):
            raise InputError("gold article has no text (a string is required)", path, lineno, "text")
        quotes = rec.get("quotes", [])
        if not isinstance(quotes, list):
            raise InputError("expected a list of quotes", path, lineno, "quotes")
        for i, q in enumerate(quotes):
            _check_span(q, len(rec["text"]), path, lineno, f"quotes[{i}]")
        if str(aid) in seen:
            raise InputError(f"article id {aid!r} appears twice", path, lineno, "article_id")
        seen.add(str(aid))
        articles.append({**rec, "article_id": str(aid)})
    return articles


def _check_span(q, n: int, path, lineno, where: str) -> None:
    from stance.io import InputError

    if not isinstance(q, dict):
        raise InputError("expected a quote object", path, lineno, where)
    for k in ("start", "end"):
        if not isinstance(q.get(k), int) or isinstance(q.get(k), bool):
            raise InputError("an integer offset is required", path, lineno, f"{where}.{k}" if where else k)
    if not 0 <= q["start"] < q["end"] <= n:
        raise InputError(f"offsets {q['start']}-{q['end']} outside the article text (length {n})",
                         path, lineno, f"{where}.start" if where else "start")


def read_predictions(path: str, gold: dict[str, dict]) -> tuple[list[dict], int]:
    """Predicted quote records for the gold articles, and how many named other articles."""
    from stance.io import InputError, iter_jsonl

    preds, foreign = [], 0
    for lineno, rec in iter_jsonl(path):
        aid = rec.get("article_id")
        if aid in (None, ""):
            raise InputError("quote has no 'article_id'", path, lineno, "article_id")
        art = gold.get(str(aid))
        if art is None:
            foreign += 1
            continue
        _check_span(rec, len(art["text"]), path, lineno, "")
        rec = dict(rec, article_id=str(aid))
        rec.setdefault("text", art["text"][rec["start"]:rec["end"]])
        preds.append(rec)
    return preds, foreign


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def format_report(res: dict, show: int, by_rule: bool = False) -> str:
    """The scores as a table, then up to ``show`` misses and false alarms."""
    lines = [f"{res['articles']} articles, {res['overlap']['gold']} gold quotes, "
             f"{res['overlap']['pred']} predicted", ""]
    head = f"{'':18}{'P':>7}{'R':>7}{'F1':>7}{'matched':>10}{'pred':>7}{'gold':>7}"
    lines.append(head)

    def row(name, s):
        # per kind, P counts matched predictions of the kind and R matched gold quotes of it
        tp = s["tp"] if "tp" in s else f"{s.get('tp_pred', 0)}/{s.get('tp_gold', 0)}"
        return (f"{name:18}{_pct(s['precision']):>7}{_pct(s['recall']):>7}{_pct(s['f1']):>7}"
                f"{tp:>10}{s['pred']:>7}{s['gold']:>7}")

    lines.append(row("overlap", res["overlap"]))
    lines.append(row("strict (±3 chars)", res["strict"]))
    for kind, s in res["by_kind"].items():
        lines.append(row(f"  {kind} overlap", s["overlap"]))
        lines.append(row(f"  {kind} strict", s["strict"]))
    n = res["overlap"]["tp"]
    if res["by_kind"]:
        lines.append(f"{'':18}(per kind, matched = predictions/gold quotes of that kind)")
    lines.append("")
    lines.append(f"actor accuracy     {_pct(res['actor_accuracy'])}   (on {n} overlap-matched quotes)")
    lines.append(f"country accuracy   {_pct(res['country_accuracy'])}")

    def listing(title, items, fmt):
        if show <= 0:
            return
        lines.append("")
        more = f", first {show}" if len(items) > show else ""
        lines.append(f"{title}: {len(items)}{more}")
        for it in items[:show]:
            lines.append(fmt(it))

    def quote(it):
        speaker = it.get("speaker") or "-"
        return (f"  {it['article_id']} {it['start']}-{it['end']} {it.get('kind') or '?'} "
                f"[{speaker}] «{' '.join(str(it.get('text') or '').split())}»")

    def wrong(it):
        return (f"  {it['article_id']} {it['start']} gold {it.get('gold_actor')} "
                f"[{it.get('speaker') or '-'}] / predicted {it.get('pred_actor')} "
                f"[{it.get('pred_speaker') or '-'}] «{' '.join(str(it.get('text') or '').split())}»")

    if by_rule:
        lines.append("")
        lines.append("by rule: P = its predictions that match a gold quote (overlap), R = the share of all")
        lines.append("gold quotes it finds (the rules' R add up to the overall recall), strict P, actor accuracy")
        lines.append(f"  {'rule':22}{'P':>7}{'R':>7}{'strict P':>10}{'actor':>7}{'matched':>9}{'pred':>6}")
        for name, r in res.get("by_rule", {}).items():
            lines.append(f"  {name:22}{_pct(r['precision']):>7}{_pct(r['recall']):>7}"
                         f"{_pct(r['strict_precision']):>10}{_pct(r['actor_accuracy']):>7}"
                         f"{r['matched']:>9}{r['pred']:>6}")
    listing("Misses (gold quotes not found)", res["misses"], quote)
    listing("False alarms (predicted, not in gold)", res["false_alarms"], quote)
    listing("Wrong actors (matched quotes)", res["wrong_actors"], wrong)
    listing("Wrong countries (matched quotes)", res.get("wrong_countries", []),
            lambda it: (f"  {it['article_id']} {it['start']} gold {it.get('gold_country') or '-'} "
                        f"({it.get('gold_actor')}) / predicted {it.get('pred_country') or '-'} "
                        f"({it.get('pred_actor')})"))
    return "\n".join(lines) + "\n"


@click.command("eval-extract")
@click.argument("gold", required=False, type=click.Path(path_type=str))
@click.argument("pred", required=False, type=click.Path(path_type=str))
@click.option("--show", type=click.IntRange(0), default=20, show_default=True,
              help="List up to this many misses, false alarms, wrong actors and wrong "
                   "countries (0: none).")
@click.option("--json", "as_json", is_flag=True,
              help="Print the whole result as JSON (scores and every miss/false alarm).")
@click.option("--tolerance", type=click.IntRange(0), default=3, show_default=True,
              help="Characters each end may differ by for a strict match.")
@click.option("--actors", "actors", multiple=True, type=click.Path(dir_okay=False, path_type=str),
              help="Extra actor registry file (YAML) when extracting here; repeatable.")
@click.option("--workers", type=click.IntRange(0), default=1, show_default=True,
              help="Processes for extraction when PRED is not given (0: every core).")
@click.option("--judged", metavar="EXPORT_OR_DATASET", type=click.Path(path_type=str),
              help="Instead of gold articles: extraction precision from annotators' judgements "
                   "(the labelling config's extraction check) in a Label Studio export or a "
                   "dataset from 'stance annotations build'.")
@click.option("--lexicon", "lexicon", multiple=True, type=click.Path(dir_okay=False, path_type=str),
              help="Extra reporting-verb file (YAML) when extracting here; repeatable.")
@click.option("--by-rule", is_flag=True,
              help="Also print precision and recall per extraction rule (the quotes' 'rule' field).")
def eval_extract(gold, pred, show, as_json, tolerance, actors, workers, judged, lexicon, by_rule):
    """Score quote extraction against GOLD (one article a line with its quotes).

    GOLD is in the codebook format (article_id, text, quotes[] with start, end, kind,
    speaker, actor, actor_country). PRED holds quote records as 'stance extract' writes them;
    without PRED the extractor runs on the gold articles here. Quotes match on overlapping
    spans (one to one) and strictly when both ends agree within --tolerance characters;
    actor and country accuracy are over overlap-matched quotes.

    With --judged, no gold articles: the share of extracted quotes that annotators judged
    'ok' (precision) and of each fault, overall, by kind (direct/indirect) and by source,
    with 95 % Wilson intervals.

    \b
    Examples:
      stance eval-extract ../shared/data/dev_gold.jsonl
      stance eval-extract ../shared/data/dev_gold.jsonl --by-rule --show 0   # which rules are weak
      stance eval-extract --judged annotations/frames_export.json.gz
      stance extract gold.jsonl -o pred.jsonl && stance eval-extract gold.jsonl pred.jsonl --show 50
      stance eval-extract gold.jsonl --json > scores.json
    """
    if judged is not None:
        if gold is not None:
            raise click.UsageError("give either GOLD or --judged, not both")
        from stance.extract.judged import format_judged, judged_precision

        res = judged_precision(judged)
        if as_json:
            json.dump(res, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(format_judged(res))
        return
    if gold is None:
        raise click.UsageError("missing GOLD (gold articles), or --judged EXPORT_OR_DATASET")
    from stance.extract.evaluate import evaluate

    articles = read_gold(gold)
    if pred is not None:
        predictions, foreign = read_predictions(pred, {a["article_id"]: a for a in articles})
        if foreign:
            click.echo(f"stance eval-extract: warning: ignored {foreign} predicted quotes of "
                       f"articles not in {gold}", err=True)
    else:
        from stance.extract import Extractor
        from stance.extract.stream import extract_stream

        extractor = Extractor(actors=list(actors), lexicon=list(lexicon) or None)
        inputs = ({k: a[k] for k in ("article_id", "text", "date", "source", "title") if k in a}
                  for a in articles)
        predictions = [q for _, qs in extract_stream(inputs, extractor, workers=workers) for q in qs]
    res = evaluate(articles, predictions, tolerance=tolerance)
    if as_json:
        json.dump(res, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_report(res, show, by_rule))
