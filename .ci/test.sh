#!/usr/bin/env bash
# Set up everything the tests need (the project venv, a Label Studio server venv and Chromium for
# the HTML report test), then run them.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/setup.sh
.ci/setup-labelstudio.sh
.ci/setup-chromium.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
exec .venv/bin/python -m pytest -q "$@"
