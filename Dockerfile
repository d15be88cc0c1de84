# Malipo as a container (README "Image and compose"): build with the full toolchain, run only the
# standalone output (server.js, its traced node_modules, static files, public/ and the migrations) as an
# unprivileged user.

FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY . .
RUN npx next build && bash scripts/assemble-standalone.sh

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NEXT_MANUAL_SIG_HANDLE=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data
RUN groupadd --system malipo && useradd --system --gid malipo --home-dir /app malipo \
  && mkdir /data && chown malipo:malipo /data
COPY --from=build --chown=malipo:malipo /src/.next/standalone ./
USER malipo
EXPOSE 3000
VOLUME ["/data"]
# Liveness only: readiness (/api/ready) is the load balancer's question, not the container runtime's.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exactly what test/cluster/standalone.cluster.test.ts runs: SIGTERM reaches node itself (no shell).
CMD ["node", "server.js"]
