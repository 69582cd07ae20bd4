"""One convention for every command: errors are one line starting 'stance: error:', exit 2 for
bad input or usage, 1 for an external failure, documented in `stance --help`; help examples
use the README's relative paths and real run names."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from clirun import run
from stance.cli import COMMANDS, cli


def all_commands():
    ctx = click.Context(cli)
    for name in COMMANDS:
        cmd = cli.get_command(ctx, name)
        yield name, cmd
        if isinstance(cmd, click.Group):
            for sub in cmd.commands.values():
                yield f"{name} {sub.name}", sub


def test_top_level_help_documents_the_exit_codes(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "'stance: error:'" in out
    assert re.search(r"^\s+2\s+bad input or usage", out, re.M)
    assert re.search(r"^\s+1\s+an external failure: Label Studio", out, re.M)


@pytest.mark.parametrize("args, code, message", [
    (["extract"], 2, "Missing argument 'PATHS...'"),
    (["extract", "seeds/", "--bogus"], 2, "No such option '--bogus'"),
    (["nosuch"], 2, "No such command 'nosuch'"),
    (["extract", "seeds/no-such-dir"], 2, "seeds/no-such-dir: no such file or directory"),
])
def test_usage_and_input_errors_exit_2_with_one_prefix(capsys, args, code, message):
    got, _, err = run(capsys, *args)
    assert got == code
    assert err.splitlines()[-1].startswith("stance: error: ") and message in err
    assert "\nError:" not in "\n" + err


def test_label_studio_down_exits_1_with_the_same_prefix(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there once closed
    root = str(Path(__file__).resolve().parents[1])
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": root,
           "LABEL_STUDIO_URL": f"http://127.0.0.1:{port}", "LABEL_STUDIO_API_KEY": "k"}
    proc = subprocess.run([sys.executable, "-m", "stance", "ls", "pull", "--project", "frames"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.startswith("stance: error: cannot reach Label Studio")
    assert proc.stderr.count("\n") == 1


def test_help_examples_use_relative_paths_and_real_run_names():
    for name, cmd in all_commands():
        text = cmd.help or ""
        assert not re.search(r"(?<![\w.])/(work|home|root|tmp|Users)/", text), name
        for run_dir in re.findall(r"runs/[\w<>.-]+", text):
            assert run_dir == "runs/NAME-TIMESTAMP" or \
                re.fullmatch(r"runs/[a-z-]+-frames-(<time>|\d{8}-\d{6})/?", run_dir), \
                (name, run_dir)
