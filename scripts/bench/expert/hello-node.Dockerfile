# An expert's hand-written Dockerfile for examples/hello-node, the peer of Parity's in the package benchmark.
# The base image is the one Parity's plan chose (passed as NODE_IMAGE), so only the craft of the file differs.
# Dependencies are installed in a stage of their own from the lockfile alone (cached until it changes); the
# runtime stage gets node_modules and the source, owned by root (read-only to the app), and runs as `node`.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    --mount=type=secret,id=parity-ca,target=/run/secrets/parity-ca,required=true \
    NODE_EXTRA_CA_CERTS=/run/secrets/parity-ca npm ci --omit=dev --no-audit --no-fund \
    && mkdir -p node_modules

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json server.js ./
USER node
EXPOSE 3000
CMD ["node", "server.js"]
