import { execFileSync } from 'node:child_process';

/** Asks the docker CLI, as an independent witness of what the engine reports. */
export function dockerCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
    return execFileSync('docker', [...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}
