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
cloud=
cleanup() {
    local container
    for container in "$name" "$cloud"; do
        [ -z "$container" ] || docker rm -f "$container" >/dev/null 2>&1 || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
cp -r "$root/examples/hello-express" "$work/"
# The variables the app needs, declared the way a team shares them; the diff treats them as required.
printf 'PORT=8080\nPUBLIC_URL=http://localhost:8080\nSESSION_SECRET=\n' >"$work/hello-express/.env.example"
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

# The payoff: the packaged app against a "cloud" that drifted from this machine — another time zone, no UTF-8
# locale, a low open-files limit, a quarter GiB of memory, another SESSION_SECRET and no PUBLIC_URL, which the
# project's .env.example declares. The values below are made up for the demo; Parity compares them by keyed hash only.
cloud=parity-demo-cloud-$$
docker run --detach --name "$cloud" --label parity.demo=cloud --network none \
    --env TZ=America/New_York --env LANG=C --env SESSION_SECRET=demo-cloud-secret \
    --ulimit nofile=1024:1024 --memory 256m \
    hello-express:parity >/dev/null
# Exit 1 means findings at or above --fail-on (error by default): the drift was found, which is the point here.
# Exit 2 means the diff could not run, and the demo fails with it.
diff_expecting_findings() {
    local status=0
    parity diff "$@" || status=$?
    if [ "$status" -gt 1 ]; then
        echo "parity diff could not run (exit $status)" >&2
        exit "$status"
    fi
    echo "-- parity diff exited $status (1: a finding at or above --fail-on; CI fails on it, --format sarif feeds code scanning)"
}

echo
echo "== parity diff: this machine → the image Parity built → a \"cloud\" container with planted drift"
echo "   (planted in the cloud: TZ=America/New_York, LANG=C, nofile 1024, 256 MiB, another SESSION_SECRET, no PUBLIC_URL)"
PORT=8080 PUBLIC_URL=http://localhost:8080 SESSION_SECRET=demo-laptop-secret \
    diff_expecting_findings --from host:"$work/hello-express" --via image:hello-express:parity --to container:"$cloud" --format text
echo
echo "== parity diff, the bottom line: what the cloud changed from the image that passed the sandbox"
diff_expecting_findings --from image:hello-express:parity --to container:"$cloud" --format text --fail-on warning
