import { existsSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** The first executable file named `command` on PATH, as a shell would find it; undefined when none. */
export function findOnPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
    const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
    for (const dir of searchPath(env)) {
        for (const extension of extensions) {
            const candidate = join(dir, command + extension);
            if (existsSync(candidate) && statSync(candidate).isFile()) {
                return candidate;
            }
        }
    }
    return undefined;
}

/**
 * PATH's absolute folders. A relative or empty entry is resolved against the working folder — during a
 * snapshot, the project — so it would let a cloned repository put its own `python3` first; it is dropped.
 */
export function searchPath(env: NodeJS.ProcessEnv): string[] {
    return (env.PATH ?? env.Path ?? '').split(delimiter).filter((dir) => dir !== '' && isAbsolute(dir));
}
