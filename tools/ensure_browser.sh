#!/usr/bin/env bash
# Makes sure a Chromium exists for Playwright and prints its path.
# Order: $CHROMIUM_PATH, the system browser, Debian's package (when root), Playwright's download.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then echo "$CHROMIUM_PATH"; exit 0; fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  apt-get update -qq >&2 && apt-get install -y -qq chromium >&2
  echo /usr/bin/chromium; exit 0
fi
# On a developer laptop Playwright's own download works (it does not on the build machines).
"${VENV:-.venv}/bin/python" -m playwright install chromium >&2
echo "playwright"
