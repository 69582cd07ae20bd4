"""``stance ls``: the Label Studio round trip (config, push, pull)."""

from __future__ import annotations

import functools
import sys

import click

from stance.labelstudio.client import KEY_ENV, URL_ENV, LabelStudioError

SERVER_HELP = (f"Server: --url/--api-key, else ${URL_ENV} / ${KEY_ENV} "
               "(the key is never printed).")


def server_options(fn):
    @click.option("--url", metavar="URL", default=None,
                  help=f"Label Studio URL [default: ${URL_ENV} or http://localhost:8080].")
    @click.option("--api-key", metavar="KEY", default=None,
                  help=f"API token [default: ${KEY_ENV}]; prefer the variable (not shown "
                       "in process lists).")
    @functools.wraps(fn)
    def wrapper(*args, url, api_key, **kwargs):
        from stance.labelstudio.client import Connection

        try:
            conn = Connection.from_settings(url, api_key)
            return fn(*args, conn=conn, **kwargs)
        except LabelStudioError as exc:
            raise click.ClickException(str(exc)) from None
    return wrapper


@click.group("ls")
def ls():
    """Label Studio round trip: write the labeling config, push quotes, pull exports.

    \b
    A local server (its own virtualenv, see .ci/setup-labelstudio.sh):
      export LABEL_STUDIO_USERNAME=me@example.com LABEL_STUDIO_PASSWORD=...
      export LABEL_STUDIO_USER_TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(20))')
      export LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN=true
      .venv-labelstudio/bin/label-studio start --internal-host 127.0.0.1 --port 8080 --no-browser
      export LABEL_STUDIO_URL=http://127.0.0.1:8080 LABEL_STUDIO_API_KEY=$LABEL_STUDIO_USER_TOKEN
    \b
      stance ls push quotes.jsonl --project frames
      stance ls pull --project frames          # -> annotations/exports/frames-<time>-<hash>.json
    """


@ls.command("config")
@click.option("-o", "--output", default="annotations/label_config.xml", show_default=True,
              metavar="FILE", help="Where to write the XML ('-' for standard output).")
def config(output):
    """Write the labeling config generated from the frame definitions (stance/frames.py).

    \b
    Example:
      stance ls config                       # -> annotations/label_config.xml
      stance ls config -o - | head
    """
    from stance.io import atomic_output
    from stance.labelstudio.config import label_config

    with atomic_output(output) as fh:
        fh.write(label_config())
    if output != "-":
        click.echo(f"wrote {output}", err=True)


@ls.command("push")
@click.argument("quotes", type=click.Path(dir_okay=False))
@click.option("--project", "project", required=True, metavar="TITLE",
              help="Project title; created with the generated config when missing.")
@click.option("--predictions", metavar="SCORED|RUN_DIR", default=None,
              help="Pre-annotations: a scored JSONL from 'stance predict' or a run directory "
                   "holding predictions.jsonl.")
@click.option("--model-version", default=None, metavar="NAME",
              help="model_version of the predictions [default: their 'run' id].")
@click.option("--sample", type=click.IntRange(min=1), default=None, metavar="N",
              help="Push only N of the quotes not yet in the project.")
@click.option("--strategy", type=click.Choice(["random", "uncertainty"]), default="random",
              show_default=True,
              help="How --sample chooses: seeded random, or the predictions closest to 0.5 first.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for random sampling.")
@click.option("--overlap", type=click.IntRange(min=1), default=1, show_default=True,
              help="Annotators per task (maximum_annotations) for a new project; 2+ for agreement.")
@click.option("--update-config", is_flag=True,
              help="Replace an existing project's labeling config with the generated one.")
@server_options
def push(quotes, project, predictions, model_version, sample, strategy, seed, overlap,
         update_config, conn):
    """Import QUOTES (JSONL from 'stance extract') into a Label Studio project.

    Tasks are keyed by quote_id: quotes already in the project are skipped, so pushing the
    same file twice creates no duplicates. Records without quote_id get
    sha1("article_id:start:end")[:16]. Two pushes to one project at once (on one machine)
    take turns: the second waits for the first, then imports only what is still missing.

    \b
    Examples:
      stance ls push quotes.jsonl --project frames --overlap 2
      stance ls push quotes.jsonl --project frames --predictions scored.jsonl \\
          --sample 50 --strategy uncertainty
    """
    from tqdm import tqdm

    from stance.labelstudio.push import push_quotes

    def waiting(lock_path: str) -> None:
        click.echo(f"stance ls push: another push to project {project!r} at {conn.shown_url} is "
                   f"running; waiting for it to finish (lock {lock_path})", err=True)

    bar = tqdm(desc="importing tasks", unit="task", file=sys.stderr, disable=None, leave=False)
    try:
        s = push_quotes(conn, quotes, project, predictions=predictions,
                        model_version=model_version, sample=sample, strategy=strategy, seed=seed,
                        overlap=overlap, update_config=update_config, progress=bar.update,
                        on_wait=waiting)
    finally:
        bar.close()
    state = "created" if s["created"] else "existing"
    msg = (f"project {s['project']!r} (id {s['project_id']}, {state}) at {s['url']}: "
           f"{s['imported']} tasks imported, {s['already_in_project']} quotes already there")
    if s["repeated_in_file"]:
        msg += f", {s['repeated_in_file']} repeated in the file"
    if s["new"] != s["imported"]:
        msg += f", {s['new'] - s['imported']} not selected ({s['strategy']})"
    if s["model_version"]:
        msg += f"; {s['predictions']} predictions, model_version {s['model_version']!r}"
    if s["left_out_without_prediction"]:
        msg += f"; {s['left_out_without_prediction']} quotes without a prediction left out"
    click.echo(msg, err=True)
    if s["config_differs"]:
        click.echo("warning: the project's labeling config differs from the generated one "
                   "(stance/frames.py); rerun with --update-config to replace it", err=True)


@ls.command("pull")
@click.option("--project", "project", required=True, metavar="TITLE", help="Project title.")
@click.option("-o", "--out-dir", default="annotations/exports", show_default=True,
              metavar="DIR", help="Directory for the snapshot (never overwritten).")
@server_options
def pull(project, out_dir, conn):
    """Save the project's full JSON export as a new snapshot file; print its path.

    The snapshot is named <project>-<UTC time>-<sha256[:12]>.json and holds every task,
    annotation (with annotator emails; cancelled and ground-truth ones too) and prediction,
    as the server wrote them. Existing snapshots are never overwritten or deleted.

    \b
    Example:
      stance ls pull --project frames
      stance annotations agreement annotations/exports/frames-*.json
    """
    from stance.labelstudio.pull import pull_export

    path, s = pull_export(conn, project, out_dir)
    click.echo(f"{s['tasks']} tasks, {s['annotated_tasks']} annotated, {s['annotations']} "
               f"annotations ({s['cancelled']} cancelled) -> {path}", err=True)
    if s["none_with_frames"]:
        click.echo(f"note: {s['none_with_frames']} annotation(s) ticked 'none' together with "
                   "frames: 'annotations build' keeps the frames and names them", err=True)
    if s["problem"]:
        click.echo(f"warning: the snapshot is saved but will not build a dataset: {s['problem']}",
                   err=True)
    click.echo(str(path))
