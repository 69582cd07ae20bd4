#!/usr/bin/env bash
# Chromium for the test that opens the HTML report in a headless browser
# (tests/test_report_plots.py::test_html_in_headless_chromium). CI runs as root and gets
# Debian's `chromium` package through apt-get; anywhere else (not root, no apt-get, no network)
# this says why and goes on, and that one test is skipped with the same reason.
set -uo pipefail
for b in chromium chromium-browser google-chrome; do
  command -v "$b" >/dev/null 2>&1 && exit 0
done
if [ "${STANCE_NO_CHROMIUM:-}" = 1 ]; then
  echo "setup: STANCE_NO_CHROMIUM=1: chromium not installed; the HTML-in-Chromium test will be skipped"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: no apt-get here: install Chromium yourself to run the HTML-in-Chromium test (it will be skipped)"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "setup: not root: run  sudo apt-get install chromium  to run the HTML-in-Chromium test (it will be skipped)"
  exit 0
fi
echo "setup: installing chromium with apt-get (for the HTML-in-Chromium test, about a minute)"
log=$(mktemp)
if (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium) >"$log" 2>&1; then
  rm -f "$log"
else
  echo "setup: apt-get install chromium failed (last lines below); the HTML-in-Chromium test will be skipped"
  tail -n 5 "$log"
  rm -f "$log"
fi
exit 0
