#!/usr/bin/env bash
# npm run demo: installs what it needs, brings up the Docker engine of the test bed and runs Parity's
# pipeline, as far as it exists today, on examples/hello-node with the parity CLI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/ensure-deps.sh
source "$root/scripts/ensure-deps.sh"

ensure_npm_deps "$root"
bash "$root/scripts/testbed.sh" up engine images
node "$root/scripts/build.mjs"

example="$root/examples/hello-node"
parity() { node "$root/dist/cli.js" "$@"; }

echo
echo "== parity doctor: the engine Parity uses ($example)"
(cd "$example" && parity doctor)
