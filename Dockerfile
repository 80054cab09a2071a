# syntax=docker/dockerfile:1
# Aduan production image. Two targets:
#   docker build -t aduan .                          the web app (the last stage): Next.js standalone server, port 3000
#   docker build -t aduan-worker --target worker .   outbox, escalation and alert workers; also runs the migrations
# Both run as the unprivileged `node` user. See docs/DEPLOY.md.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------- dependencies
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# `npm ci` refuses this lockfile where platform packages for other systems are missing; see README.
RUN npm install --no-audit --no-fund && npm cache clean --force

# ---------------------------------------------------------------- build
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 ADUAN_STANDALONE=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The Content-Security-Policy allows the tile server configured at build time.
ARG ADUAN_TILE_URL=https://tile.openstreetmap.org/{z}/{x}/{y}.png
RUN ADUAN_TILE_URL="$ADUAN_TILE_URL" npx next build
# Next.js copies .env and .env.production into the standalone output; .dockerignore keeps them out
# of the context, and this stops the build should a secret file reach the output some other way.
RUN if find .next/standalone -path .next/standalone/node_modules -prune -o \
      \( -name '.env*' -o -name '*.pem' -o -name '*.key' -o -path '*/.data/*' \) -print | grep .; then \
      echo 'secret files in the build output (above): remove them from the build context' >&2; exit 1; fi

# ---------------------------------------------------------------- worker (and migrations)
# Run it with ADUAN_PUBLIC_URL (the portal's public address): the worker refuses to start without it.
FROM ${NODE_IMAGE} AS worker
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json tsconfig.json ./
COPY --chown=node:node db ./db
COPY --chown=node:node lib ./lib
COPY --chown=node:node scripts ./scripts
COPY --chown=node:node drizzle ./drizzle
COPY --chown=node:node data ./data
COPY --chown=node:node i18n ./i18n
COPY --chown=node:node messages ./messages
USER node
CMD ["node_modules/.bin/tsx", "scripts/worker.ts"]

# ---------------------------------------------------------------- web app
# Run it with ADUAN_PUBLIC_URL (the portal's public address, e.g. https://aduan.jakarta.go.id): the
# server refuses to start without it, since every link sent to a citizen carries it.
FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 \
    ADUAN_WORKER=0 ADUAN_SKIP_MIGRATE=1 ADUAN_MEDIA_DIR=/data/media
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# the standalone output leaves public/ out: the web app manifest and its icons
COPY --from=build --chown=node:node /app/public ./public
# read at run time: migrations (for `ADUAN_SKIP_MIGRATE=0`) and Jakarta's boundaries
COPY --from=build --chown=node:node /app/drizzle ./drizzle
COPY --from=build --chown=node:node /app/data/jakarta ./data/jakarta
RUN mkdir -p /data/media && chown node:node /data/media
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
