"""Running the ``stance`` CLI in-process from tests: one helper for every test module."""

from __future__ import annotations

from stance.cli import main


def run(capsys, *args) -> tuple[int, str, str]:
    """``stance ARGS`` through :func:`stance.cli.main`: exit status, stdout, stderr."""
    capsys.readouterr()
    try:
        main(list(map(str, args)))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err
