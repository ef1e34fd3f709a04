import { isAbsolute, relative } from 'node:path';
import * as vscode from 'vscode';
import { parseDiffTarget } from '../../../core/diff/DiffTarget';
import type { SAVED_TARGET_KINDS } from '../../../core/savedTargets/SavedTarget';
import { type EngineRef, engineRefText, formatTargetAddress, parseTargetAddress } from '../../../core/targetAddress';
import type { EngineClient } from '../../../engine/EngineClient';
import { readDockerContexts } from '../../../engine/readDockerContexts';
import { abortSignalFor } from '../../abortSignalFor';
import type { ExtensionDeps } from '../../ExtensionDeps';
import { isAbortError } from '../../isAbortError';
import { readSavedTargets } from '../../targets/readSavedTargets';
import { withHostKeyTrust } from '../../targets/withHostKeyTrust';
import { type AsyncPickItem, quickPickAsync } from './quickPickAsync';

type Kind = (typeof SAVED_TARGET_KINDS)[number];
/** The engine step's answer: the current engine (no `@ENGINE`), one named, or an address as typed. */
type EngineChoice = { readonly engine?: EngineRef } | { readonly typed: string };

const ADDRESS = /^(tcp|ssh|unix|npipe|https?):\/\/\S+$/;
const STEPS = 4;

/**
 * Parity: Add Target… — engine (the current one, a Docker context, an engine some target uses, or an address
 * typed in: tcp://, ssh://, unix://) → kind → one of what that engine really has (running containers, Swarm
 * services, images; a registry reference or a snapshot file typed or picked) → a name; saved to the
 * workspace's `parity.targets` (the user's when no folder is open, or in Restricted Mode). Returns the saved entry's target text.
 */
export async function addTarget(deps: ExtensionDeps): Promise<string | undefined> {
    const title = (step: number): string => vscode.l10n.t('Parity: Add Target ({0}/{1})', step, STEPS);
    const choice = await quickPickAsync<EngineChoice>({
        title: title(1),
        placeholder: vscode.l10n.t(
            'Where does it run? Pick an engine, or type an address (tcp://host:2376, ssh://user@host, unix:///path)',
        ),
        items: [
            {
                label: `$(vm) ${vscode.l10n.t('The current engine')}`,
                description: deps.engine.state.kind === 'connected' ? deps.engine.state.status.address : '',
                detail: vscode.l10n.t(
                    'parity.docker.host, DOCKER_HOST, the current Docker context or the default socket',
                ),
                value: {},
            },
        ],
        more: () => otherEngines(),
        typed: (text) =>
            ADDRESS.test(text)
                ? { label: `$(plug) ${vscode.l10n.t('Connect to {0}', text)}`, value: { typed: text } }
                : undefined,
    });
    if (!choice) {
        return undefined;
    }
    let engine: EngineRef | undefined;
    try {
        // Typed text becomes a checked reference the same way a target's suffix does.
        engine = 'typed' in choice ? parseTargetAddress(`container:x@${choice.typed}`).engine : choice.engine;
        if ('typed' in choice && !engine) {
            throw new Error(
                vscode.l10n.t('"{0}" is neither an engine address nor a Docker context name', choice.typed),
            );
        }
    } catch (error) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t('Parity: {0}', error instanceof Error ? error.message : String(error)),
        );
        return undefined;
    }
    const kind = await quickPickAsync<Kind>({
        title: title(2),
        placeholder: vscode.l10n.t('What runs there?'),
        items: KIND_ITEMS,
    });
    if (!kind) {
        return undefined;
    }
    let client: EngineClient | undefined;
    if (kind !== 'file') {
        client = await connect(deps, engine);
        if (!client) {
            return undefined;
        }
    }
    const value = await pickValue(deps, kind, client, title(3));
    if (value === undefined) {
        return undefined;
    }
    const text = formatTargetAddress({ kind, value, ...(engine && kind !== 'file' ? { engine } : {}) });
    try {
        parseDiffTarget(text);
    } catch (error) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t('Parity: {0}', error instanceof Error ? error.message : String(error)),
        );
        return undefined;
    }
    const taken = new Set((await readSavedTargets()).targets.map((target) => target.name));
    const name = await vscode.window.showInputBox({
        title: title(4),
        prompt: vscode.l10n.t('A name for {0}', text),
        value: uniqueName(value.split('/').pop() ?? value, taken),
        ignoreFocusOut: true,
        validateInput: (input) =>
            input.trim() === ''
                ? vscode.l10n.t('A target needs a name')
                : taken.has(input.trim())
                  ? vscode.l10n.t('Another target is called {0}', input.trim())
                  : undefined,
    });
    if (name === undefined) {
        return undefined;
    }
    await saveTarget({ name: name.trim(), target: text });
    deps.targetsView.refresh();
    deps.log.info(`Targets: added ${name.trim()} = ${text}`);
    return text;
}

const KIND_ITEMS: readonly AsyncPickItem<Kind>[] = [
    {
        label: `$(vm-running) ${vscode.l10n.t('Container')}`,
        detail: vscode.l10n.t('A running container, probed by exec (never restarted)'),
        value: 'container',
    },
    {
        label: `$(server-process) ${vscode.l10n.t('Swarm service')}`,
        detail: vscode.l10n.t('Every running task of a service, compared with each other too'),
        value: 'swarm',
    },
    {
        label: `$(package) ${vscode.l10n.t('Image')}`,
        detail: vscode.l10n.t('An image on the engine, probed in a throwaway container'),
        value: 'image',
    },
    {
        label: `$(cloud) ${vscode.l10n.t('Registry image')}`,
        detail: vscode.l10n.t('An image reference the engine pulls, then probes'),
        value: 'registry',
    },
    {
        label: `$(file) ${vscode.l10n.t('Snapshot file')}`,
        detail: vscode.l10n.t('A snapshot saved with parity snapshot --out (no engine)'),
        value: 'file',
    },
];

/** Docker contexts, then the engines saved targets already name. */
async function otherEngines(): Promise<AsyncPickItem<EngineChoice>[]> {
    const [{ contexts, currentContext }, saved] = await Promise.all([
        readDockerContexts(process.env),
        readSavedTargets(),
    ]);
    const items: AsyncPickItem<EngineChoice>[] = [...contexts.entries()].map(([name, endpoint]) => ({
        label: `$(symbol-namespace) ${name}`,
        description: `${endpoint.host}${name === currentContext ? ` · ${vscode.l10n.t('current context')}` : ''}`,
        detail: vscode.l10n.t('Docker context'),
        value: { engine: { kind: 'context', name } },
    }));
    const seen = new Set(contexts.keys());
    for (const target of saved.targets) {
        const engine = 'engine' in target.target ? target.target.engine : undefined;
        if (engine && !seen.has(engineRefText(engine))) {
            seen.add(engineRefText(engine));
            items.push({
                label: `$(remote) ${engineRefText(engine)}`,
                detail: vscode.l10n.t('Used by the target {0}', target.name),
                value: { engine },
            });
        }
    }
    return items;
}

/** Reaches the engine before listing anything from it; an unknown ssh host key is a question, not an error. */
async function connect(deps: ExtensionDeps, engine: EngineRef | undefined): Promise<EngineClient | undefined> {
    const where = engine ? engineRefText(engine) : vscode.l10n.t('the current engine');
    try {
        return await vscode.window.withProgress(
            {
                location: vscode.ProgressLocation.Notification,
                title: vscode.l10n.t('Parity: connecting to {0}…', where),
                cancellable: true,
            },
            async (_progress, token) => {
                const signal = abortSignalFor(token);
                return withHostKeyTrust(
                    async () => {
                        const client = await deps.targetEngines.client(engine);
                        await client.status(signal);
                        return client;
                    },
                    () => deps.targetEngines.forget(engine),
                );
            },
        );
    } catch (error) {
        if (!isAbortError(error)) {
            deps.log.warn(`Add Target: ${error instanceof Error ? error.message : String(error)}`);
            void vscode.window.showErrorMessage(
                vscode.l10n.t(
                    'Parity: cannot add a target on {0}: {1}',
                    where,
                    error instanceof Error ? error.message : String(error),
                ),
            );
        }
        return undefined;
    }
}

async function pickValue(
    deps: ExtensionDeps,
    kind: Kind,
    client: EngineClient | undefined,
    title: string,
): Promise<string | undefined> {
    switch (kind) {
        case 'container':
            return quickPickAsync<string>({
                title,
                placeholder: vscode.l10n.t('Which running container on {0}?', client?.address ?? ''),
                more: async (signal) => {
                    const running = (await (client as EngineClient).listContainers(signal)).filter(
                        (container) => container.State === 'running',
                    );
                    return running.length === 0
                        ? [{ label: vscode.l10n.t('No running containers on {0}', client?.address ?? '') }]
                        : running.map((container) => {
                              const name = (container.Names[0] ?? container.Id).replace(/^\//, '');
                              return {
                                  label: `$(vm-running) ${name}`,
                                  description: container.Image,
                                  detail: container.Status,
                                  value: name,
                              };
                          });
                },
            });
        case 'swarm':
            return quickPickAsync<string>({
                title,
                placeholder: vscode.l10n.t('Which Swarm service on {0}?', client?.address ?? ''),
                more: async (signal) => {
                    const services = await (client as EngineClient).listServices(signal).catch((error: unknown) => {
                        throw new Error(
                            vscode.l10n.t(
                                'No Swarm services listed: {0}',
                                error instanceof Error ? error.message : String(error),
                            ),
                        );
                    });
                    return services.length === 0
                        ? [{ label: vscode.l10n.t('No Swarm services on {0}', client?.address ?? '') }]
                        : services.map((service) => ({
                              label: `$(server-process) ${service.name}`,
                              description: service.image,
                              detail:
                                  service.replicas === undefined
                                      ? vscode.l10n.t('global')
                                      : service.replicas === 1
                                        ? vscode.l10n.t('1 replica')
                                        : vscode.l10n.t('{0} replicas', service.replicas),
                              value: service.name,
                          }));
                },
            });
        case 'image':
            return quickPickAsync<string>({
                title,
                placeholder: vscode.l10n.t('Which image on {0}?', client?.address ?? ''),
                more: async (signal) => {
                    const tags = (await (client as EngineClient).listImages(signal))
                        .flatMap((image) => (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'))
                        .sort();
                    return tags.map((tag) => ({ label: `$(package) ${tag}`, value: tag }));
                },
            });
        case 'registry':
            return vscode.window
                .showInputBox({
                    title,
                    prompt: vscode.l10n.t(
                        'The image reference the engine {0} pulls, e.g. registry.example.com/team/api:1.4',
                        client?.address ?? '',
                    ),
                    ignoreFocusOut: true,
                    validateInput: (input) => validateValue('registry', input),
                })
                .then((input) => input?.trim());
        case 'file':
            return pickSnapshotFile(title);
    }
}

async function pickSnapshotFile(title: string): Promise<string | undefined> {
    const browse = '\0browse';
    const chosen = await quickPickAsync<string>({
        title,
        placeholder: vscode.l10n.t('Which saved snapshot?'),
        items: [{ label: `$(folder-opened) ${vscode.l10n.t('Browse…')}`, value: browse }],
        more: async () =>
            (await vscode.workspace.findFiles('**/*.snapshot.json', '**/node_modules/**', 200)).map((file) => ({
                label: `$(file) ${vscode.workspace.asRelativePath(file, true)}`,
                value: file.fsPath,
            })),
    });
    if (chosen !== browse) {
        return chosen && relativeToFolder(chosen);
    }
    const [file] =
        (await vscode.window.showOpenDialog({
            canSelectMany: false,
            filters: { [vscode.l10n.t('Parity snapshot')]: ['json'] },
            title,
        })) ?? [];
    return file && relativeToFolder(file.fsPath);
}

/** A snapshot inside the (first) workspace folder is saved relative to it, so the setting travels with the folder. */
function relativeToFolder(path: string): string {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (folder === undefined) {
        return path;
    }
    const inside = relative(folder, path);
    return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

function validateValue(kind: Kind, input: string): string | undefined {
    if (input.trim() === '') {
        return vscode.l10n.t('Type a value');
    }
    try {
        parseDiffTarget(`${kind}:${input.trim()}`);
        return undefined;
    } catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
}

function uniqueName(base: string, taken: ReadonlySet<string>): string {
    let name = base;
    for (let n = 2; taken.has(name); n++) {
        name = `${base} (${n})`;
    }
    return name;
}

/**
 * Appends to the workspace's parity.targets, keeping entries as they were written; to the user's without a
 * folder, or in Restricted Mode (where the folder's own list is not read, so the new row would not show).
 */
async function saveTarget(entry: { name: string; target: string }): Promise<void> {
    const config = vscode.workspace.getConfiguration('parity');
    const inWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0 && vscode.workspace.isTrusted;
    const where = config.inspect<unknown[]>('targets');
    const current = (inWorkspace ? where?.workspaceValue : where?.globalValue) ?? [];
    await config.update(
        'targets',
        [...(Array.isArray(current) ? current : []), entry],
        inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global,
    );
}
