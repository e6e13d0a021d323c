#!/usr/bin/env bash
# The console's browser tests drive an installed Chromium (playwright-core downloads nothing): CHROMIUM_PATH when set,
# else Debian's `chromium` package, installed here when missing (idempotent).
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "setup: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file" >&2; exit 1; }
  exit 0
fi
command -v chromium >/dev/null 2>&1 && exit 0

echo "setup: installing Debian's chromium package (the headless browser of the console's tests)"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -q --no-install-recommends chromium >/dev/null; then
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q --no-install-recommends chromium >/dev/null
fi
