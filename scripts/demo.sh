#!/usr/bin/env bash
# npm run demo: installs what it needs, brings up the Docker engine of the test bed and runs Parity's
# pipeline, as far as it exists today, on the bundled examples with the parity CLI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/ensure-deps.sh
source "$root/scripts/ensure-deps.sh"

ensure_npm_deps "$root"
bash "$root/scripts/testbed.sh" up engine images
node "$root/scripts/build.mjs"

parity() { node "$root/dist/cli.js" "$@"; }

echo
echo "== parity doctor: the engine Parity uses"
parity doctor

for example in "$root"/examples/*/; do
    echo
    echo "== parity snapshot: what ${example#"$root"/} really runs on, here"
    parity snapshot "$example" --format text
done

echo
echo "== parity snapshot --target: the same facts inside the image a recipe would start from"
parity snapshot --target image:node:20-bookworm-slim --format text
