#!/usr/bin/env bash
# The Parity test bed: the real components the tests run against, installed and started here
# because CI machines and new machines start bare (see shared/TESTBED.md for what was measured).
#
#   scripts/testbed.sh up     [component...]   install/start/seed what is missing (idempotent)
#   scripts/testbed.sh status [component...]   one line per component; non-zero if any is missing
#   scripts/testbed.sh down   [component...]   stop what `up` started; caches and images stay
#
# Components, in start order: engine images registry vscode cloud swarm ssh podman gem-mirror maven-mirror
# fault-engine (default: all).
#   engine    Docker Engine (Debian docker.io) with BuildKit       scripts/testbed/engine.sh
#   images    base images Docker Hub would give (debian, node,     scripts/testbed/images.sh
#             python, busybox, a musl userland), made locally
#   registry  Debian docker-registry on 127.0.0.1:5000, and one    scripts/testbed/registry.sh
#             asking for a login (htpasswd) on 127.0.0.1:5001
#   vscode    code-server + Chromium for end-to-end tests          scripts/testbed/vscode.sh
#   cloud     a second dockerd, mutual TLS on tcp://127.0.0.1:2376 scripts/testbed/cloud.sh
#             (certificates in $PARITY_STATE_DIR/cloud/certs)
#   swarm     swarm on the cloud engine, service parity-web        scripts/testbed/swarm.sh
#   ssh       sshd on 127.0.0.1:2222 (cloud) / :2223 (main engine) scripts/testbed/ssh.sh
#             for ssh://parity-deploy@…, files in $PARITY_STATE_DIR/ssh
#   podman    Podman's Docker API, unix://$PARITY_STATE_DIR/podman/podman.sock   scripts/testbed/podman.sh
#   gem-mirror  Debian's ruby-* gems as a RubyGems mirror on the    scripts/testbed/gem-mirror.sh
#             bridge gateway (http://172.17.0.1:8808/), for Ruby builds
#   maven-mirror  Debian's Maven repository over HTTP on the bridge gateway   scripts/testbed/maven-mirror.sh
#             (URL in $PARITY_STATE_DIR/maven-mirror/url)
#   fault-engine  a dockerd the fault tests kill, fill and stall,   scripts/testbed/fault-engine.sh
#             unix://$PARITY_STATE_DIR/fault-engine/docker.sock (data-root on a small disk of its own)
#
# Environment: PARITY_CACHE_DIR (default ${XDG_CACHE_HOME:-$HOME/.cache}/parity-testbed) for caches,
# PARITY_STATE_DIR (default /tmp/parity-testbed) for logs, pid files and generated configs,
# PARITY_JOBS (default 2) for parallel image builds.
# shellcheck source=SCRIPTDIR/testbed/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/testbed/lib.sh"
tb_init testbed

ALL=(engine images registry vscode cloud swarm ssh podman gem-mirror maven-mirror fault-engine)

usage() {
  sed -n '2,/^# shellcheck/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

component_script() { printf '%s/%s.sh\n' "$TESTBED_DIR" "$1"; }

# run_component action name  — delegates; a missing script (vscode is written separately) is an
# error for that component only.
run_component() {
  local action=$1 name=$2 script
  script=$(component_script "$name")
  if [[ ! -f $script ]]; then
    log "ERROR: component '$name' has no script ($script)"
    return 1
  fi
  bash "$script" "$action"
}

# status: exactly one line per component on stdout. Component scripts print one line already;
# others (vscode.sh prints "vscode: ok (...)" followed by paths) are reduced to their first line.
status_component() {
  local name=$1 script out rc=0 first
  script=$(component_script "$name")
  if [[ ! -f $script ]]; then
    status_line "$name" "missing — no script $script"
    return 1
  fi
  out=$(bash "$script" status 2>/dev/null) || rc=$?
  first=$(printf '%s\n' "$out" | head -n 1)
  first=${first#"$name"}
  first=${first#:}
  first=${first#"${first%%[![:space:]]*}"}
  status_line "$name" "${first:-$([[ $rc == 0 ]] && echo ok || echo missing)}"
  return "$rc"
}

main() {
  local action=${1:-}
  [[ $action == up || $action == status || $action == down ]] || usage
  shift
  local comps=("$@") c failed=() start
  ((${#comps[@]})) || comps=("${ALL[@]}")
  for c in "${comps[@]}"; do
    [[ " ${ALL[*]} " == *" $c "* ]] || {
      log "unknown component '$c' (known: ${ALL[*]})"
      exit 2
    }
  done
  start=$(now)

  case $action in
    up)
      # In the order of ALL whatever the order typed: engine before images before the rest, cloud before swarm.
      for c in "${ALL[@]}"; do
        [[ " ${comps[*]} " == *" $c "* ]] || continue
        local t0
        t0=$(now)
        log "== up $c"
        if run_component up "$c"; then
          log "== $c up in $(elapsed_since "$t0")"
        else
          log "== $c FAILED after $(elapsed_since "$t0")"
          failed+=("$c")
          # Images and the registry check need the engine; no point going on without it.
          [[ $c == engine ]] && break
        fi
      done
      ;;
    status)
      for c in "${comps[@]}"; do status_component "$c" || failed+=("$c"); done
      ;;
    down)
      # Reverse order: nothing still running depends on what is stopped.
      for ((i = ${#ALL[@]} - 1; i >= 0; i--)); do
        c=${ALL[i]}
        [[ " ${comps[*]} " == *" $c "* ]] || continue
        run_component down "$c" || failed+=("$c")
      done
      ;;
  esac

  if ((${#failed[@]})); then
    [[ $action == status ]] || log "$action failed for: ${failed[*]} (after $(elapsed_since "$start"))"
    exit 1
  fi
  [[ $action == status ]] || log "$action ${comps[*]}: done in $(elapsed_since "$start")"
}

main "$@"
