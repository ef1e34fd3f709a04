#!/usr/bin/env bash
# Installs the npm dependencies when node_modules is missing or was installed from another package-lock.json.
# Sourced by the test, demo and CI scripts so each "installs what it needs". The lockfile's hash, not its
# modification time, decides: a checkout or merge touches the time without changing what is installed.
set -euo pipefail

ensure_npm_deps() {
    local root=$1
    local stamp="$root/node_modules/.parity-lock-sha256"
    local want
    want=$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    echo "[deps] npm ci" >&2
    local started=$SECONDS
    (cd "$root" && npm ci --no-audit --no-fund)
    echo "$want" > "$stamp"
    echo "[deps] npm ci took $((SECONDS - started)) s" >&2
}
