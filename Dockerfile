# Holdspace: one image for the server, the workers and the one-shot migration (docker-compose.yml picks the command).
# Build: docker build -t holdspace .   The server is TypeScript run by tsx; the web UI is built here by `remix build`.
# Node 22 LTS here; the code also runs on Node 20 (package.json "engines"), which CI and newcomers may have.

# Production dependencies only: what the runtime image gets.
FROM node:22-bookworm-slim AS deps
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

# Every dependency, to build the web UI.
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx remix build

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 npm_config_update_notifier=false
# Files stay owned by root, so the running app cannot change its own code. The source (run by tsx), the production
# node_modules and the built UI; no compiler, test runner, browser driver or embedded PostgreSQL.
COPY . .
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/public/build ./public/build
# The node image's unprivileged user (uid 1000).
USER node
EXPOSE 3000 9464 9465
# Health: GET /readyz on 3000 for the server, the metrics port for the workers (docker-compose.yml checks both).
CMD ["node", "--max-semi-space-size=32", "--no-regexp-tier-up", "--import", "tsx", "server/index.ts"]
