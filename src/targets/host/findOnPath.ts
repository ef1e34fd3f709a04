import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first executable file named `command` on PATH, as a shell would find it; undefined when none. */
export function findOnPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
    const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
    for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
        for (const extension of extensions) {
            const candidate = join(dir, command + extension);
            if (dir !== '' && existsSync(candidate) && statSync(candidate).isFile()) {
                return candidate;
            }
        }
    }
    return undefined;
}
