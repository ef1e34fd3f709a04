import {
    comment,
    copyInstruction,
    envInstruction,
    execForm,
    labelInstruction,
    runInstruction,
    shellCommand,
    shellQuote,
    workdirInstruction,
} from './dockerfileText';
import type { Plan, RenderOptions } from './Plan';

/** Where an install step finds the CA bundle: a BuildKit secret mount, or a file in a throwaway stage. */
export const CA_SECRET_TARGET = '/run/secrets/parity-ca';
export const CA_CONTEXT_FILE = '.parity-ca.pem';
export const CA_STAGE_FILE = '/tmp/parity-ca.pem';
const CA_BAKED = '/usr/local/share/ca-certificates/parity-ca.crt';
/** Where a throwaway stage keeps the sources without the CA file, for the final stage to copy. */
export const SOURCES = '/src';

/** The variables each ecosystem's tools read a CA bundle from; the bundle holds the public roots and the extras. */
function caVariables(ecosystem: Plan['ecosystem'], path: string): Record<string, string> {
    switch (ecosystem) {
        case 'node':
            return { NODE_EXTRA_CA_CERTS: path };
        case 'python':
            return { PIP_CERT: path, SSL_CERT_FILE: path, REQUESTS_CA_BUNDLE: path };
        case 'go':
        case 'ruby':
            return { SSL_CERT_FILE: path };
        default:
            return {};
    }
}

/** Where corepack keeps the package managers it downloads (root's home): cached like a package cache, never left in the image. */
const COREPACK_CACHE = '/root/.cache/node/corepack';

/** Setup commands that never reach the network, so they get no CA. */
const OFFLINE_SETUP: ReadonlySet<string> = new Set(['corepack enable', 'python -m venv /opt/venv']);
const offline = (command: readonly string[]): boolean =>
    OFFLINE_SETUP.has(command.join(' ')) || (command[0] === 'bundle' && command[1] === 'config');

export interface RunOptions {
    /** setup makes the manager available; install, build and prune are the manager's own steps. */
    readonly step: 'setup' | 'install' | 'build' | 'prune';
    /** The step runs in the final stage: the manager's env is set inline and, without BuildKit, its cache removed. */
    readonly finalStage: boolean;
    /** Extra BuildKit cache folders (Go's build cache). */
    readonly moreCaches?: readonly string[];
}

/** A RUN of a package-manager command: cache and CA secret mounts under BuildKit, the CA variables inline only. */
export function managerRun(plan: Plan, options: RenderOptions, command: readonly string[], run: RunOptions): string {
    const manager = plan.packageManager;
    const own = run.step !== 'setup';
    const usesCa = plan.ca.needed && !(run.step === 'setup' && offline(command));
    const caPath = options.buildkit ? CA_SECRET_TARGET : CA_STAGE_FILE;
    const corepack = own && (manager?.setup.some((setup) => setup[0] === 'corepack') ?? false);
    const ownCaches = [...(own && manager?.cacheDir ? [manager.cacheDir] : []), ...(corepack ? [COREPACK_CACHE] : [])];
    const caches = options.buildkit ? [...ownCaches, ...(run.moreCaches ?? [])] : [];
    const mounts = [
        ...caches.map((dir) => `--mount=type=cache,target=${dir}`),
        ...(options.buildkit && usesCa
            ? [`--mount=type=secret,id=${plan.ca.secretId},target=${CA_SECRET_TARGET},required=true`]
            : []),
    ];
    const env = {
        ...(usesCa ? caVariables(plan.ecosystem, caPath) : {}),
        ...(own && run.finalStage ? (manager?.env ?? {}) : {}),
    };
    const cleanup =
        !options.buildkit && run.finalStage && (run.step === 'install' || run.step === 'prune') && ownCaches.length > 0
            ? ` && rm -rf ${ownCaches.join(' ')}`
            : '';
    return runInstruction(`${shellCommand(command, env)}${cleanup}`, mounts);
}

/** COPY lines for manifests, one per folder so each lands where it belongs (`COPY apps/api/package.json apps/api/`). */
export function copyManifests(manifests: readonly string[]): string[] {
    const byDir = new Map<string, string[]>();
    for (const file of manifests) {
        const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : './';
        byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
    }
    return [...byDir.entries()].map(([dir, files]) => copyInstruction(files, dir));
}

/** The manager's own variables as ENV in a build stage (they never reach the final image from there). */
export function stageEnv(plan: Plan): string[] {
    return Object.entries(plan.packageManager?.env ?? {}).map(([name, value]) => envInstruction(name, value));
}

/**
 * Without BuildKit the CA bundle travels as a file in the build context — only when a step installs
 * something, so that parity build injects it only into a Dockerfile that copies it.
 */
export function usesCaFile(plan: Plan, options: RenderOptions): boolean {
    return !options.buildkit && installsWithCa(plan);
}

/** Without BuildKit, the Dockerfile copies the CA file from the context (for an install, or to bake it in). */
export function needsCaFileInContext(plan: Plan, options: RenderOptions): boolean {
    return usesCaFile(plan, options) || (!options.buildkit && plan.ca.needed && plan.ca.bakeIntoImage);
}

/** Some step downloads dependencies and the host trusts extra CAs: that step gets the bundle. */
function installsWithCa(plan: Plan): boolean {
    const manager = plan.packageManager;
    return plan.ca.needed && manager !== null && (manager.install !== null || manager.build !== null);
}

/** In a throwaway stage without BuildKit: the CA bundle parity build put into the context. */
export function caIntoStage(plan: Plan, options: RenderOptions): string[] {
    return usesCaFile(plan, options) ? [`COPY ${CA_CONTEXT_FILE} ${CA_STAGE_FILE}`] : [];
}

/**
 * The classic builder does not apply .dockerignore itself, so the injected CA file is part of `COPY . .`:
 * with it in the context, the sources reach the final stage through /src of a throwaway stage that deleted it.
 */
export function sourcesWithoutCa(): string[] {
    return [`COPY . ${SOURCES}`, `RUN rm -f ${SOURCES}/${CA_CONTEXT_FILE}`];
}

/** The CA bundle in the final image, only when the plan says so: the app trusts the extra CAs at run time too. */
export function bakeCa(plan: Plan, options: RenderOptions): string[] {
    if (!plan.ca.needed || !plan.ca.bakeIntoImage) {
        return [];
    }
    const update = 'if command -v update-ca-certificates >/dev/null; then update-ca-certificates; fi';
    const variables = caVariables(plan.ecosystem, CA_BAKED);
    return [
        '# The plan bakes the CA bundle in (ca.bakeIntoImage): the app trusts your extra CAs at run time too.',
        ...(options.buildkit
            ? [
                  runInstruction(
                      `mkdir -p ${CA_BAKED.slice(0, CA_BAKED.lastIndexOf('/'))} && cp ${CA_SECRET_TARGET} ${CA_BAKED} && chmod 644 ${CA_BAKED} && ${update}`,
                      [`--mount=type=secret,id=${plan.ca.secretId},target=${CA_SECRET_TARGET},required=true`],
                  ),
              ]
            : [`COPY ${CA_CONTEXT_FILE} ${CA_BAKED}`, `RUN ${update}`]),
        ...Object.entries(variables).map(([name, value]) => envInstruction(name, value)),
    ];
}

/** The first lines: where the file comes from, what to change where, how the CA reaches the installs. */
export function header(plan: Plan, options: RenderOptions): string[] {
    const runtime = plan.base.runtime ?? plan.builder?.runtime ?? null;
    const manager = plan.packageManager?.name === runtime?.name ? null : plan.packageManager?.name;
    const what = [runtime ? `${runtime.name} ${runtime.version.value}` : null, manager].filter(Boolean).join(', ');
    const lines = [
        comment(`Generated by Parity from .parity/plan.json${what ? ` (${what})` : ''}.`),
        '# Change the runtime version, start command or port in the plan and let Parity write this file again,',
        '# or edit it here: Parity does not overwrite a Dockerfile you changed without asking.',
    ];
    if (installsWithCa(plan)) {
        lines.push(
            ...(options.buildkit
                ? [
                      `# Dependency installs trust your extra CAs through the BuildKit secret "${plan.ca.secretId}" (parity build passes it;`,
                      `# with docker build add --secret id=${plan.ca.secretId},src=<CA bundle>). Nothing of it stays in the image.`,
                  ]
                : [
                      `# ${CA_CONTEXT_FILE} is added to the build context by parity build and used only in a throwaway build stage;`,
                      '# the sources reach the final stage without it.',
                  ]),
        );
    }
    return lines;
}

/** The final stage's ENV lines: runtime settings, PORT, then the locale and time zone kept from the snapshot. */
export function finalEnv(plan: Plan): string[] {
    const env = {
        ...plan.env,
        ...plan.locale.value,
        ...(plan.timezone.value === null ? {} : { TZ: plan.timezone.value }),
    };
    return Object.entries(env).map(([name, value]) => envInstruction(name, value));
}

/** The end of every final stage: the app's folder, the non-root user, the port, labels and the start command. */
export function finalTail(plan: Plan): string[] {
    const lines: string[] = [];
    if (plan.appRoot !== '.') {
        lines.push(workdirInstruction(`/app/${plan.appRoot}`));
    }
    lines.push(`USER ${plan.user}`);
    if (plan.port.value !== null) {
        lines.push(`EXPOSE ${plan.port.value}`);
    }
    lines.push(...labelInstruction(plan.labels));
    lines.push(
        plan.startCommand.value.length > 0
            ? `CMD ${execForm(plan.startCommand.value)}`
            : `CMD ${execForm(['sh', '-c', `echo ${shellQuote('Parity found no start command: set CMD in the Dockerfile (see .parity/plan.json).')} >&2; exit 1`])}`,
    );
    return lines;
}

/** Creates the non-root user the official image does not have. */
export function addUser(plan: Plan, uid = 10001): string {
    return plan.base.os.libc === 'musl'
        ? `RUN adduser -S -u ${uid} ${plan.user}`
        : `RUN useradd --system --uid ${uid} --no-create-home ${plan.user}`;
}

/**
 * apt-get installs of the plan's system packages: the build list in the stage that installs dependencies,
 * the run-time list in the final image (as root, before USER). The names come from Parity's own tables,
 * never from project files. The apt lists are removed so the layer stays small.
 */
export function systemPackagesRun(plan: Plan, which: 'build' | 'runtime'): string[] {
    const packages = plan.systemPackages?.[which] ?? [];
    if (packages.length === 0) {
        return [];
    }
    return [
        comment(
            which === 'build'
                ? `Native dependencies compile here: ${packages.join(' ')} stay in this stage.`
                : 'Libraries the native dependencies load at run time.',
        ),
        runInstruction(
            `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')} && rm -rf /var/lib/apt/lists/*`,
            [],
        ),
    ];
}
