import { EngineAddressError } from '../core/engineAddress';
import { type EngineOverride, type EngineSelection, selectEngine } from '../core/selectEngine';
import { EngineError } from './EngineError';
import { readDockerContexts } from './readDockerContexts';

/**
 * Decides which engine to use from an explicit address, the environment and the Docker CLI's contexts.
 * Bad addresses and unknown contexts become an EngineError of kind `config`.
 */
export async function resolveEngine(
    override: EngineOverride | undefined,
    env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<EngineSelection> {
    const { configDir, currentContext, contexts } = await readDockerContexts(env);
    try {
        return selectEngine({
            ...(override === undefined ? {} : { override }),
            env,
            ...(currentContext === undefined ? {} : { currentContext }),
            contexts,
            platform: process.platform,
            dockerConfigDir: configDir,
        });
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const address = error instanceof EngineAddressError ? error.input : '';
        throw new EngineError('config', message, address, undefined, { cause: error });
    }
}
