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

# Package a copy, so the examples in the repository stay free of generated files.
work=$(mktemp -d)
name=
trap '[ -z "$name" ] || docker rm -f "$name" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
cp -r "$root/examples/hello-express" "$work/"
echo
echo "== parity package: plan, recipe and build of hello-express (npm dependencies through this machine's TLS proxy)"
parity package "$work/hello-express" --tag hello-express:parity
echo
echo "== the Dockerfile Parity wrote"
cat "$work/hello-express/Dockerfile"
echo
echo "== parity run --smoke /healthz: the image in a locked-down sandbox (non-root, no capabilities, read-only root,"
echo "   512 MiB / 1 CPU / 256 processes, port on 127.0.0.1 only) answers, then is stopped and removed"
parity run image:hello-express:parity --smoke /healthz
echo
echo "== parity run --detach, parity ps, parity stop"
name=$(parity run image:hello-express:parity --detach)
parity ps
parity stop "$name"
