import { chooseRuntimeVersion } from './chooseRuntimeVersion';
import { osImage, runtimeImage } from './chooseBaseImage';
import type { PackageManagerPlan } from './Plan';
import type { EcosystemPlan, PlanContext } from './PlanContext';
import { APP_USER } from './planPython';

/** Where the builder puts the binary, and where the final image runs it from. */
export const GO_BINARY = '/app/server';
/** The official golang images set GOPATH=/go, so the module cache is /go/pkg/mod; the build cache is root's. */
export const GO_MOD_CACHE = '/go/pkg/mod';
export const GO_BUILD_CACHE = '/root/.cache/go-build';

/**
 * Go: a multi-stage build — the toolchain image downloads modules (go.mod and go.sum first) and builds a
 * stripped binary; the final image is a plain OS image of the same family with only that binary.
 */
export function planGo(context: PlanContext): EcosystemPlan | { readonly unsupported: string } {
    const { snapshot, options, os, app } = context;
    if (!snapshot.packageManagers.some((manager) => manager.name === 'go')) {
        return { unsupported: 'the Go project has no go.mod, and go build needs a module (run go mod init)' };
    }
    const version = chooseRuntimeVersion('go', snapshot.runtimes.go, options.overrides?.runtimeVersion);
    const images = { ...(options.baseImageRegistry ? { registry: options.baseImageRegistry } : {}) };
    const builder = runtimeImage('go', version.decision, os, {
        ...images,
        ...(options.baseImageOverride ? { override: options.baseImageOverride } : {}),
    });
    const base = osImage(os, images, 'The binary needs no Go runtime, only the C library and root certificates');

    const entry = app.entry?.value;
    const dir = entry?.includes('/') ? entry.slice(0, entry.lastIndexOf('/')) : '.';
    const pkg = dir === '.' ? '.' : `./${dir}`;
    const cgo = snapshot.nativeDependencies.filter((dependency) => dependency.ecosystem === 'go');
    const warnings = [...version.warnings];
    if (cgo.length > 0) {
        warnings.push(
            `cgo is needed (${cgo.map((dependency) => `${dependency.name}: ${dependency.reason}`).join('; ')}), so the binary is built with CGO_ENABLED=1 and links ${os.libc} dynamically; the final image keeps the builder's OS release so the C library matches. Install any other library it links in the final stage.`,
        );
    }
    if (cgo.length > 0 && os.libc === 'musl') {
        warnings.push(
            'The golang Alpine images have no C compiler: add `RUN apk add --no-cache gcc musl-dev` to the build stage for cgo.',
        );
    }
    const sums = snapshot.lockfiles
        .filter((lockfile) => lockfile.manager === 'go' && lockfile.packageRoot === '.')
        .map((lockfile) => lockfile.file);
    if (sums.length === 0) {
        warnings.push(
            'There is no go.sum: if the module has dependencies, go mod download fails until you run go mod tidy and commit go.sum.',
        );
    }
    const packageManager: PackageManagerPlan = {
        name: 'go',
        version: version.decision.value,
        why: `go.mod makes this a Go module: its dependencies are downloaded before the sources are copied (that layer is reused until go.mod or go.sum changes), then ${pkg} is built${cgo.length > 0 ? ' with cgo' : ' as a static binary (CGO_ENABLED=0)'}, stripped and without local paths.`,
        manifests: ['go.mod', ...sums],
        setup: [],
        install: ['go', 'mod', 'download'],
        build: ['go', 'build', '-trimpath', '-ldflags=-s -w', '-o', GO_BINARY, pkg],
        prune: null,
        env: { CGO_ENABLED: cgo.length > 0 ? '1' : '0' },
        cacheDir: GO_MOD_CACHE,
    };
    return { ecosystem: 'go', base, builder, packageManager, user: APP_USER, env: {}, warnings, todo: [] };
}
