import { execFileSync } from 'node:child_process';

/**
 * Asks the docker CLI, as an independent witness of what the engine reports. DOCKER_HOST is cleared
 * unless given, so a test that points Parity elsewhere still asks the test bed's engine.
 */
export function dockerCli(
    args: readonly string[],
    env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: '' },
): string {
    return execFileSync('docker', [...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}
