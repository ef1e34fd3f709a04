#!/usr/bin/env bash
# A Swarm with a replicated service for swarm:SERVICE targets: scripts/testbed/swarm.sh up|status|down
#
# `docker swarm init --advertise-addr 127.0.0.1` on the CLOUD engine (never the main one, which other
# work shares), then the service parity-web: PARITY_SWARM_REPLICAS (default 2) tasks of an image built
# on the cloud engine from its node base image (a tiny HTTP server), created with --no-resolve-image
# because there is no registry to ask. `down` removes the service and leaves the swarm (the cloud
# engine itself is stopped by cloud.sh).
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tb_init swarm

STATE=$(state_dir swarm)
SOCK="$PARITY_STATE_DIR/cloud/docker.sock"
SERVICE=${PARITY_SWARM_SERVICE:-parity-web}
REPLICAS=${PARITY_SWARM_REPLICAS:-2}
IMAGE=parity-testbed/web:1
BASE=node:20.20.2-bookworm-slim

cloud() { DOCKER_HOST="unix://$SOCK" docker "$@"; }
cloud_ok() { [[ -S $SOCK ]] && timeout 10 env DOCKER_HOST="unix://$SOCK" docker info >/dev/null 2>&1; }
swarm_state() { cloud info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null; }
running_tasks() { cloud service ps "$SERVICE" --filter desired-state=running --format '{{.CurrentState}}' 2>/dev/null | grep -c '^Running' || true; }
service_ready() { [[ $(running_tasks) -ge $REPLICAS ]]; }

build_image() {
  local ctx
  ctx=$(mktemp -d "$STATE/web.XXXXXX")
  cat >"$ctx/server.js" <<'EOF'
const http = require('node:http');
http.createServer((req, res) => res.end(`parity-web ${process.version} on ${require('node:os').hostname()}\n`)).listen(8080);
EOF
  cat >"$ctx/Dockerfile" <<EOF
FROM $BASE
ENV NODE_ENV=production TZ=UTC
COPY server.js /app/server.js
WORKDIR /app
USER node
EXPOSE 8080
CMD ["node", "server.js"]
EOF
  DOCKER_HOST="unix://$SOCK" run_logged "$STATE/build.log" docker_build -q -t "$IMAGE" \
    --label parity.managed=true --label parity.purpose=testbed "$ctx"
  rm -rf "$ctx"
}

create_service() {
  cloud service create --quiet --detach --name "$SERVICE" --replicas "$REPLICAS" --no-resolve-image \
    --label parity.managed=true --label parity.purpose=testbed \
    --container-label parity.managed=true --container-label parity.purpose=testbed "$IMAGE" >/dev/null
}

cmd_up() {
  cloud_ok || die "the cloud engine is not running; run: $TESTBED_ENTRY up cloud"
  if [[ $(swarm_state) != active ]]; then
    step "swarm init on the cloud engine" run_logged "$STATE/swarm.log" \
      env DOCKER_HOST="unix://$SOCK" docker swarm init --advertise-addr 127.0.0.1
  fi
  cloud image inspect "$IMAGE" >/dev/null 2>&1 || step "build $IMAGE on the cloud engine" build_image
  if ! cloud service inspect "$SERVICE" >/dev/null 2>&1; then
    step "create service $SERVICE ($REPLICAS replicas)" create_service
  elif [[ $(cloud service inspect -f '{{.Spec.Mode.Replicated.Replicas}}' "$SERVICE") != "$REPLICAS" ]]; then
    cloud service scale --detach "$SERVICE=$REPLICAS" >/dev/null
  fi
  wait_until 60 service_ready || {
    cloud service ps --no-trunc "$SERVICE" >&2 || true
    die "service $SERVICE has $(running_tasks) of $REPLICAS tasks running after 60s"
  }
  log "service $SERVICE: $(running_tasks)/$REPLICAS tasks running"
}

cmd_status() {
  if ! cloud_ok; then
    status_line swarm "missing — the cloud engine is not running; start with: $TESTBED_ENTRY up cloud swarm"
    return 1
  fi
  if [[ $(swarm_state) != active ]] || ! cloud service inspect "$SERVICE" >/dev/null 2>&1; then
    status_line swarm "missing — start with: $TESTBED_ENTRY up swarm"
    return 1
  fi
  local n
  n=$(running_tasks)
  if ((n < REPLICAS)); then
    status_line swarm "degraded — service $SERVICE has $n of $REPLICAS tasks running; run: $TESTBED_ENTRY up swarm"
    return 1
  fi
  status_line swarm "ok — service $SERVICE, $n/$REPLICAS tasks running on the cloud engine (swarm manager 127.0.0.1)"
}

cmd_down() {
  if ! cloud_ok; then
    log "the cloud engine is not running; nothing to do"
    return 0
  fi
  if cloud service rm "$SERVICE" >/dev/null 2>&1; then log "removed service $SERVICE"; fi
  [[ $(swarm_state) == active ]] && step "leave the swarm" run_logged "$STATE/swarm.log" env DOCKER_HOST="unix://$SOCK" docker swarm leave --force
  return 0
}

dispatch "$@"
