import { detectProject } from '../../core/project/detectProject';
import { nodeProjectFiles } from '../../core/project/nodeProjectFiles';
import { IssueSink, type ProjectFiles } from '../../core/project/ProjectFiles';
import { unsafeVersionPins } from '../../core/project/unsafeVersionPins';
import type { WalkLimits } from '../../core/project/walkProject';
import type { PackageManagerFacts, RuntimeFacts, RuntimeName, Snapshot } from '../../core/snapshot/Snapshot';
import { SNAPSHOT_SCHEMA_VERSION } from '../../core/snapshot/snapshotBounds';
import type { Logger } from '../../core/Logger';
import type { EnvHashKey } from '../../core/snapshot/EnvHashKey';
import { userEnvHashKey } from '../../core/snapshot/userEnvHashKey';
import { hostCertificates } from './hostCertificates';
import { hostEnv, hostLocale, hostTimezone, hostUmask, hostUser } from './hostEnvironment';
import { hostFilesystem } from './hostFilesystem';
import { hostLimits, hostResources } from './hostLimits';
import { hostPlatform } from './hostPlatform';
import { hostRuntime, hostToolVersion, type HostRuntime } from './hostRuntimes';
import { hostSystemPackages } from './hostSystemPackages';
import type { RunToolOptions } from './runTool';

/** Package managers whose executable has another name. */
const TOOL_COMMANDS: Readonly<Record<string, string>> = { maven: 'mvn' };

export interface CaptureHostOptions {
    readonly env?: NodeJS.ProcessEnv;
    readonly toolVersion: string;
    readonly log: Logger;
    readonly signal?: AbortSignal;
    readonly walkLimits?: WalkLimits;
    /** Per-process deadline for runtime and tool probes. */
    readonly toolTimeoutMs?: number;
    /** The key env and .env values are hashed with; the user's own key when absent (see ProbeOptions.envKey). */
    readonly envKey?: EnvHashKey;
    /**
     * A recent capture of the same folder: its machine facts (platform, limits, resources, system packages) are
     * reused instead of spawning anything, and so are its installed runtimes and tools unless `runtimes` is set.
     * The project's files, .env, certificates and the filesystem are always read again (they are cheap).
     */
    readonly reuse?: { readonly snapshot: Snapshot; readonly runtimes: boolean };
}

/** Package managers that come with their runtime and are read by the runtime probe itself. */
const BUNDLED = new Set(['npm', 'corepack', 'pip']);

/**
 * The developer's machine as the project sees it: project pins from files, then — all in parallel, each
 * process spawned once — the effective runtimes, package managers and the machine's facts.
 */
export async function captureHost(projectRoot: string, options: CaptureHostOptions): Promise<Snapshot> {
    // Date.now, not performance.now: the first read of the global `performance` loads perf_hooks (~2 ms).
    const started = Date.now();
    const env = options.env ?? process.env;
    const issues = new IssueSink();
    const files = nodeProjectFiles(projectRoot, issues);
    const tools: RunToolOptions = {
        cwd: files.root,
        env,
        timeoutMs: options.toolTimeoutMs ?? 5000,
        ...(options.signal ? { signal: options.signal } : {}),
    };

    const envKey = options.envKey ?? (await userEnvHashKey());
    const project = await detectProject(files, envKey, options.walkLimits);
    options.log.debug(
        `snapshot: project detected in ${Date.now() - started} ms (${project.ecosystems.join(', ') || 'no ecosystem'})`,
    );

    const runtimeNames = [
        ...new Set<RuntimeName>([...project.ecosystems, ...(Object.keys(project.declared) as RuntimeName[])]),
    ];
    const separateTools = [
        ...new Set(
            project.packageManagers
                .map((manager) => manager.name)
                .filter((name) => !BUNDLED.has(name) && name !== 'go'),
        ),
    ];
    const previous = options.reuse?.snapshot;
    const reused = options.reuse && !options.reuse.runtimes ? reusedToolchains(options.reuse.snapshot) : undefined;
    const [
        runtimes,
        toolVersions,
        platform,
        limits,
        resources,
        filesystem,
        certificates,
        systemPackages,
        umask,
        timezone,
    ] = await Promise.all([
        Promise.all(
            runtimeNames.map(
                async (name) => [name, await safeHostRuntime(name, files, tools, reused?.runtimes.get(name))] as const,
            ),
        ),
        Promise.all(
            separateTools.map(
                async (name) =>
                    [
                        name,
                        reused?.tools.has(name)
                            ? (reused.tools.get(name) ?? null)
                            : await hostToolVersion(TOOL_COMMANDS[name] ?? name, tools),
                    ] as const,
            ),
        ),
        previous?.platform ?? hostPlatform(tools),
        previous?.limits ?? hostLimits(tools),
        previous?.resources ?? hostResources(),
        hostFilesystem(files.root),
        hostCertificates(env, files.root, tools, issues),
        previous?.systemPackages ?? hostSystemPackages(tools),
        hostUmask(),
        hostTimezone(env),
    ]);

    const installed = new Map<RuntimeName, HostRuntime>(runtimes);
    for (const runtime of installed.values()) {
        if (runtime.issue) {
            issues.add(runtime.issue);
        }
    }
    const versions = new Map<string, string | null>(toolVersions);
    for (const runtime of installed.values()) {
        for (const [name, version] of Object.entries(runtime.bundled)) {
            versions.set(name, version);
        }
    }
    const runtimeFacts: Partial<Record<RuntimeName, RuntimeFacts>> = {};
    for (const name of runtimeNames) {
        runtimeFacts[name] = {
            declared: project.declared[name] ?? [],
            installed: installed.get(name)?.installed ?? null,
        };
    }
    const packageManagers: PackageManagerFacts[] = project.packageManagers.map((manager) => ({
        ...manager,
        installed:
            manager.name === 'go'
                ? (installed.get('go')?.installed?.version ?? null)
                : (versions.get(manager.name) ?? null),
    }));

    const durationMs = Date.now() - started;
    options.log.debug(`snapshot: host captured in ${durationMs} ms`);
    return {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        meta: {
            capturedAt: new Date().toISOString(),
            source: { kind: 'host', ref: files.root },
            tool: { name: 'parity', version: options.toolVersion },
            projectRoot: files.root,
            durationMs,
            envKey: envKey.id,
        },
        platform,
        runtimes: runtimeFacts,
        packageManagers,
        lockfiles: project.lockfiles,
        nativeDependencies: project.nativeDependencies,
        systemPackages,
        env: { ...hostEnv(env, envKey), ...project.dotenv },
        locale: hostLocale(env),
        timezone,
        user: hostUser(),
        umask,
        limits,
        resources,
        app: project.app,
        filesystem,
        certificates,
        issues: issues.all,
    };
}

/**
 * A previous capture's installed runtimes and tool versions, as the probes returned them. A runtime that is
 * absent there (the project started declaring it since) is not in the map, so it is probed.
 */
function reusedToolchains(snapshot: Snapshot): {
    runtimes: Map<RuntimeName, HostRuntime>;
    tools: Map<string, string | null>;
} {
    const tools = new Map<string, string | null>(
        snapshot.packageManagers.map((manager) => [manager.name, manager.installed ?? null]),
    );
    const runtimes = new Map<RuntimeName, HostRuntime>();
    for (const [name, facts] of Object.entries(snapshot.runtimes) as [RuntimeName, RuntimeFacts | undefined][]) {
        if (facts) {
            const bundled = Object.fromEntries(
                [...BUNDLED].flatMap((tool) => {
                    const version = tools.get(tool);
                    return version ? [[tool, version] as const] : [];
                }),
            );
            runtimes.set(name, { installed: facts.installed, bundled });
        }
    }
    return { runtimes, tools };
}

/**
 * The runtime as hostRuntime finds it (or as a reused capture found it) — unless the project pins it, in a file a version-manager shim reads,
 * to a value the shim would turn into a path or an action of the project's choosing. Then nothing runs and
 * the issue says which file and line.
 */
async function safeHostRuntime(
    name: RuntimeName,
    files: ProjectFiles,
    tools: RunToolOptions,
    reused?: HostRuntime,
): Promise<HostRuntime> {
    const unsafe = await unsafeVersionPins(files, name);
    for (const issue of unsafe) {
        files.issues.add(issue);
    }
    return unsafe.length > 0 ? { installed: null, bundled: {} } : (reused ?? hostRuntime(name, tools));
}
