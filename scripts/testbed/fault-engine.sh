#!/usr/bin/env bash
# A Docker engine the fault tests may break: scripts/testbed/fault-engine.sh up|status|down|kill
#
# A dockerd of its own that test/fault kills with SIGKILL and starts again on the same socket, fills up,
# and stalls behind a proxy — never the main engine, which other tests use at the same time. Its data-root
# sits on a small ext4 file system of its own (a loop-mounted image in the cache; overlay2 needs a real
# file system under it), so "disk full" can be made for real without touching the host's disk.
# Own socket, exec-root, pidfile, containerd, bridge (parity-fault0, no NAT, --iptables=false), cgroup
# parent, and an empty config file. busybox and the Node base image are copied from the main engine (docker save | docker load).
#
#   up      mount the disk, start the engine if it does not answer, seed busybox (idempotent)
#   status  one line: ok, or what is missing and the command that starts it
#   down    stop the engine, unmount the disk (the disk image stays in the cache)
#   kill    SIGKILL the engine (a crash) and wait until it is gone; `up` starts it again
#
# Address for Parity: unix://$PARITY_STATE_DIR/fault-engine/docker.sock
# Environment: PARITY_FAULT_DISK_MB (default 1536), PARITY_FAULT_BRIDGE_CIDR.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tb_init fault-engine

STATE=$(state_dir fault-engine)
SOCK="$STATE/docker.sock"
PIDFILE="$STATE/dockerd.pid"
LOGFILE="$STATE/dockerd.log"
EXEC_ROOT="$STATE/exec"
DATA_ROOT="$STATE/data-root"
DISK="$PARITY_CACHE_DIR/fault-engine/disk.img"
DISK_MB=${PARITY_FAULT_DISK_MB:-1536}
BRIDGE=parity-fault0
BRIDGE_CIDR=${PARITY_FAULT_BRIDGE_CIDR:-172.31.251.1/24}
IMAGES=(busybox:latest node:20.20.2-bookworm-slim)

fault() { DOCKER_HOST="unix://$SOCK" docker "$@"; }
engine_ok() { [[ -S $SOCK ]] && timeout 10 env DOCKER_HOST="unix://$SOCK" docker info >/dev/null 2>&1; }
disk_mounted() { mountpoint -q "$DATA_ROOT"; }

# The data-root's own file system: a sparse image file, ext4, mounted through a loop device.
mount_disk() {
  command -v mkfs.ext4 >/dev/null || apt_install e2fsprogs
  command -v mountpoint >/dev/null || apt_install util-linux
  mkdir -p "$(dirname "$DISK")" "$DATA_ROOT"
  if [[ ! -s $DISK ]]; then
    truncate -s "${DISK_MB}M" "$DISK.tmp"
    mkfs.ext4 -q -F -L parity-fault "$DISK.tmp"
    mv "$DISK.tmp" "$DISK"
  fi
  mount -o loop "$DISK" "$DATA_ROOT"
}

ensure_bridge() {
  ip link show "$BRIDGE" >/dev/null 2>&1 || ip link add "$BRIDGE" type bridge
  ip -br addr show "$BRIDGE" | grep -qF "${BRIDGE_CIDR%/*}/" || ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  ip link set "$BRIDGE" up
}

start_engine() {
  need_root "starting the fault engine"
  command -v dockerd >/dev/null || die "dockerd is missing; run: $TESTBED_ENTRY up engine"
  command -v ip >/dev/null || apt_install iproute2
  disk_mounted || step "mount the fault engine's disk ($DISK on $DATA_ROOT)" mount_disk
  ensure_bridge
  mkdir -p "$EXEC_ROOT"
  rm -f "$SOCK"
  log "starting the fault dockerd (unix://$SOCK; log: $LOGFILE)"
  printf '{}\n' >"$STATE/daemon.json"
  start_bg "$PIDFILE" "$LOGFILE" dockerd \
    --config-file "$STATE/daemon.json" \
    --data-root "$DATA_ROOT" --exec-root "$EXEC_ROOT" --pidfile "$STATE/dockerd.own.pid" \
    -H "unix://$SOCK" \
    --bridge "$BRIDGE" --iptables=false --ip-masq=false --ip6tables=false \
    --cgroup-parent /parity-fault --storage-driver overlay2
  if ! wait_until 60 engine_ok; then
    log "the fault dockerd did not answer within 60s; last lines of $LOGFILE:"
    tail -n 30 "$LOGFILE" | sed 's/^/    /' >&2
    exit 1
  fi
}

seed_images() {
  local want=() t main_id own_id
  for t in "${IMAGES[@]}"; do
    main_id=$(docker image inspect -f '{{.Id}}' "$t" 2>/dev/null) ||
      die "the main engine has no $t to copy; run: $TESTBED_ENTRY up images"
    own_id=$(fault image inspect -f '{{.Id}}' "$t" 2>/dev/null || true)
    [[ $own_id == "$main_id" ]] || want+=("$t")
  done
  ((${#want[@]})) || return 0
  step "copy ${want[*]} to the fault engine" run_logged "$STATE/seed.log" \
    bash -o pipefail -c 'docker save "$@" | DOCKER_HOST="unix://'"$SOCK"'" docker load' _ "${want[@]}"
}

cmd_up() {
  if engine_ok; then
    log "fault engine already answers on unix://$SOCK"
  else
    step "start the fault engine" start_engine
  fi
  need_engine
  seed_images
}

cmd_status() {
  if ! engine_ok; then
    status_line fault-engine "missing — start with: $TESTBED_ENTRY up fault-engine"
    return 1
  fi
  if ! disk_mounted; then
    status_line fault-engine "broken — the engine answers but $DATA_ROOT is not its own disk; restart with: $TESTBED_ENTRY down fault-engine && $TESTBED_ENTRY up fault-engine"
    return 1
  fi
  local t
  for t in "${IMAGES[@]}"; do
    fault image inspect "$t" >/dev/null 2>&1 || {
      status_line fault-engine "incomplete — $t missing; run: $TESTBED_ENTRY up fault-engine"
      return 1
    }
  done
  local pid owner="not started by the test bed"
  pid=$(pidfile_pid "$PIDFILE") && owner="dockerd pid $pid, log $LOGFILE"
  status_line fault-engine "ok — unix://$SOCK, data-root on its own $(df -h --output=size "$DATA_ROOT" | tail -n 1 | tr -d ' ') disk; $owner"
}

# The crash the tests make: no chance to clean up. Its containerd and shims stay, as after a real crash.
cmd_kill() {
  local pid
  pid=$(pidfile_pid "$PIDFILE") || die "the fault engine was not started by the test bed (no live pid in $PIDFILE); run: $TESTBED_ENTRY up fault-engine"
  kill -KILL "$pid"
  wait_until 30 bash -c "! kill -0 $pid 2>/dev/null" || die "dockerd pid $pid still runs after SIGKILL"
  log "killed dockerd pid $pid"
}

cmd_down() {
  stop_daemon "fault dockerd" "$PIDFILE" 60 engine_ok
  # Its managed containerd stops with it; after a kill it may still run, and holds the disk.
  local pid
  if pid=$(pidfile_pid "$EXEC_ROOT/containerd/containerd.pid"); then stop_pid "$pid" "fault containerd" 20; fi
  # Its containerd and shims let go of the disk a moment after the engine stops; lazily as the last resort.
  if disk_mounted; then wait_until 20 umount "$DATA_ROOT" 2>/dev/null || umount -l "$DATA_ROOT"; fi
  if ip link show "$BRIDGE" >/dev/null 2>&1; then ip link delete "$BRIDGE" 2>/dev/null || true; fi
}

case ${1:-} in
  kill) cmd_kill ;;
  *) dispatch "$@" ;;
esac
