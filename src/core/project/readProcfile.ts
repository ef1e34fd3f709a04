import type { Fact } from '../snapshot/Snapshot';
import { joinPath, type ProjectFiles } from './ProjectFiles';
import { splitCommand } from './splitCommand';

export interface ProcfileProcess {
    readonly type: string;
    readonly command: Fact<readonly string[]>;
}

/** The processes of a Heroku-style Procfile (`type: command`), in file order; `web` is the one served. */
export async function readProcfile(files: ProjectFiles, dir = '.'): Promise<ProcfileProcess[]> {
    const file = await files.readText(joinPath(dir, 'Procfile'));
    if (!file) {
        return [];
    }
    const processes: ProcfileProcess[] = [];
    for (const [index, raw] of file.text.split(/\r?\n/).entries()) {
        if (raw.trim() === '' || raw.trim().startsWith('#')) {
            continue;
        }
        const match = /^\s*([A-Za-z0-9_-]+)\s*:\s*(.+)$/.exec(raw);
        if (!match?.[1] || !match[2]) {
            files.issues.add({
                severity: 'warning',
                message: `${file.path}:${index + 1} is not a "type: command" line.`,
                at: { file: file.path, line: index + 1 },
            });
            continue;
        }
        processes.push({
            type: match[1],
            command: {
                value: splitCommand(match[2]),
                at: { file: file.path, line: index + 1 },
                how: `Procfile ${match[1]} process`,
            },
        });
    }
    return processes;
}
