#!/usr/bin/env bash
# npm test               installs what is missing, brings the test bed up, runs every suite.
# scripts/test.sh SUITE  runs only the named suites (static unit lsp host engine fault e2e) against what is already up;
#                        a suite whose component is missing fails and names the command that starts it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/ensure-deps.sh
source "$root/scripts/ensure-deps.sh"

all=(static unit lsp host engine fault e2e)
suites=("$@")
if [ ${#suites[@]} -eq 0 ]; then
    suites=("${all[@]}")
    ensure_npm_deps "$root"
    bash scripts/testbed.sh up
fi
mkdir -p test-results

node_test() {
    local dir=$1
    local files
    mapfile -t files < <(find "$dir" -name '*.test.ts' | sort)
    if [ ${#files[@]} -eq 0 ]; then
        echo "no tests found under $dir" >&2
        return 1
    fi
    node --import tsx --test --test-concurrency=1 --test-reporter=spec "${files[@]}"
}

run_suite() {
    case "$1" in
        static) npx tsc --noEmit -p . && npx eslint --max-warnings 0 . && npx prettier --check . ;;
        unit) node_test test/unit ;;
        lsp) node_test test/lsp ;;
        host) node scripts/build.mjs && node_test test/host ;;
        engine) node scripts/build.mjs && node_test test/engine ;;
        # A dockerd of its own that the tests kill, fill and stall (scripts/testbed/fault-engine.sh).
        fault) node scripts/build.mjs && node_test test/fault ;;
        e2e)
            node scripts/package.mjs &&
                node scripts/build-e2e.mjs &&
                node out/e2e/runExtensionTests.js &&
                node_test test/e2e/ui
            ;;
        *) echo "unknown suite $1 (known: ${all[*]})" >&2; return 2 ;;
    esac
}

failed=()
for suite in "${suites[@]}"; do
    echo "== $suite" >&2
    started=$SECONDS
    if run_suite "$suite"; then
        echo "== $suite passed in $((SECONDS - started)) s" >&2
    else
        echo "== $suite FAILED after $((SECONDS - started)) s" >&2
        failed+=("$suite")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED suites: ${failed[*]}" >&2
    exit 1
fi
echo "all suites passed: ${suites[*]}" >&2
