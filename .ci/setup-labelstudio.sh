#!/usr/bin/env bash
# A separate virtualenv for the Label Studio *server* (it pins its own SDK and Django).
# The tests start it on 127.0.0.1 from here; the project itself only needs label-studio-sdk.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv-labelstudio/bin/label-studio ]; then
  echo "setup: installing the label-studio server into .venv-labelstudio/ (about 90 s)"
  "$PY" -m venv .venv-labelstudio
  .venv-labelstudio/bin/pip install -q --upgrade pip
  .venv-labelstudio/bin/pip install -q 'label-studio==1.23.2'
fi
