#!/usr/bin/env bash
# Create .venv/ at the repo root with the pinned CPU build of torch and stance[all].
# Idempotent: re-running only reinstalls when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv/ with $($PY --version)"
  "$PY" -m venv .venv
  .venv/bin/pip install -q --upgrade pip
fi
stamp=.venv/.stance-installed
want=$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  # The pinned CPU build first: an unpinned torch would pull a multi-GB CUDA build.
  echo "setup: installing torch==2.13.0 (CPU build)"
  .venv/bin/pip install -q torch==2.13.0
  echo "setup: installing stance[all]"
  .venv/bin/pip install -q -e '.[all]'
  echo "$want" > "$stamp"
fi
