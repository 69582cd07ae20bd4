"""The ``stance`` command line: a thin layer over the library, one module per command.

Commands are loaded lazily (``LazyGroup``) so ``stance extract`` never imports torch or the
Label Studio SDK. Every expected failure is one line on stderr starting ``stance: error:``,
never a traceback, with one exit-status convention for every command (:data:`EXIT_CODES`,
also in ``stance --help`` and the README):

* 2: bad input or usage, which the user fixes: a file, line or field
  (:class:`stance.io.InputError`), an option, an output path;
* 1: an external failure: Label Studio down or refusing, a missing optional package, a
  bug (the message asks to report it);
* 130: interrupted (Ctrl-C).
"""

from __future__ import annotations

import importlib
import os
import signal
import sys

import click

from stance import __version__

EXIT_BAD_INPUT = 2  # bad input or usage: the message names the file, line, field or option
EXIT_EXTERNAL = 1  # an external failure: Label Studio down or refusing, a missing package, a bug
EXIT_INTERRUPTED = 130
PREFIX = "stance: error: "

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
    "combine": "stance.cli.combine:combine",
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
        except KeyboardInterrupt:
            # Ctrl-C: the same one line as SIGTERM (click would print a blank line first)
            from stance.interrupt import Terminated

            raise Terminated(signal.SIGINT) from None
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
    The usual chain (the README runs it top to bottom, with a local Label Studio):
      stance extract seeds/ -o quotes.jsonl              # quotes, speakers, actors
      stance train experiments/tfidf.yaml                # -> runs/tfidf-frames-<time>/
      stance predict runs/tfidf-frames-<time> quotes.jsonl -o scored.jsonl
      stance report scored.jsonl --plots plots/          # per-actor frames
      stance ls push quotes.jsonl --project frames --predictions scored.jsonl
      stance ls pull --project frames                    # label, then snapshot the export
      stance annotations build annotations/exports/frames-*.json -o data.jsonl

    Run 'stance COMMAND --help' for the details and an example of each command.

    \b
    Errors are one line on stderr starting 'stance: error:', with the exit status:
      0    success
      2    bad input or usage: the message names the file, line and field (or the
           option) to fix; no partial output file is left behind
      1    an external failure: Label Studio is down or refuses the request, an optional
           package is missing, or a bug (please report it)
      130  interrupted
    """


def main(argv=None):
    """Entry point: run the CLI, turning expected errors into one line and exit status 2, and
    SIGINT/SIGTERM/SIGHUP into one line and exit status 128+N after the outputs in progress
    are removed (:mod:`stance.interrupt`)."""
    from stance.interrupt import Terminated, handling_signals
    from stance.io import InputError
    from stance.redact import redact_urls  # no URL credentials in any error line

    try:
        with handling_signals():
            cli.main(args=argv, prog_name="stance", standalone_mode=False)
    except Terminated as exc:
        # after a Ctrl-C the terminal shows "^C" with no newline
        nl = "\n" if exc.signum == signal.SIGINT and sys.stderr.isatty() else ""
        click.echo(f"{nl}stance: {exc}; unfinished outputs removed", err=True)
        sys.exit(exc.exit_code)
    except InputError as exc:
        click.echo(f"{PREFIX}{redact_urls(exc)}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Abort:
        click.echo("stance: aborted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.UsageError as exc:  # click's own: bad option or argument (exit 2)
        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare 'stance' or 'stance ls'
            click.echo(exc.format_message(), err=True)
            sys.exit(EXIT_BAD_INPUT)
        if exc.ctx is not None:
            click.echo(exc.ctx.get_usage(), err=True)
            click.echo(f"Try '{exc.ctx.command_path} --help' for help.", err=True)
        click.echo(f"{PREFIX}{redact_urls(exc.format_message())}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.ClickException as exc:  # the commands' external failures (exit 1)
        click.echo(f"{PREFIX}{redact_urls(exc.format_message())}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("stance: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
