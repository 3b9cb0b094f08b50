# Samverkan: one image for every role (web, worker, or both).
#   docker build -t samverkan .
#   docker run --env-file .env samverkan                                  # web + workers + scheduler
#   docker run --env-file .env samverkan node --enable-source-maps dist/src/main.js --role=worker
# The build stage compiles the app to JavaScript (npm run build: dist/, with source maps);
# the runtime runs it with plain node — no TypeScript transpiler at start-up or in the image.

# --- 1. build: full install, typecheck, compile to dist/, Teams app package (manifest/build/samverkan.zip)
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsc --noEmit && npm run build --silent && npm run manifest --silent

# --- 2. production dependencies only (npm ci --omit=dev)
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- 3. runtime: no dev dependencies, no tests, not root
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json ./
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/manifest/build ./manifest/build
USER node
EXPOSE 3978
# /healthz: the process answers (readiness, incl. Redis, is /readyz).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1's child-free main process: SIGTERM reaches the app's graceful shutdown.
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
