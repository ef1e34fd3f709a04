# shellcheck shell=bash
# Shared helpers for the Parity test-bed scripts (scripts/testbed.sh and scripts/testbed/*.sh).
# Sourced, never executed. Everything logs to stderr so stdout stays free for `status` lines.
#
# Locations (both overridable, both created on demand):
#   PARITY_CACHE_DIR  expensive, reusable artifacts (rootfs tarball, .debs, saved images, registry
#                     storage). `down` never deletes it.
#   PARITY_STATE_DIR  runtime state: logs, pid files, generated configs, build scratch space.

# CI strips the environment; HOME may be missing but the defaults below rely on it.
: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"
export HOME
PARITY_CACHE_DIR=${PARITY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/parity-testbed}
PARITY_STATE_DIR=${PARITY_STATE_DIR:-/tmp/parity-testbed}
export PARITY_CACHE_DIR PARITY_STATE_DIR

# shellcheck disable=SC2034 # used by the scripts that source this file
TESTBED_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TESTBED_ENTRY="scripts/testbed.sh"

# Which component is talking; each script sets this before logging.
TB_COMPONENT=${TB_COMPONENT:-testbed}

# ---------------------------------------------------------------------------------------------
# Logging and timing
# ---------------------------------------------------------------------------------------------

log() { printf '%s [%s] %s\n' "$(date '+%H:%M:%S')" "$TB_COMPONENT" "$*" >&2; }
warn() { log "WARNING: $*"; }
die() {
  log "ERROR: $*"
  exit 1
}

# Seconds since the epoch with sub-second precision; used to report how long each step took.
now() { date +%s.%N; }
elapsed_since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1fs", e - s }'; }

# step "what" cmd args...  — runs one step, logging its start and how long it took.
# Deliberately no `||` around "$@": bash ignores `set -e` inside a function called from a condition,
# so a failing command inside a multi-command step function would otherwise be silently skipped.
# A failure therefore ends the script (errexit) and the ERR trap below names the failed command.
step() {
  local what=$1 start
  shift
  start=$(now)
  log "$what ..."
  "$@"
  log "$what: done in $(elapsed_since "$start")"
}

# Every script calls this right after sourcing: strict mode plus a log line naming what failed.
tb_init() {
  TB_COMPONENT=$1
  set -Eeuo pipefail
  trap 'tb_on_err $? "$BASH_COMMAND" "${BASH_SOURCE[0]##*/}:$LINENO"' ERR
}
tb_on_err() {
  # Only report once, where it happened (the ERR trap also fires in each function it unwinds).
  [[ -n ${TB_ERR_REPORTED:-} ]] && return 0
  TB_ERR_REPORTED=1
  log "FAILED (exit $1) at $3: $2"
}

# run_logged logfile cmd args...  — keeps chatty tools (apt, debootstrap) out of the console:
# output goes to logfile, and only its tail is shown if the command fails.
run_logged() {
  local logfile=$1 rc=0
  shift
  printf '\n===== %s: %s\n' "$(date '+%F %T')" "$*" >>"$logfile"
  "$@" >>"$logfile" 2>&1 || rc=$?
  if ((rc != 0)); then
    log "'$*' failed (exit $rc); last lines of $logfile:"
    tail -n 25 "$logfile" | sed 's/^/    /' >&2
  fi
  return "$rc"
}

# ---------------------------------------------------------------------------------------------
# Host facts
# ---------------------------------------------------------------------------------------------

is_root() { [[ $(id -u) -eq 0 ]]; }

need_root() {
  is_root || die "$1 needs root (run as root, or with sudo -E to keep PARITY_* settings)."
}

# Debian or a derivative (Ubuntu...) where apt and Debian's package names apply.
is_debian_like() {
  [[ -r /etc/os-release ]] || return 1
  local id id_like
  id=$(. /etc/os-release && echo "${ID:-}")
  id_like=$(. /etc/os-release && echo "${ID_LIKE:-}")
  [[ $id == debian || $id == ubuntu || " $id_like " == *" debian "* || " $id_like " == *" ubuntu "* ]]
}

cache_dir() {
  local d="$PARITY_CACHE_DIR${1:+/$1}"
  mkdir -p "$d"
  printf '%s\n' "$d"
}

# shellcheck disable=SC2120 # the subfolder argument is optional
state_dir() {
  local d="$PARITY_STATE_DIR${1:+/$1}"
  mkdir -p "$d"
  printf '%s\n' "$d"
}

# ---------------------------------------------------------------------------------------------
# apt
# ---------------------------------------------------------------------------------------------

# Other agents/CI steps may hold the dpkg lock; wait for it instead of failing.
APT_OPTS=(-o DPkg::Lock::Timeout=900 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

pkg_installed() {
  [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]
}

pkg_has_candidate() {
  local c
  c=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2 }')
  [[ -n $c && $c != "(none)" ]]
}

# `apt-get update`, tolerating unreachable third-party sources: on these machines only Debian's
# mirror answers, and a failing extra repo must not stop us from installing Debian packages.
APT_UPDATED=0
apt_update() {
  ((APT_UPDATED)) && return 0
  local start
  start=$(now)
  log "apt-get update ..."
  if apt-get "${APT_OPTS[@]}" update -qq >&2; then
    log "apt-get update: done in $(elapsed_since "$start")"
  else
    warn "apt-get update reported errors after $(elapsed_since "$start") (unreachable extra sources?); continuing"
  fi
  APT_UPDATED=1
}

# apt_install pkg...  — installs what is missing, nothing else (no recommends: faster, smaller).
apt_install() {
  local missing=() p
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  need_root "installing ${missing[*]}"
  is_debian_like || die "need the packages ${missing[*]} but this is not a Debian-like system; install them by hand."
  # A fresh machine has no package lists at all; an old one may lack a candidate.
  for p in "${missing[@]}"; do
    pkg_has_candidate "$p" || { apt_update; break; }
  done
  DEBIAN_FRONTEND=noninteractive step "apt-get install ${missing[*]}" \
    run_logged "$(state_dir)/apt.log" apt-get "${APT_OPTS[@]}" install -y -q --no-install-recommends "${missing[@]}"
}

# apt_download pkg dir  — fetches the .deb of pkg into dir (cached: a second call is free) and
# prints its path. Used for binaries we put into images without installing them on the host.
apt_download() {
  local pkg=$1 dir=$2 deb
  deb=$(find "$dir" -maxdepth 1 -name "${pkg}_*.deb" -print -quit 2>/dev/null)
  if [[ -z $deb ]]; then
    local start
    start=$(now)
    pkg_has_candidate "$pkg" || apt_update
    # As root into a root-owned dir: tell apt not to drop to the _apt user (it would only warn).
    (cd "$dir" && apt-get "${APT_OPTS[@]}" -o APT::Sandbox::User=root download -qq "$pkg" >&2) ||
      die "could not download the Debian package $pkg"
    log "downloaded $(basename "$(find "$dir" -maxdepth 1 -name "${pkg}_*.deb" -print -quit)") in $(elapsed_since "$start")"
    deb=$(find "$dir" -maxdepth 1 -name "${pkg}_*.deb" -print -quit)
  fi
  [[ -n $deb ]] || die "apt-get download $pkg left no .deb in $dir"
  printf '%s\n' "$deb"
}

# ---------------------------------------------------------------------------------------------
# Docker
# ---------------------------------------------------------------------------------------------

# The engine every component talks to. Unset DOCKER_HOST means /var/run/docker.sock.
docker_ok() { timeout 10 docker info >/dev/null 2>&1; }

need_engine() {
  docker_ok || die "no Docker engine answers (${DOCKER_HOST:-unix:///var/run/docker.sock}); start it with: $TESTBED_ENTRY up engine"
}

# Legacy (classic) builder for our own seed builds: it needs no buildx plugin, whatever CLI is on
# the PATH, and our Dockerfiles use nothing BuildKit-specific. BuildKit itself is verified by engine.sh.
# Callers wrap it in run_logged: the build log only shows up when something fails.
docker_build() { DOCKER_BUILDKIT=0 docker build "$@"; }

# Tags present in the engine (tag -> image id), loaded with one API call instead of one per tag.
declare -gA TB_TAGS=()
TB_TAGS_LOADED=0
load_tags() {
  TB_TAGS=()
  local t id
  while read -r t id; do TB_TAGS[$t]=$id; done < <(docker images --no-trunc --format '{{.Repository}}:{{.Tag}} {{.ID}}' 2>/dev/null)
  TB_TAGS_LOADED=1
}
has_tag() {
  ((TB_TAGS_LOADED)) || load_tags
  [[ -n ${TB_TAGS[$1]:-} ]]
}
tag_id() { has_tag "$1" && printf '%s\n' "${TB_TAGS[$1]}"; }
# Record a tag we just created without listing all images again.
mark_tag() { TB_TAGS[$1]=$(docker image inspect -f '{{.Id}}' "$1"); }

# ensure_alias target alias  — points alias at target's image unless it already does.
ensure_alias() {
  local target=$1 alias=$2
  has_tag "$target" || die "cannot alias $alias: $target does not exist"
  [[ $(tag_id "$alias" || true) == "$(tag_id "$target")" ]] && return 0
  docker tag "$target" "$alias"
  TB_TAGS[$alias]=${TB_TAGS[$target]}
  log "tagged $alias -> $target"
}

# ---------------------------------------------------------------------------------------------
# Background processes (no systemd here: we start daemons ourselves and remember their pid)
# ---------------------------------------------------------------------------------------------

pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# pidfile_pid file — the pid recorded in file if that process still runs, else nothing.
pidfile_pid() {
  local pid
  [[ -r $1 ]] || return 1
  pid=$(<"$1")
  pid_alive "$pid" || return 1
  printf '%s\n' "$pid"
}

# start_bg pidfile logfile cmd args...  — starts cmd in its own session (so it outlives the shell and
# the caller's process group), stdin closed, output appended to logfile, pid written to pidfile. It runs
# from / : a daemon must not keep the caller's folder as its working directory (a clone that is later
# removed leaves it — and podman's conmon, which needs it — without one).
start_bg() {
  local pidfile=$1 logfile=$2
  shift 2
  printf '\n===== %s: %s\n' "$(date '+%F %T')" "$*" >>"$logfile"
  (cd / && exec setsid "$@" </dev/null >>"$logfile" 2>&1) &
  echo $! >"$pidfile"
}

# stop_pid pid name [timeout]  — SIGTERM, wait, then SIGKILL as a last resort.
stop_pid() {
  local pid=$1 name=$2 timeout=${3:-30} i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < timeout * 10; i++)); do
    pid_alive "$pid" || return 0
    sleep 0.1
  done
  warn "$name (pid $pid) did not stop within ${timeout}s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

# wait_until timeout_seconds cmd args...  — polls cmd every 0.2 s.
wait_until() {
  local timeout=$1 deadline
  shift
  deadline=$(($(date +%s) + timeout))
  until "$@"; do
    (($(date +%s) < deadline)) || return 1
    sleep 0.2
  done
}

# Status lines are the only thing the scripts print on stdout.
status_line() { printf '%-9s %s\n' "$1" "$2"; }

# stop_daemon NAME PIDFILE GRACE_SECONDS IS_UP_FUNCTION — stops a daemon only if the test bed started it
# (its pid file says so); one that answers but was started by someone else is left running.
stop_daemon() {
  local name=$1 pidfile=$2 grace=$3 is_up=$4 pid
  if pid=$(pidfile_pid "$pidfile"); then
    step "stop $name (pid $pid)" stop_pid "$pid" "$name" "$grace"
    rm -f "$pidfile"
  elif "$is_up"; then
    log "$name answers but was not started by the test bed; leaving it running"
  else
    log "$name not running"
  fi
}

# dispatch ACTION — the up|status|down entry every component script ends with.
dispatch() {
  case ${1:-} in
    up) cmd_up ;;
    status) cmd_status || exit 1 ;; # missing is an answer, not an error: no ERR-trap log
    down) cmd_down ;;
    *)
      echo "usage: $0 up|status|down" >&2
      exit 2
      ;;
  esac
}
