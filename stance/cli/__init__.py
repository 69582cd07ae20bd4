"""The ``stance`` command line: a thin layer over the library, one module per command.

Commands are loaded lazily (``LazyGroup``) so ``stance extract`` never imports torch or the
Label Studio SDK. Every command turns :class:`stance.io.InputError` (and other expected
failures) into one line on stderr and exit status 2 — no tracebacks for user mistakes.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from stance import __version__

# name -> "module:attribute"; one file per command under stance/cli/
COMMANDS = {
    "extract": "stance.cli.extract:extract",
    "eval-extract": "stance.cli.eval_extract:eval_extract",
    "lexicon": "stance.cli.lexicon:lexicon",
    "actors": "stance.cli.actors:actors",
    "ls": "stance.cli.ls:ls",
    "annotations": "stance.cli.annotations:annotations",
    "train": "stance.cli.train:train",
    "predict": "stance.cli.predict:predict",
    "compare": "stance.cli.compare:compare",
    "pretrain": "stance.cli.pretrain:pretrain",
    "report": "stance.cli.report:report",
    "demo": "stance.cli.demo:demo",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported only when used."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx, name):
        if name in self.lazy:
            module, attr = self.lazy[name].split(":")
            try:
                return getattr(importlib.import_module(module), attr)
            except ModuleNotFoundError as exc:
                if exc.name and exc.name.startswith("stance"):
                    return None  # command not built yet
                raise click.ClickException(
                    f"'{name}' needs the optional package '{exc.name}': "
                    "install it with  pip install 'stance[all]'") from None
        return super().get_command(ctx, name)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # «stance extract seeds/ | head»: the reader had enough, which is no error (click
            # would exit 1); stdout goes to /dev/null so the final flush cannot fail again
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise click.exceptions.Exit(0) from None


@click.group(cls=LazyGroup, lazy=COMMANDS,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="stance")
def cli():
    """stance: how political actors frame their words in Arabic news.

    \b
    The usual chain:
      stance extract seeds/ -o quotes.jsonl            # quotes, speakers, actors
      stance ls push quotes.jsonl --project frames     # label them in Label Studio
      stance ls pull --project frames                  # snapshot the export
      stance annotations build annotations/exports/*.json -o data.jsonl
      stance train experiments/tfidf.yaml              # -> runs/tfidf-<time>/
      stance predict runs/tfidf-<time> quotes.jsonl -o scored.jsonl
      stance report scored.jsonl --plots plots/

    Run 'stance COMMAND --help' for the details and an example of each command.
    """


def main(argv=None):
    """Entry point: run the CLI, turning expected errors into one line and exit status 2."""
    from stance.io import InputError

    try:
        cli.main(args=argv, prog_name="stance", standalone_mode=False)
    except InputError as exc:
        click.echo(f"stance: error: {exc}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("stance: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("stance: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
