# One image for every Spiral process: built once from the monorepo, any app chosen by the command
# (docker compose sets it per service), e.g.
#   docker build -t spiral .
#   docker run spiral node dist/apps/relay/src/main.js
# Node 20 to match package.json "engines" and the pins that need it (better-sqlite3 12, NestJS 11).

FROM node:20-bookworm-slim AS build
WORKDIR /spiral
# better-sqlite3 compiles when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Install scripts run only for the packages package.json "allowScripts" approves; npm 10 in this
# image does not read that list, so scripts are off and the approved ones are rebuilt by name.
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3 @swc/core
COPY . .
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /spiral
COPY --from=build --chown=node:node /spiral/package.json ./
COPY --from=build --chown=node:node /spiral/node_modules ./node_modules
COPY --from=build --chown=node:node /spiral/dist ./dist
COPY --from=build --chown=node:node /spiral/bin ./bin
USER node
EXPOSE 3000
# Every process answers GET /api/v1/health on PORT: 200 when its engines answer, 503 otherwise.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The embedded system by default; the distributed apps are dist/apps/<name>/src/main.js.
CMD ["node", "dist/apps/embedded/src/main.js"]
