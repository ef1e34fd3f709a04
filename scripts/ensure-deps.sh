#!/usr/bin/env bash
# Installs the npm dependencies when node_modules is missing or older than package-lock.json.
# Sourced by the test, demo and CI scripts so each "installs what it needs".
set -euo pipefail

ensure_npm_deps() {
    local root=$1
    local marker="$root/node_modules/.package-lock.json"
    if [ -f "$marker" ] && [ "$marker" -nt "$root/package-lock.json" ]; then
        return 0
    fi
    echo "[deps] npm ci" >&2
    local started=$SECONDS
    (cd "$root" && npm ci --no-audit --no-fund)
    echo "[deps] npm ci took $((SECONDS - started)) s" >&2
}
