import * as vscode from 'vscode';
import { parseSize } from '../core/sandbox/parseSize';
import type { DependencyMirrors } from '../core/plan/PlanContext';
import type { SandboxSettings } from '../core/sandbox/sandboxPolicy';
import type { DiffSettingValues } from './diff/diffRulesFromSettings';

/** Parity's settings, typed; read fresh on every call so changes apply without a reload. */
export interface ParityConfig {
    readonly docker: {
        /** Engine address; empty means DOCKER_HOST / Docker context / default socket. */
        readonly host: string;
        readonly timeoutMs: number;
    };
    readonly recipe: {
        /** Prefix for every base image (a registry mirror); empty for none. */
        readonly baseImageRegistry: string;
        /** A base image that replaces Parity's choice; empty for none. */
        readonly baseImage: string;
        /** Also trust this machine's extra CAs at run time, inside the image. */
        readonly bakeCa: boolean;
        /** Dependency mirrors by ecosystem (maven, rubygems); empty for the public repositories. */
        readonly dependencyMirrors: DependencyMirrors;
    };
}

export function readConfig(): ParityConfig {
    const docker = vscode.workspace.getConfiguration('parity.docker');
    const timeoutSeconds = docker.get<number>('timeoutSeconds', 10);
    const recipe = vscode.workspace.getConfiguration('parity.recipe');
    return {
        docker: {
            host: docker.get<string>('host', '').trim(),
            timeoutMs: Math.max(1, Number.isFinite(timeoutSeconds) ? timeoutSeconds : 10) * 1000,
        },
        recipe: {
            baseImageRegistry: restricted(recipe, 'baseImageRegistry', '').trim(),
            baseImage: restricted(recipe, 'baseImage', '').trim(),
            bakeCa: restricted(recipe, 'bakeCa', false),
            dependencyMirrors: mirrorsFrom(restricted<unknown>(recipe, 'dependencyMirrors', {})),
        },
    };
}

/** The mirror setting's string entries for the kinds Parity knows; anything else in the object is ignored. */
function mirrorsFrom(value: unknown): DependencyMirrors {
    if (typeof value !== 'object' || value === null) {
        return {};
    }
    const entries = value as Record<string, unknown>;
    const pick = (key: 'maven' | 'rubygems'): Record<string, string> => {
        const url = entries[key];
        return typeof url === 'string' && url.trim() !== '' ? { [key]: url.trim() } : {};
    };
    return { ...pick('maven'), ...pick('rubygems') };
}

/**
 * A setting a cloned repository could plant in .vscode/settings.json to its advantage (a base image, .env
 * values leaving the machine, a looser sandbox): package.json lists these as restrictedConfigurations, and in
 * Restricted Mode only the user's own value or the default counts. VS Code drops such workspace values itself;
 * reading them this way keeps that promise in Parity's code, not only in the host's.
 */
function restricted<T>(config: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
    if (vscode.workspace.isTrusted) {
        return config.get<T>(key, fallback);
    }
    const where = config.inspect<T>(key);
    return where?.globalValue ?? where?.defaultValue ?? fallback;
}

/** True when a configuration change touches the engine connection. */
export function affectsEngine(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration('parity.docker');
}

/**
 * The sandbox settings, in the form the policy takes; .env values only when parity.sandbox.passDotenv is on.
 * A value the policy cannot take is an error that names the setting, never a silent default.
 */
export async function readSandboxSettings(
    projectRoot: string | undefined,
    readDotenv: (root: string) => Promise<Record<string, string>>,
): Promise<SandboxSettings> {
    const sandbox = vscode.workspace.getConfiguration(
        'parity.sandbox',
        projectRoot ? vscode.Uri.file(projectRoot) : undefined,
    );
    const memoryText = restricted(sandbox, 'memory', '512m');
    const memory = parseSize(memoryText);
    if (memory === null) {
        throw new Error(vscode.l10n.t('parity.sandbox.memory takes a size such as 512m or 1g, not "{0}"', memoryText));
    }
    const cpus = restricted(sandbox, 'cpus', 1);
    if (typeof cpus !== 'number' || !Number.isFinite(cpus) || cpus <= 0) {
        throw new Error(vscode.l10n.t('parity.sandbox.cpus takes a number of CPUs above 0, not "{0}"', String(cpus)));
    }
    const pids = restricted(sandbox, 'pids', 256);
    if (!Number.isInteger(pids) || pids <= 0) {
        throw new Error(vscode.l10n.t('parity.sandbox.pids takes a whole number above 0, not "{0}"', String(pids)));
    }
    const writablePaths = restricted<string[]>(sandbox, 'writablePaths', []);
    const relative = writablePaths.find((path) => !path.startsWith('/'));
    if (relative !== undefined) {
        throw new Error(
            vscode.l10n.t(
                'parity.sandbox.writablePaths takes absolute paths inside the container, not "{0}"',
                relative,
            ),
        );
    }
    const passDotenv = restricted(sandbox, 'passDotenv', false) && projectRoot !== undefined;
    // Only what the user set is passed, so the sandbox's summary can tell "your setting" from "Parity's default".
    const set = (key: string): boolean => {
        const where = sandbox.inspect(key);
        return (
            where?.globalValue !== undefined ||
            (vscode.workspace.isTrusted &&
                (where?.workspaceValue !== undefined || where?.workspaceFolderValue !== undefined))
        );
    };
    return {
        ...(set('memory') ? { memoryBytes: memory } : {}),
        ...(set('cpus') ? { cpus } : {}),
        ...(set('pids') ? { pids } : {}),
        writablePaths,
        network: restricted<string>(sandbox, 'network', 'bridge') === 'none' ? 'none' : 'bridge',
        ...(passDotenv && projectRoot ? { dotenv: await readDotenv(projectRoot) } : {}),
    };
}

/** parity.sandbox.target: where the app really runs (a snapshot file, image:REF or container:NAME), or undefined. */
export function readSandboxTarget(projectRoot: string | undefined): string | undefined {
    const target = restricted(
        vscode.workspace.getConfiguration('parity.sandbox', projectRoot ? vscode.Uri.file(projectRoot) : undefined),
        'target',
        '',
    ).trim();
    return target === '' ? undefined : target;
}

/**
 * parity.diff.severity, parity.diff.ignore and parity.diff.requiredEnv as set (undefined when not), for
 * diffRulesFromSettings — which validates them and loads with the pipeline, not at activation. They can hide
 * findings, so they are restricted settings: in Restricted Mode only the user's own values count.
 */
export function readDiffSettings(folder: vscode.Uri | undefined): DiffSettingValues {
    const diff = vscode.workspace.getConfiguration('parity.diff', folder);
    const set = (key: string): unknown => {
        const where = diff.inspect(key);
        return vscode.workspace.isTrusted
            ? (where?.workspaceFolderValue ?? where?.workspaceValue ?? where?.globalValue)
            : where?.globalValue;
    };
    return { severity: set('severity'), ignore: set('ignore'), requiredEnv: set('requiredEnv') };
}

/** `parity.push.registry`: where Push to Registry proposes to push (host[:port][/namespace]); empty: nowhere. */
export function readPushRegistry(): string {
    return (vscode.workspace.getConfiguration('parity.push').get<string>('registry') ?? '').trim().replace(/\/+$/, '');
}
