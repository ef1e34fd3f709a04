import { formatDiffTarget, isEngineTarget } from '../diff/DiffTarget';
import { formatAge } from '../formatAge';
import { engineRefText } from '../targetAddress';
import type { SavedTarget } from './SavedTarget';

/** What is known about reaching a target right now. */
export type TargetReach =
    | { readonly kind: 'checking' }
    | { readonly kind: 'reachable'; readonly detail: string; readonly ms: number }
    /** `reason` is short, for the row; `message` the whole error, for the hover. */
    | { readonly kind: 'unreachable'; readonly reason: string; readonly message?: string }
    /** An ssh engine whose host key is not on file: Retry asks whether to trust it. */
    | { readonly kind: 'host-key'; readonly reason: string; readonly message?: string };

/** A row of the Targets view, before any vscode.TreeItem exists (pure, so it is tested and timed without VS Code). */
export interface TargetRow {
    readonly id: string;
    readonly label: string;
    readonly description: string;
    readonly tooltip: readonly string[];
    readonly icon: 'pass' | 'loading' | 'error' | 'key' | 'file';
    readonly color?: 'green' | 'red' | 'yellow';
    /** `parityTarget;container;settings;reachable` — menus match its parts by regex. */
    readonly contextValue: string;
}

const KIND_WORDS = {
    container: 'container',
    swarm: 'swarm service',
    image: 'image',
    registry: 'registry image',
    file: 'snapshot file',
    host: 'this machine',
} as const;

/**
 * A saved target as a row: its name; the kind and what it names, where it lives, whether it answers and how
 * old its last snapshot is. A dead target says "not reachable — REASON" (a click retries).
 */
export function targetRow(
    saved: SavedTarget,
    reach: TargetReach,
    lastCapturedAtMs: number | undefined,
    nowMs: number,
): TargetRow {
    const { target } = saved;
    const engine = isEngineTarget(target)
        ? target.engine
            ? engineRefText(target.engine)
            : 'the current engine'
        : undefined;
    const age = lastCapturedAtMs === undefined ? 'no snapshot yet' : `snapshot ${formatAge(lastCapturedAtMs, nowMs)}`;
    const reachText = reachWords(reach);
    const description = [KIND_WORDS[target.kind], ...(engine ? [`on ${engine}`] : []), reachText, age].join(' · ');
    const origin = saved.origin.kind === 'config-file' ? 'config' : 'settings';
    const shell = target.kind === 'container' ? ';shell' : '';
    return {
        id: `target:${origin}:${saved.name}`,
        label: saved.name,
        description,
        tooltip: [
            formatDiffTarget(target),
            ...(saved.description ? [saved.description] : []),
            reach.kind === 'reachable' ? `Reachable: ${reach.detail} (${reach.ms} ms)` : reachText,
            ...((reach.kind === 'unreachable' || reach.kind === 'host-key') && reach.message ? [reach.message] : []),
            ...(reach.kind === 'host-key' ? ['Retry to review the key and trust it.'] : []),
            lastCapturedAtMs === undefined
                ? 'No snapshot yet: Refresh captures one, Diff with This Project too.'
                : `Last snapshot ${new Date(lastCapturedAtMs).toISOString()} (${formatAge(lastCapturedAtMs, nowMs)})`,
            saved.origin.kind === 'config-file'
                ? `From ${saved.origin.file} (the team's file)`
                : saved.origin.kind === 'workspace-settings'
                  ? 'From the workspace setting parity.targets'
                  : 'From your user setting parity.targets',
        ],
        icon: target.kind === 'file' && reach.kind === 'reachable' ? 'file' : ICONS[reach.kind],
        ...(COLORS[reach.kind] ? { color: COLORS[reach.kind] } : {}),
        contextValue: `parityTarget;${target.kind};${origin};${reach.kind}${shell}`,
    };
}

function reachWords(reach: TargetReach): string {
    switch (reach.kind) {
        case 'checking':
            return 'checking…';
        case 'reachable':
            return 'reachable';
        case 'unreachable':
        case 'host-key':
            return `not reachable — ${reach.reason}`;
    }
}

const ICONS = { checking: 'loading', reachable: 'pass', unreachable: 'error', 'host-key': 'key' } as const;
const COLORS: Partial<Record<TargetReach['kind'], 'green' | 'red' | 'yellow'>> = {
    reachable: 'green',
    unreachable: 'red',
    'host-key': 'yellow',
};
