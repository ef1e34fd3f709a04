import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../../core/writeFileAtomic';
import type { HostKeyProblem } from './HostKeyProblem';

/**
 * Records a host key the user chose to trust — what `ssh` does when you answer "yes": appends the key's
 * known_hosts line to the file it was checked against. Only an unknown key can be trusted this way; a changed
 * or revoked one is refused (its old line must be removed by hand, knowingly). Writes atomically; creates the
 * folder (mode 700, like ~/.ssh) when missing. Returns false when the line was there already.
 */
export async function trustHostKey(problem: HostKeyProblem): Promise<boolean> {
    if (problem.verdict !== 'unknown') {
        throw new Error(
            `The ssh host key of ${problem.host}:${problem.port} is ${problem.verdict === 'changed' ? 'a CHANGED key' : 'revoked'}; Parity will not trust it. Remove the old line from ${problem.knownHostsFile} yourself if you are sure.`,
        );
    }
    const current = await readFile(problem.knownHostsFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') {
            return '';
        }
        throw error;
    });
    if (current.split(/\r?\n/).some((line) => line.trim() === problem.knownHostsLine)) {
        return false;
    }
    await mkdir(dirname(problem.knownHostsFile), { recursive: true, mode: 0o700 });
    const separator = current === '' || current.endsWith('\n') ? '' : '\n';
    await writeFileAtomic(problem.knownHostsFile, `${current}${separator}${problem.knownHostsLine}\n`);
    return true;
}
