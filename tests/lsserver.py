"""A real Label Studio server for the tests: session-scoped, loopback only, stopped by PID.

Use it from a test module with ``from lsserver import ls_server  # noqa: F401`` and a test
argument ``ls_server``. The server binary is ``.venv-labelstudio/bin/label-studio`` (installed
by ``.ci/setup-labelstudio.sh``; override with ``STANCE_LABEL_STUDIO``). If it is missing,
the tests that need it FAIL with a message saying how to install it: they never skip.

The first run builds a migrated template data directory in ``.ls-template/<version>/``
(``label-studio init``, ~20 s); every session then copies it and starts in a few seconds.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("STANCE_LABEL_STUDIO", ROOT / ".venv-labelstudio/bin/label-studio"))
CACHE = Path(os.environ.get("STANCE_LS_TEMPLATE", ROOT / ".ls-template"))


@pytest.fixture(scope="session")
def ls_server(tmp_path_factory):
    """A started :class:`stance.labelstudio.server.LocalServer` (``.url``, ``.api_key``)."""
    from stance.labelstudio.client import LabelStudioError
    from stance.labelstudio.server import LocalServer

    if not (BINARY.is_file() and os.access(BINARY, os.X_OK)):
        pytest.fail(f"Label Studio server not installed: {BINARY} is missing. Run "
                    ".ci/setup-labelstudio.sh (CI does) to create .venv-labelstudio/ "
                    "with label-studio==1.23.2.", pytrace=False)
    workdir = tmp_path_factory.mktemp("label-studio")
    try:
        server = LocalServer.from_template(CACHE, BINARY, workdir=workdir).start(timeout=180)
    except LabelStudioError as exc:
        pytest.fail(f"could not start Label Studio: {exc}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()
