# Holdspace: one image for the server, the workers and the one-shot migration (docker-compose.yml picks the command).
# Build: docker build -t holdspace .   The server is TypeScript run by tsx; the web UI is built here by `remix build`.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
# Dependencies first, so a code change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm install
COPY . .
# Build the UI, then drop what only building and testing need.
RUN npx remix build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 npm_config_update_notifier=false
# Files stay owned by root, so the running app cannot change its own code.
COPY --from=build /app /app
# The node image's unprivileged user (uid 1000).
USER node
EXPOSE 3000
# Health: GET /readyz (docker-compose.yml checks it for the server; the workers serve no HTTP).
CMD ["node", "--import", "tsx", "server/index.ts"]
