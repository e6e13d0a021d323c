#!/usr/bin/env bash
# Builds the web console (apps/web) into WEB_DIST_DIR (default dist/web), where the API serves it: typed operations
# generated from the committed schema.graphql, a type check, then Vite's production build. Skipped when neither the
# app's sources, the schema nor the lockfile changed since the last build into that folder.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${WEB_DIST_DIR:-dist/web}"
generated=apps/web/src/gql
sources_hash=$(
  { find apps/web -type f -not -path "$generated/*" -not -path '*/node_modules/*' -print0 | sort -z | xargs -0 sha256sum
    sha256sum schema.graphql package-lock.json scripts/build-web.sh; } | sha256sum | cut -d' ' -f1
)
stamp="$out/.build-stamp"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sources_hash" ] && [ -f "$generated/graphql.ts" ]; then
  exit 0
fi

echo "setup: building the web console into $out"
npx graphql-codegen --config apps/web/codegen.ts
npx tsc -p apps/web/tsconfig.json
WEB_DIST_DIR="$out" npx vite build --config apps/web/vite.config.ts --logLevel warn
echo "$sources_hash" > "$stamp"
