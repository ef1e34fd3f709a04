import type { Fact } from '../../snapshot/Snapshot';
import type { AppCandidate } from '../EcosystemDetection';

/**
 * A Procfile written for Heroku's Go buildpack runs the binary it installs as bin/<name> — <name> being the main
 * package's folder, or the module's last element for a main package at the root. Parity's Go recipe builds that
 * same package as the start command's binary (/app/server), so `bin/<name> args` becomes `/app/server args`.
 * Any other command, or a bin/ name of another main package, is kept as the Procfile says.
 */
export function goProcfileCommand(
    web: Fact<readonly string[]>,
    app: AppCandidate,
    moduleName: string | undefined,
): Fact<readonly string[]> {
    const [program, ...args] = web.value;
    const binary = app.startCommand?.value[0];
    const mainFile = app.entry?.value;
    if (!program || !binary || !mainFile) {
        return web;
    }
    const dir = mainFile.includes('/') ? mainFile.slice(0, mainFile.lastIndexOf('/')) : '.';
    const name = dir === '.' ? moduleName : dir.split('/').pop();
    const named = /^(?:\.\/)?bin\/([^/]+)$/.exec(program)?.[1];
    if (!name || named !== name) {
        return web;
    }
    return {
        value: [binary, ...args],
        ...(web.at ? { at: web.at } : {}),
        how: `${web.how}: ${program} is the Go buildpack's name for main package ${dir === '.' ? '.' : `./${dir}`}, which the recipe builds as ${binary}`,
    };
}
