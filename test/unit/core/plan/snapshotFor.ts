import { join } from 'node:path';
import { EnvHashKey } from '../../../../src/core/snapshot/EnvHashKey';
import { detectProject } from '../../../../src/core/project/detectProject';
import { nodeProjectFiles } from '../../../../src/core/project/nodeProjectFiles';
import type {
    CaCertificate,
    LocaleFacts,
    PackageManagerFacts,
    PlatformFacts,
    RuntimeFacts,
    RuntimeName,
    Snapshot,
    TimezoneFacts,
} from '../../../../src/core/snapshot/Snapshot';
import { SNAPSHOT_SCHEMA_VERSION } from '../../../../src/core/snapshot/Snapshot';

export const repoRoot = join(__dirname, '..', '..', '..', '..');
export const fixtureDir = (name: string): string => join(repoRoot, 'test', 'fixtures', 'projects', name);
export const exampleDir = (name: string): string => join(repoRoot, 'examples', name);

export const DEBIAN_12: PlatformFacts = {
    os: 'linux',
    distro: { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
    kernel: '6.1.0',
    arch: 'amd64',
    libc: { family: 'glibc', version: '2.36' },
};

export const ALPINE_320: PlatformFacts = {
    os: 'linux',
    distro: { id: 'alpine', versionId: '3.20.3', prettyName: 'Alpine Linux v3.20' },
    kernel: '6.1.0',
    arch: 'amd64',
    libc: { family: 'musl', version: '1.2.5' },
};

export const EXTRA_CA: CaCertificate = {
    origin: '/usr/local/share/ca-certificates/corp.crt',
    via: '/usr/local/share/ca-certificates',
    subject: 'CN=Corp Proxy Root CA',
    issuer: 'CN=Corp Proxy Root CA',
    fingerprint256: 'AA:BB',
    notAfter: '2030-01-01T00:00:00.000Z',
};

export interface SnapshotSetup {
    /** Installed runtime versions (with the manager that provides them). */
    readonly installed?: Partial<Record<RuntimeName, string>>;
    readonly platform?: PlatformFacts;
    readonly extraCas?: readonly CaCertificate[];
    /** Installed package-manager versions by name. */
    readonly tools?: Readonly<Record<string, string>>;
    /** The locale here; C.UTF-8 (a Debian container's or CI runner's) unless given. */
    readonly locale?: LocaleFacts;
    /** The time zone here; UTC unless given. */
    readonly timezone?: TimezoneFacts;
}

/** A snapshot of a project folder as a host capture would make it, with chosen installed versions (no spawning). */
export async function snapshotFor(projectRoot: string, setup: SnapshotSetup = {}): Promise<Snapshot> {
    const files = nodeProjectFiles(projectRoot);
    const project = await detectProject(files, EnvHashKey.generate());
    const names = new Set<RuntimeName>([
        ...project.ecosystems,
        ...(Object.keys(project.declared) as RuntimeName[]),
        ...(Object.keys(setup.installed ?? {}) as RuntimeName[]),
    ]);
    const runtimes: Partial<Record<RuntimeName, RuntimeFacts>> = {};
    for (const name of names) {
        const version = setup.installed?.[name];
        runtimes[name] = {
            declared: project.declared[name] ?? [],
            installed: version ? { version, path: `/usr/local/bin/${name}`, manager: 'system' } : null,
        };
    }
    const packageManagers: PackageManagerFacts[] = project.packageManagers.map((manager) => ({
        ...manager,
        installed: setup.tools?.[manager.name] ?? null,
    }));
    return {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        meta: {
            capturedAt: '2026-11-28T10:00:00.000Z',
            source: { kind: 'host', ref: projectRoot },
            tool: { name: 'parity', version: '0.1.0' },
            projectRoot,
        },
        platform: setup.platform ?? DEBIAN_12,
        runtimes,
        packageManagers,
        lockfiles: project.lockfiles,
        nativeDependencies: project.nativeDependencies,
        systemPackages: null,
        env: {},
        locale: setup.locale ?? { vars: { LANG: 'C.UTF-8' }, effective: 'C.UTF-8', encoding: 'UTF-8' },
        timezone: setup.timezone ?? { name: 'UTC', tzVar: null, offsetMinutes: 0 },
        user: null,
        umask: '0022',
        limits: { nofile: null, nproc: null },
        resources: { cpus: 2, memoryBytes: null, memoryLimitBytes: null },
        app: project.app,
        filesystem: { caseSensitive: true },
        certificates: { extra: setup.extraCas ?? [], settings: {} },
        issues: files.issues.all,
    };
}

/** Where a golden Dockerfile lives; UPDATE_GOLDENS=1 rewrites them from the current output. */
export const recipeGolden = (name: string): string =>
    join(repoRoot, 'test', 'fixtures', 'recipes', `${name}.Dockerfile`);

/** The stages of a Dockerfile, each from its FROM line; the last is the final image. */
export function stagesOf(dockerfile: string): string[] {
    return dockerfile.split(/^(?=FROM )/m).filter((part) => part.startsWith('FROM '));
}
