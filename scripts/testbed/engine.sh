#!/usr/bin/env bash
# Docker Engine for the test bed: scripts/testbed/engine.sh up|status|down
#
# up:     reuse whatever engine answers on /var/run/docker.sock (or $DOCKER_HOST); otherwise, on a
#         Debian-like host as root, install Debian's docker.io if dockerd is missing and start dockerd
#         in the background (these machines have no systemd). Then check that BuildKit builds work.
# status: one line: engine + API version and whether BuildKit builds.
# down:   stops the dockerd that `up` started (never one it found running); keeps /var/lib/docker.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tb_init engine

STATE=$(state_dir)
DOCKERD_PID="$STATE/dockerd.pid"
DOCKERD_LOG="$STATE/dockerd.log"
START_TIMEOUT=${PARITY_ENGINE_TIMEOUT:-60}

engine_version() { docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})' 2>/dev/null; }

# BuildKit is checked the way Parity itself builds: through the Engine API (POST /build with
# version=2 and a tar context; no session is needed for that), with a FROM-scratch image so no base
# image or network is involved. Without curl or with a TCP DOCKER_HOST, a BuildKit-capable CLI is
# used instead. Note: the newer docker CLI on these machines (/usr/local/bin/docker 28) has no
# buildx plugin, so `DOCKER_BUILDKIT=1 docker build` refuses to run; Debian's 20.10 CLI
# (/usr/bin/docker, installed with docker.io) still carries the built-in BuildKit client.
BUILDKIT_TAG=parity-testbed/buildkit-check:latest

engine_socket() {
  local host=${DOCKER_HOST:-unix:///var/run/docker.sock}
  [[ $host == unix://* ]] || return 1
  printf '%s\n' "${host#unix://}"
}

buildkit_cli() {
  if docker buildx version >/dev/null 2>&1; then
    echo "docker buildx build --load"
  elif [[ -x /usr/bin/docker ]] && DOCKER_BUILDKIT=1 /usr/bin/docker build --help >/dev/null 2>&1; then
    echo "/usr/bin/docker build"
  else
    return 1
  fi
}

# Prints how BuildKit was exercised; fails (with the builder's output on stderr) if it did not build.
buildkit_check() {
  local ctx sock cli rc=0 how
  ctx=$(mktemp -d "$STATE/buildkit-check.XXXXXX")
  printf 'ok\n' >"$ctx/probe"
  printf 'FROM scratch\nCOPY probe /probe\n' >"$ctx/Dockerfile"
  if sock=$(engine_socket) && command -v curl >/dev/null; then
    how="Engine API build, version=2"
    tar -C "$ctx" -cf "$ctx.tar" Dockerfile probe
    curl -sS -m 60 --unix-socket "$sock" -X POST -H 'Content-Type: application/x-tar' --data-binary "@$ctx.tar" \
      "http://localhost/build?version=2&t=$BUILDKIT_TAG" >"$ctx/out" 2>&1 || rc=$?
    rm -f "$ctx.tar"
    # The stream ends with the image id on success; an "error" entry otherwise.
    ((rc == 0)) && grep -q '"moby.image.id"' "$ctx/out" && ! grep -q '"error"' "$ctx/out" || rc=1
  elif cli=$(buildkit_cli); then
    how="$cli"
    # shellcheck disable=SC2086 # $cli is a command line on purpose
    DOCKER_BUILDKIT=1 $cli -q -t "$BUILDKIT_TAG" "$ctx" >"$ctx/out" 2>&1 || rc=$?
  else
    echo "no way to run a BuildKit build (no curl for the API, no BuildKit-capable docker CLI)" >"$ctx/out"
    rc=1
  fi
  ((rc == 0)) || tail -n 20 "$ctx/out" | sed 's/^/    /' >&2
  docker rmi -f "$BUILDKIT_TAG" >/dev/null 2>&1 || true
  rm -rf "$ctx"
  ((rc == 0)) && printf '%s\n' "$how"
}

start_dockerd() {
  if [[ -S /var/run/docker.sock && ! -w /var/run/docker.sock ]] && ! is_root; then
    die "an engine socket exists but $(id -un) may not use it: add yourself to the docker group (sudo usermod -aG docker $(id -un), then log in again) or run as root."
  fi
  is_root || die "no engine answers and starting one needs root: run \`sudo $TESTBED_ENTRY up engine\`, or start Docker yourself (Docker Desktop, \`sudo systemctl start docker\`), or point DOCKER_HOST at a running engine."
  is_debian_like || die "no engine answers and this is not Debian/Ubuntu: start Docker yourself (Docker Desktop, \`sudo systemctl start docker\`, or \`sudo dockerd &\`), or point DOCKER_HOST at one."
  command -v dockerd >/dev/null || apt_install docker.io
  # docker.io's dependencies (containerd, runc, iptables) must be on the PATH of dockerd.
  command -v containerd >/dev/null || apt_install containerd
  command -v iptables >/dev/null || apt_install iptables

  # Where systemd runs (a normal Debian/Ubuntu machine) the package's service is the engine: start
  # it there rather than a second dockerd fighting over /var/run/docker.pid.
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
    log "starting docker.service with systemctl"
    systemctl start docker.service
    wait_until "$START_TIMEOUT" docker_ok || die "docker.service did not answer within ${START_TIMEOUT}s (see: journalctl -u docker)"
    return 0
  fi
  # No systemd (these machines, CI): run dockerd ourselves; it starts its own containerd.
  log "starting dockerd (log: $DOCKERD_LOG)"
  start_bg "$DOCKERD_PID" "$DOCKERD_LOG" dockerd
  if ! wait_until "$START_TIMEOUT" docker_ok; then
    log "dockerd did not answer within ${START_TIMEOUT}s; last lines of $DOCKERD_LOG:"
    tail -n 30 "$DOCKERD_LOG" | sed 's/^/    /' >&2
    pid_alive "$(cat "$DOCKERD_PID")" || log "dockerd is no longer running"
    exit 1
  fi
}

cmd_up() {
  if docker_ok; then
    log "engine already answers: $(engine_version)"
  elif [[ -n ${DOCKER_HOST:-} && $DOCKER_HOST != unix:///var/run/docker.sock ]]; then
    die "DOCKER_HOST=$DOCKER_HOST does not answer; start that engine, or unset DOCKER_HOST to let this script start a local one."
  else
    step "start dockerd" start_dockerd
    log "engine up: $(engine_version)"
  fi
  command -v curl >/dev/null || apt_install curl
  local how
  how=$(buildkit_check) || die "the engine could not run a BuildKit build (output above)"
  log "BuildKit build works ($how)"
}

cmd_status() {
  if ! docker_ok; then
    status_line engine "missing — start with: $TESTBED_ENTRY up engine"
    return 1
  fi
  local owner="not started by the test bed" bk="BuildKit FAILED" pid how
  if pid=$(pidfile_pid "$DOCKERD_PID"); then owner="dockerd pid $pid, log $DOCKERD_LOG"; fi
  if how=$(buildkit_check 2>/dev/null); then bk="BuildKit ok ($how)"; fi
  status_line engine "ok — Docker Engine $(engine_version), $bk; $owner"
  [[ $bk == BuildKit\ ok* ]]
}

cmd_down() { stop_daemon dockerd "$DOCKERD_PID" 60 docker_ok; }

dispatch "$@"
