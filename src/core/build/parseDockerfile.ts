/** One instruction of a Dockerfile, with where it is. */
export interface DockerfileInstruction {
    /** Upper case: RUN, COPY, FROM, … */
    readonly keyword: string;
    /** Everything after the keyword, continuation lines joined the way the builders print them. */
    readonly args: string;
    /** 1-based line of the keyword, and of the instruction's last line. */
    readonly line: number;
    readonly endLine: number;
    /** Index of the stage it belongs to; -1 for the ARGs before the first FROM. */
    readonly stage: number;
}

export interface DockerfileStage {
    readonly index: number;
    /** The `AS` name, lower case (as BuildKit treats stage names); absent for unnamed stages. */
    readonly name?: string;
    /** The base image as written (ARGs not expanded). */
    readonly image: string;
    readonly line: number;
}

export interface ParsedDockerfile {
    readonly instructions: readonly DockerfileInstruction[];
    readonly stages: readonly DockerfileStage[];
    /** Defaults of the ARGs declared before the first FROM (they may be used in FROM lines). */
    readonly metaArgs: ReadonlyMap<string, string>;
}

/**
 * Splits a Dockerfile into instructions the way BuildKit's parser does, keeping line numbers: the
 * `escape` parser directive, continuation lines (the escape character at the end of a line, trailing
 * blanks allowed), comment and blank lines inside a continuation skipped, and here-documents
 * (`RUN <<EOF … EOF`) treated as part of their instruction. Never throws: unknown text is an instruction
 * with an unknown keyword, as the engine will report it.
 */
export function parseDockerfile(text: string): ParsedDockerfile {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const escape = escapeDirective(lines);
    const continuation = new RegExp(`${escapeRegExp(escape)}[ \\t]*$`);
    const instructions: DockerfileInstruction[] = [];
    const stages: DockerfileStage[] = [];
    const metaArgs = new Map<string, string>();
    let i = 0;
    while (i < lines.length) {
        const first = lines[i] ?? '';
        const startLine = i + 1;
        i++;
        if (first.trim() === '' || first.trimStart().startsWith('#')) {
            continue;
        }
        let continued = continuation.test(first);
        let joined = first.replace(continuation, '');
        while (continued && i < lines.length) {
            const next = lines[i] ?? '';
            i++;
            if (next.trim() === '' || next.trimStart().startsWith('#')) {
                continue;
            }
            continued = continuation.test(next);
            joined += next.replace(continuation, '');
        }
        for (const terminator of heredocTerminators(joined)) {
            while (i < lines.length && (lines[i] ?? '').replace(/^\t+/, '') !== terminator) {
                i++;
            }
            i++;
        }
        const match = /^\s*(\S+)\s*(.*)$/s.exec(joined);
        if (!match) {
            continue;
        }
        const keyword = (match[1] ?? '').toUpperCase();
        const args = (match[2] ?? '').trimEnd();
        if (keyword === 'FROM') {
            stages.push(stageOf(args, stages.length, startLine));
        } else if (keyword === 'ARG' && stages.length === 0) {
            for (const [name, value] of argDefaults(args)) {
                metaArgs.set(name, value);
            }
        }
        instructions.push({ keyword, args, line: startLine, endLine: Math.min(i, lines.length), stage: stages.length - 1 });
    }
    return { instructions, stages, metaArgs };
}

/** Expands `$NAME` and `${NAME}` (with `:-`/`-` defaults) from the given values, as FROM lines do with ARGs. */
export function expandArgs(text: string, values: ReadonlyMap<string, string>): string {
    return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_all, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
        const value = values.get(braced ?? bare ?? '');
        return value === undefined || value === '' ? fallback ?? '' : value;
    });
}

function escapeDirective(lines: readonly string[]): string {
    for (const line of lines) {
        const directive = /^\s*#\s*([A-Za-z]+)\s*=\s*(\S*)\s*$/.exec(line);
        if (!directive) {
            break;
        }
        if (directive[1]?.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) {
            return directive[2];
        }
    }
    return '\\';
}

/** `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'` in a RUN/COPY/ADD line: each one's terminator, in order. */
function heredocTerminators(instruction: string): string[] {
    if (!/^\s*(RUN|COPY|ADD)\s/i.test(instruction)) {
        return [];
    }
    return [...instruction.matchAll(/<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g)].map((match) => match[2] ?? '');
}

function stageOf(args: string, index: number, line: number): DockerfileStage {
    const words = args.split(/\s+/).filter((word) => word !== '' && !word.startsWith('--'));
    const image = words[0] ?? '';
    const name = words[1]?.toLowerCase() === 'as' ? words[2]?.toLowerCase() : undefined;
    return { index, image, line, ...(name ? { name } : {}) };
}

function argDefaults(args: string): [string, string][] {
    const result: [string, string][] = [];
    for (const word of args.split(/\s+/)) {
        const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(word);
        if (match?.[1]) {
            result.push([match[1], unquote(match[2] ?? '')]);
        }
    }
    return result;
}

function unquote(value: string): string {
    return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
