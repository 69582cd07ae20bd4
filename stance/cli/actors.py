"""``stance actors``: look up, list, check and measure the actor registry."""

from __future__ import annotations

import json

import click

from stance.cli._params import parse_date_param

_ACTORS_OPT = click.option(
    "--actors", "actors", multiple=True, type=click.Path(dir_okay=False, path_type=str),
    help="Extra registry file (YAML) adding or overriding actors; repeatable.")


def _registry(actors):
    from stance.actors import Registry

    return Registry.load(extra=list(actors))


def _country_ok(ctx, param, value):
    if value is not None and not (len(value) == 3 and value.isalpha()):
        raise click.BadParameter("an ISO 3166 alpha-3 code such as IRQ (or INT)")
    return value.upper() if value else value


def _role_ok(ctx, param, value):
    from stance.actors import ROLES

    if value is not None and value not in ROLES:
        raise click.BadParameter(f"one of: {', '.join(ROLES)}")
    return value


@click.group("actors")
def actors():
    """The actor registry: canonical persons and bodies with aliases and dated offices.

    Quote extraction ties each speaker mention to an actor here: a name or alias
    («ترمب», «نصرالله»), a title resolved by the article's date («وزير الخارجية العراقي»
    in 2015 -> إبراهيم الجعفري), or a body («الخارجية السورية», «دمشق»). Add or
    correct actors with your own YAML file (see stance/actors/README.md) and pass it as
    --actors FILE here and to 'stance extract'.

    \b
    Examples:
      stance actors lookup "وزير الخارجية العراقي" --date 2015-03-24
      stance actors lookup "الرئيس الأميركي" --date 2018-05-21
      stance actors list --country IRQ --role foreign_minister
      stance actors check my_actors.yaml
      stance actors discover quotes.jsonl -o stub.yaml   # speakers it does not know yet
    """


@actors.command("lookup")
@click.argument("mention")
@click.option("--date", callback=parse_date_param, help="The article's date, YYYY-MM-DD (titles resolve by it).")
@click.option("--text", "text_file", type=click.Path(exists=True, dir_okay=False, path_type=str),
              help="The article (a UTF-8 .txt file): names in it settle undated titles and "
                   "shared surnames.")
@click.option("--article-id", default=None, help="Article id (unnamed officials are per article).")
@_ACTORS_OPT
@click.option("--json", "as_json", is_flag=True, help="Print the actor as one JSON object.")
def lookup(mention, date, text_file, article_id, actors, as_json):
    """Resolve one speaker MENTION to an actor and say how it matched.

    \b
    Examples:
      stance actors lookup "الرئيس السوري" --date 2015-03-01        # -> بشار الأسد
      stance actors lookup "وزير الخارجية العراقي" --date 2023-05-01  # -> فؤاد حسين
      stance actors lookup "وزير الخارجية العراقي" --text seeds/001_150d284151235f74.txt
      stance actors lookup "مسؤول لبناني" --article-id a17            # unnamed, per article
      stance actors lookup "#بومبيو" --json
    """
    from stance.io import read_text

    reg = _registry(actors)
    text = read_text(text_file) if text_file else None
    res = reg.explain(mention, date=date, article_id=article_id, article_text=text)
    a = res.actor
    if as_json:
        click.echo(json.dumps({"id": a.id, "name": a.name, "country": a.country, "role": a.role,
                               "known": a.known, "type": a.type, "how": res.how}, ensure_ascii=False))
        return
    click.echo(f"id:      {a.id}")
    click.echo(f"name:    {a.name}")
    click.echo(f"country: {a.country or '-'}")
    click.echo(f"role:    {a.role}")
    click.echo(f"known:   {'yes' if a.known else 'no (made from the mention)'}")
    click.echo(f"how:     {res.how}" + (f" [{res.matched}]" if res.matched else ""))


@actors.command("list")
@click.option("--country", callback=_country_ok, help="Only this country (ISO alpha-3, INT).")
@click.option("--role", callback=_role_ok, help="Only this role (codebook §2), e.g. foreign_minister.")
@click.option("--office", default=None, help="Only holders of this office key, e.g. head_of_state.")
@_ACTORS_OPT
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one actor with aliases and offices a line.")
def list_(country, role, office, actors, as_json):
    """List registry actors, with their offices.

    --role filters on the role an actor usually speaks in; --office on any office held
    (with --country, one held for that country), so «--office foreign_minister --country IRQ»
    lists Iraq's foreign ministers in order.

    \b
    Examples:
      stance actors list --country IRQ --role foreign_minister
      stance actors list --office head_of_state --country SYR
      stance actors list --role international_org --json > int_actors.jsonl
    """
    reg = _registry(actors)
    if office:
        rows = []
        for a in reg.actors():
            for o in reg.offices_of(a.id):
                if o.office == office and (country is None or o.country == country):
                    rows.append((o.start.isoformat() if o.start else "", a))
                    break
        if role:
            rows = [r for r in rows if r[1].role == role]
        items = [a for _, a in sorted(rows, key=lambda r: r[0])]
    else:
        items = reg.actors(country=country, role=role)
    for a in items:
        e = reg.entry(a.id)
        if as_json:
            e = {k: v for k, v in e.items() if k not in ("source", "line")}
            for o in e["offices"]:
                for k in ("start", "end"):
                    o[k] = o[k].isoformat() if o[k] else None
            click.echo(json.dumps(e, ensure_ascii=False))
            continue
        terms = "; ".join(
            f"{o['office']} {o['country'] or o['of']} "
            f"{o['start'].isoformat() if o['start'] else '…'}–{o['end'].isoformat() if o['end'] else ''}"
            for o in e["offices"])
        click.echo(f"{a.id}\t{a.name}\t{a.country or '-'}\t{a.role}" + (f"\t{terms}" if terms else ""))
    if not as_json:
        click.echo(f"{len(items)} actor{'s' if len(items) != 1 else ''}", err=True)


@actors.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
def check(files):
    """Check user registry FILES: YAML syntax, fields, office keys, dates, ids.

    Exits with status 2 and a message naming the file, line and field at the first problem.

    \b
    Example:
      stance actors check my_actors.yaml
    """
    from stance.actors import Registry

    base = Registry.load()
    reg = Registry.load(extra=list(files))
    click.echo(f"ok: {len(files)} file{'s' if len(files) != 1 else ''}; registry has {len(reg)} actors "
               f"({len(reg) - len(base):+d} from the files)")


@actors.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=str))
@_ACTORS_OPT
@click.option("--errors", "show_errors", is_flag=True, help="List the named mentions resolved wrongly.")
def eval_(gold, actors, show_errors):
    """Measure the registry on GOLD quotes (JSONL articles with quotes: speaker, actor...).

    Each gold speaker mention is resolved with the article's date and text and compared with
    the gold actor, country and role. Bare generic mentions («البيان», «المصدر») are scored
    apart: the extractor resolves them by coreference.

    \b
    Example:
      stance actors eval ../shared/data/dev_gold.jsonl --errors
    """
    from stance.actors.evaluate import coverage, evaluate
    from stance.io import read_jsonl

    reg = _registry(actors)
    arts = read_jsonl(gold)
    res = evaluate(arts, reg)
    cov = coverage(arts, reg)
    for b in ("named", "anaphoric"):
        r = res[b]
        click.echo(f"{b:10s} quotes {r['quotes']:4d}  actor {r['actor']:.3f}  country {r['country']:.3f}  "
                   f"role {r['role']:.3f}")
    click.echo(f"gold actors in the registry: {cov['in_registry']}/{cov['gold_actors']}"
               + (f" (missing: {', '.join(cov['missing'])})" if cov["missing"] else ""))
    if show_errors:
        for e in res["errors"]:
            click.echo(f"  {e['article_id']}: «{e['speaker']}» -> {e['resolved']} (gold {e['gold']}; {e['how']})")


@actors.command("discover")
@click.argument("quotes", type=click.Path(exists=True, dir_okay=False, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="Write the speakers as registry entries (YAML) to edit and pass with --actors.")
@click.option("--top", type=click.IntRange(1), default=30, show_default=True, help="How many speakers to list.")
@click.option("--min-count", type=click.IntRange(1), default=2, show_default=True,
              help="Only speakers with at least this many quotes.")
def discover_(quotes, output, top, min_count):
    """The most frequent speakers in QUOTES (JSONL from 'stance extract') that the registry
    does not know: counts, a suggested canonical name, role and country hints read from the
    mentions, and example contexts.

    This is how a registry grows for a new corpus: extract, discover, edit the stub (check
    each name, country and role), then extract again with --actors. Unnamed officials
    («مصدر أمني») are one actor per article by design and are not listed.

    \b
    Examples:
      stance extract ../shared/corpus/ant_politics_pool.jsonl.gz -o pool_quotes.jsonl
      stance actors discover pool_quotes.jsonl --top 20
      stance actors discover pool_quotes.jsonl -o stub.yaml     # edit it, then:
      stance actors check stub.yaml
      stance extract ../shared/corpus/ant_politics_pool.jsonl.gz --actors stub.yaml -o quotes.jsonl
    """
    from stance.actors.discover import discover, stub_yaml
    from stance.io import InputError, iter_jsonl

    def records():
        for lineno, rec in iter_jsonl(quotes):
            for f in ("actor_id", "actor"):
                if rec.get(f) is not None and not isinstance(rec[f], str):
                    raise InputError(f"'{f}' must be a string or null", quotes, lineno, f)
            yield rec

    found = discover(records(), min_count=min_count)[:top]
    for u in found:
        click.echo(f"{u.count:5d}  {u.name}\t{u.country or '-'}\t{u.role}\t"
                   f"mentions: {' | '.join(m for m, _ in u.mentions.most_common(3))}")
        for aid, speaker, text in u.examples:
            click.echo(f"         {aid}: {speaker}: «{text}»")
    click.echo(f"{len(found)} unknown speaker{'s' if len(found) != 1 else ''} with ≥ {min_count} quotes", err=True)
    if output:
        from stance.io import atomic_output

        with atomic_output(output) as fh:
            fh.write(stub_yaml(found, quotes))
        click.echo(f"wrote {output}: check it, then pass it with --actors", err=True)
