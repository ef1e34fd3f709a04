#!/usr/bin/env bash
# "The cloud": a second Docker engine for remote-target tests: scripts/testbed/cloud.sh up|status|down
#
# A dockerd of its own (data-root in the cache, exec-root/pidfile/socket in the state dir) that
# listens on a unix socket for the test bed itself and on tcp://127.0.0.1:PORT with mutual TLS —
# certificates made here with openssl. It never touches the main engine: its own bridge
# (parity-cloud0, no NAT, --iptables=false), its own containerd, its own cgroup parent.
# Base images are copied from the main engine (docker save | docker load), never pulled.
#
# Certificates (under $PARITY_STATE_DIR/cloud/certs, each folder usable as DOCKER_CERT_PATH):
#   client/          ca.pem cert.pem key.pem          the right ones
#   wrong-ca/        another CA's ca.pem + the right client cert    (server cert does not verify)
#   expired-client/  the right ca.pem + a client cert that expired in 2020
#   expired-server/  server-cert.pem/server-key.pem that expired in 2020 (for a TLS server a test starts)
# Environment: PARITY_CLOUD_PORT (default 2376), PARITY_CLOUD_IMAGES (tags copied from the main engine).
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tb_init cloud

PORT=${PARITY_CLOUD_PORT:-2376}
STATE=$(state_dir cloud)
CERTS="$STATE/certs"
SOCK="$STATE/docker.sock"
PIDFILE="$STATE/dockerd.pid"
LOGFILE="$STATE/dockerd.log"
EXEC_ROOT="$STATE/exec"
DATA_ROOT="$PARITY_CACHE_DIR/cloud/data-root"
BRIDGE=parity-cloud0
BRIDGE_CIDR=${PARITY_CLOUD_BRIDGE_CIDR:-172.31.250.1/24}
read -r -a IMAGES <<<"${PARITY_CLOUD_IMAGES:-busybox:latest debian:bookworm-slim node:20.20.2-bookworm-slim}"

cloud() { DOCKER_HOST="unix://$SOCK" docker "$@"; }
cloud_ok() { [[ -S $SOCK ]] && timeout 10 env DOCKER_HOST="unix://$SOCK" docker info >/dev/null 2>&1; }
tls_ok() {
  timeout 10 env DOCKER_HOST="tcp://127.0.0.1:$PORT" DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH="$CERTS/client" \
    docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# ---------------------------------------------------------------------------------------------
# Certificates
# ---------------------------------------------------------------------------------------------

# new_ca dir name  — a self-signed CA (ca.pem, ca-key.pem).
new_ca() {
  mkdir -p "$1"
  openssl req -x509 -new -nodes -newkey rsa:2048 -sha256 -days 3650 -subj "/CN=$2" \
    -keyout "$1/ca-key.pem" -out "$1/ca.pem" 2>/dev/null
}

# sign ca_dir key_out cert_out cn usage [startdate enddate]  — a certificate signed by the CA in ca_dir.
# `openssl ca` is the tool that takes arbitrary start/end dates, which an expired certificate needs.
sign() {
  local ca=$1 key=$2 cert=$3 cn=$4 usage=$5 start=${6:-} end=${7:-} db csr conf
  db=$(mktemp -d "$STATE/ca.XXXXXX")
  csr="$db/req.csr"
  conf="$db/ca.cnf"
  : >"$db/index.txt"
  openssl rand -hex 8 >"$db/serial"
  cat >"$conf" <<EOF
[ca]
default_ca = local
[local]
database = $db/index.txt
serial = $db/serial
new_certs_dir = $db
certificate = $ca/ca.pem
private_key = $ca/ca-key.pem
default_md = sha256
default_days = 3650
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
[server]
basicConstraints = CA:FALSE
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
[client]
basicConstraints = CA:FALSE
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
EOF
  openssl req -new -nodes -newkey rsa:2048 -subj "/CN=$cn" -keyout "$key" -out "$csr" 2>/dev/null
  local dates=()
  [[ -n $start ]] && dates=(-startdate "$start" -enddate "$end")
  openssl ca -batch -notext -config "$conf" -extensions "$usage" "${dates[@]}" -in "$csr" -out "$cert" 2>"$db/err" ||
    die "openssl ca failed: $(cat "$db/err")"
  rm -rf "$db"
  chmod 600 "$key"
}

make_certs() {
  local tmp
  tmp=$(mktemp -d "$STATE/certs.XXXXXX")
  new_ca "$tmp/ca" "Parity test-bed CA"
  new_ca "$tmp/other-ca" "Some other CA"
  mkdir -p "$tmp/server" "$tmp/client" "$tmp/wrong-ca" "$tmp/expired-client" "$tmp/expired-server"
  sign "$tmp/ca" "$tmp/server/key.pem" "$tmp/server/cert.pem" "parity-cloud" server
  cp "$tmp/ca/ca.pem" "$tmp/server/ca.pem"
  sign "$tmp/ca" "$tmp/client/key.pem" "$tmp/client/cert.pem" "parity-client" client
  cp "$tmp/ca/ca.pem" "$tmp/client/ca.pem"
  cp "$tmp/other-ca/ca.pem" "$tmp/wrong-ca/ca.pem"
  cp "$tmp/client/cert.pem" "$tmp/client/key.pem" "$tmp/wrong-ca/"
  sign "$tmp/ca" "$tmp/expired-client/key.pem" "$tmp/expired-client/cert.pem" "parity-client-expired" client 20200101000000Z 20200201000000Z
  cp "$tmp/ca/ca.pem" "$tmp/expired-client/ca.pem"
  sign "$tmp/ca" "$tmp/expired-server/server-key.pem" "$tmp/expired-server/server-cert.pem" "parity-cloud-expired" server 20200101000000Z 20200201000000Z
  cp "$tmp/ca/ca.pem" "$tmp/expired-server/ca.pem"
  cp "$tmp/client/cert.pem" "$tmp/client/key.pem" "$tmp/expired-server/"
  rm -f "$tmp"/ca*/ca-key.pem.bak
  rm -rf "$CERTS"
  mv "$tmp" "$CERTS"
}

certs_ok() {
  local f
  for f in client/ca.pem client/cert.pem client/key.pem server/cert.pem server/key.pem wrong-ca/ca.pem \
    expired-client/cert.pem expired-server/server-cert.pem; do
    [[ -s $CERTS/$f ]] || return 1
  done
  # Renew well before the valid certificates run out (they last ten years; this guards against clocks).
  openssl x509 -checkend 86400 -noout -in "$CERTS/server/cert.pem" >/dev/null
}

# ---------------------------------------------------------------------------------------------
# Engine
# ---------------------------------------------------------------------------------------------

# Its own bridge, so the default bridge (docker0) and the main engine's iptables chains stay untouched.
ensure_bridge() {
  ip link show "$BRIDGE" >/dev/null 2>&1 || ip link add "$BRIDGE" type bridge
  ip -br addr show "$BRIDGE" | grep -qF "${BRIDGE_CIDR%/*}/" || ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  ip link set "$BRIDGE" up
}

start_cloud() {
  need_root "starting the cloud engine"
  command -v dockerd >/dev/null || die "dockerd is missing; run: $TESTBED_ENTRY up engine"
  command -v openssl >/dev/null || apt_install openssl
  command -v ip >/dev/null || apt_install iproute2
  certs_ok || step "make TLS certificates" make_certs
  ensure_bridge
  mkdir -p "$DATA_ROOT" "$EXEC_ROOT"
  rm -f "$SOCK"
  log "starting the cloud dockerd (unix://$SOCK, tcp://127.0.0.1:$PORT with TLS; log: $LOGFILE)"
  # Its own config file (an empty one) so /etc/docker/daemon.json of the main engine does not apply.
  printf '{}\n' >"$STATE/daemon.json"
  start_bg "$PIDFILE" "$LOGFILE" dockerd \
    --config-file "$STATE/daemon.json" \
    --data-root "$DATA_ROOT" --exec-root "$EXEC_ROOT" --pidfile "$STATE/dockerd.own.pid" \
    -H "unix://$SOCK" -H "tcp://127.0.0.1:$PORT" \
    --tlsverify --tlscacert "$CERTS/server/ca.pem" --tlscert "$CERTS/server/cert.pem" --tlskey "$CERTS/server/key.pem" \
    --bridge "$BRIDGE" --iptables=false --ip-masq=false --ip6tables=false \
    --cgroup-parent /parity-cloud --storage-driver overlay2
  if ! wait_until 60 cloud_ok; then
    log "the cloud dockerd did not answer within 60s; last lines of $LOGFILE:"
    tail -n 30 "$LOGFILE" | sed 's/^/    /' >&2
    exit 1
  fi
}

# Copies the base images the remote tests run from the main engine; tags already there are skipped.
seed_images() {
  local want=() t main_id cloud_id
  for t in "${IMAGES[@]}"; do
    main_id=$(docker image inspect -f '{{.Id}}' "$t" 2>/dev/null) ||
      die "the main engine has no $t to copy; run: $TESTBED_ENTRY up images"
    cloud_id=$(cloud image inspect -f '{{.Id}}' "$t" 2>/dev/null || true)
    [[ $cloud_id == "$main_id" ]] || want+=("$t")
  done
  ((${#want[@]})) || return 0
  step "copy ${want[*]} to the cloud engine" run_logged "$STATE/seed.log" \
    bash -o pipefail -c 'docker save "$@" | DOCKER_HOST="unix://'"$SOCK"'" docker load' _ "${want[@]}"
}

cmd_up() {
  if cloud_ok; then
    log "cloud engine already answers on unix://$SOCK"
  else
    step "start the cloud engine" start_cloud
  fi
  wait_until 20 tls_ok || die "the cloud engine does not answer on tcp://127.0.0.1:$PORT with the client certificate in $CERTS/client"
  need_engine
  seed_images
}

cmd_status() {
  if ! cloud_ok; then
    status_line cloud "missing — start with: $TESTBED_ENTRY up cloud"
    return 1
  fi
  if ! tls_ok; then
    status_line cloud "broken — unix://$SOCK answers but tcp://127.0.0.1:$PORT (TLS) does not; restart with: $TESTBED_ENTRY down cloud && $TESTBED_ENTRY up cloud"
    return 1
  fi
  local missing=() t
  for t in "${IMAGES[@]}"; do cloud image inspect "$t" >/dev/null 2>&1 || missing+=("$t"); done
  if ((${#missing[@]})); then
    status_line cloud "incomplete — images missing: ${missing[*]}; run: $TESTBED_ENTRY up cloud"
    return 1
  fi
  local pid owner="not started by the test bed"
  pid=$(pidfile_pid "$PIDFILE") && owner="dockerd pid $pid, log $LOGFILE"
  status_line cloud "ok — tcp://127.0.0.1:$PORT (TLS, DOCKER_CERT_PATH=$CERTS/client), unix://$SOCK; $owner"
}

cmd_down() {
  stop_daemon "cloud dockerd" "$PIDFILE" 60 cloud_ok
  if ip link show "$BRIDGE" >/dev/null 2>&1; then ip link delete "$BRIDGE" 2>/dev/null || true; fi
}

dispatch "$@"
