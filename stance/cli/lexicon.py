"""``stance lexicon``: check a reporting-verb file before extracting with it."""

from __future__ import annotations

import click


@click.group("lexicon")
def lexicon():
    """The extractor's reporting verbs as data (stance/extract/data/verbs.yaml).

    A linguist adds a verb stem, a form or a participle in a YAML file of the same shape as
    stance/extract/data/verbs.yaml, checks it here, and passes it to 'stance extract
    --lexicon FILE'; an entry for a bundled stem replaces that stem's entry.
    """


@lexicon.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
def check(files):
    """Check reporting-verb FILES (YAML) — or the function-word file
    (stance/extract/data/words.yaml: word lists and named patterns): each error names the
    file, line and field, exit 2.

    On success, prints what the files add to or change in the bundled lexicon.

    \b
    Example file (my_verbs.yaml):
      verbs:
        - stem: صرح
          forms: {صرح: m, صرحت: f, صرحوا: p, يصرح: m, تصرح: f}
          object: false
        - stem: استنكر
          forms: {استنكر: m, استنكرت: f, يستنكر: m, تستنكر: f}
          object: true
    \b
    Examples:
      stance lexicon check my_verbs.yaml
      stance lexicon check stance/extract/data/words.yaml
      stance extract ../shared/corpus/ant_politics_pool.jsonl.gz --lexicon my_verbs.yaml -o quotes.jsonl
    """
    from stance.extract.knowledge import read_verbs, read_words, read_yaml_strict
    from stance.extract.lexicon import DEFAULT_VERBS, VerbLexicon

    verb_files, report = [], []  # every file is checked before anything is printed
    for path in files:
        raw = read_yaml_strict(path)
        if isinstance(raw, dict) and "verbs" not in raw and ("patterns" in raw or "time_words" in raw):
            words = read_words(path, raw)  # the function-word lists and patterns (words.yaml)
            lists = [k for k in words if k != "patterns"]
            report.append(f"{path}: ok — {len(lists)} word lists "
                          f"({sum(len(words[k]) for k in lists)} entries), {len(words['patterns'])} patterns")
            continue
        verb_files.append(path)
        data = read_verbs(path, raw)
        new = [s for s in data["verbs"] if s not in DEFAULT_VERBS.verbs]
        changed = [s for s in data["verbs"] if s in DEFAULT_VERBS.verbs]
        forms = sum(len(e["forms"]) for e in data["verbs"].values())
        report.append(f"{path}: ok — {len(data['verbs'])} verb stems ({forms} forms): {len(new)} new"
                      + (f" ({', '.join(new[:8])}{' …' if len(new) > 8 else ''})" if new else "")
                      + f", {len(changed)} replacing bundled entries"
                      + (f" ({', '.join(changed[:8])})" if changed else "")
                      + f"; {len(data['participles'])} participles, {len(data['masdars'])} verbal nouns")
    if verb_files:
        lex = VerbLexicon(verb_files)
        report.append(f"with the bundled lexicon: {len(lex.verbs)} stems, {len(lex.verb_forms)} written forms, "
                      f"{len(lex.participles)} participles")
    click.echo("\n".join(report))
