import { registryHostOf } from '../core/images/registryAuth';
import { pushImage } from '../engine/images/pushImage';
import { readRegistryAuth } from '../engine/readRegistryAuth';
import type { CliContext } from './CliContext';
import { CliUsageError } from './CliUsageError';
import { engineClientFor } from './engineClientFor';
import { ExitCode } from './ExitCode';

/**
 * `parity push IMAGE TARGET`: tags IMAGE as TARGET (registry/repository:tag) and has the engine push it with
 * the Docker config's credentials for that registry. Progress on stderr, the pushed reference and digest on
 * stdout; Ctrl-C cancels.
 */
export async function pushCommand(context: CliContext): Promise<ExitCode> {
    const [source, target, ...rest] = context.args;
    if (source === undefined || target === undefined || rest.length > 0) {
        throw new CliUsageError(
            'push needs IMAGE and TARGET, e.g. parity push app:parity registry.example.com/team/app:1',
        );
    }
    const client = await engineClientFor(context);
    const auth = await readRegistryAuth(registryHostOf(target), context.env);
    const seen = new Set<string>();
    const result = await pushImage(client, source, target, {
        ...(auth ? { auth } : {}),
        signal: context.signal,
        onProgress: (line) => {
            // One line per layer and state, not every byte count.
            const text = [line.id, line.status].filter(Boolean).join(': ');
            if (text && !seen.has(text) && line.progressDetail?.current === undefined) {
                seen.add(text);
                context.log.info(text);
            }
        },
    });
    context.stdout(result.digest ? `${result.ref}@${result.digest}` : result.ref);
    return ExitCode.Ok;
}
