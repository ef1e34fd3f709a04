import type { FindingFix, Side } from '../../findings/Finding';
import { type DiffContext, type Draft, sideOf } from '../DiffContext';
import { bothKnown } from '../bothKnown';

/**
 * Entrypoints of official base images that only prepare and then exec their arguments (node's
 * docker-entrypoint.sh): `docker-entrypoint.sh node server.js` starts the app as `node server.js` does.
 */
const EXEC_SHIMS = new Set(['docker-entrypoint.sh', '/usr/local/bin/docker-entrypoint.sh']);

function withoutShim(command: readonly string[]): readonly string[] {
    return command.length > 1 && EXEC_SHIMS.has(command[0] ?? '') ? command.slice(1) : command;
}

/** The app itself: its start command and ports. */
export function diffApp(context: DiffContext): Draft[] {
    const drafts: Draft[] = [];
    const a = context.from.app;
    const b = context.to.app;
    if (!bothKnown(context, 'app', undefined, a, b, 'no app was found') || !a || !b) {
        return drafts;
    }
    if (
        bothKnown(context, 'app', 'startCommand', a.startCommand, b.startCommand, 'no start command was found') &&
        a.startCommand &&
        b.startCommand
    ) {
        const [x, y] = [
            JSON.stringify(withoutShim(a.startCommand.value)),
            JSON.stringify(withoutShim(b.startCommand.value)),
        ];
        if (x !== y) {
            const fix: FindingFix[] = (['from', 'to'] as const).flatMap((side) => {
                const at = sideOf(context, side).app?.startCommand?.at;
                return at
                    ? [
                          {
                              description: `Change the start command where it is declared (${at.file}:${at.line}).`,
                              side,
                              at: { file: at.file, line: at.line },
                          },
                      ]
                    : [];
            });
            drafts.push({
                facet: 'app',
                key: 'startCommand',
                rule: 'app.start-command',
                from: a.startCommand.value.join(' '),
                to: b.startCommand.value.join(' '),
                message: `The app starts with "${a.startCommand.value.join(' ')}" on one side and "${b.startCommand.value.join(' ')}" on the other.`,
                ...(fix.length > 0 ? { fix } : {}),
            });
        }
    }
    const ports = (side: Side): string =>
        [...new Set(sideOf(context, side).app?.ports.map((port) => port.value) ?? [])].sort((m, n) => m - n).join(' ');
    const [portsA, portsB] = [ports('from'), ports('to')];
    if (portsA !== '' && portsB !== '' && portsA !== portsB) {
        const dockerfile = context.dockerfile;
        const side = context.imageSide;
        const fix: FindingFix[] =
            dockerfile && side && dockerfile.expose !== null
                ? [
                      {
                          description: `Expose ${side === 'to' ? portsA : portsB} in ${dockerfile.file}.`,
                          side,
                          at: { file: dockerfile.file, line: dockerfile.expose },
                          replaceLineWith: `EXPOSE ${side === 'to' ? portsA : portsB}`,
                      },
                  ]
                : [];
        drafts.push({
            facet: 'app',
            key: 'port',
            rule: 'app.port',
            from: portsA,
            to: portsB,
            message: `The app listens on ${portsA} on one side and ${portsB} on the other: a health check or proxy aimed at one misses the other.`,
            ...(fix.length > 0 ? { fix } : {}),
        });
    } else if (portsA === '' || portsB === '') {
        context.unknown.push({
            facet: 'app',
            key: 'port',
            side: portsA === '' && portsB === '' ? 'both' : portsA === '' ? 'from' : 'to',
            why: 'no port was found',
        });
    }
    return drafts;
}
