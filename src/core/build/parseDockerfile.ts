import { Arg, DockerfileParser, From } from 'dockerfile-ast';

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
 * Splits a Dockerfile into instructions with their line numbers. dockerfile-ast (the parser behind the
 * established Dockerfile language server) decides what an instruction is — the `escape` parser directive,
 * continuation lines, comments inside them, here-documents (`RUN <<EOF … EOF`) — so the build, the language
 * server and the diff read one file the same way. Never throws: unknown text is an instruction with an
 * unknown keyword, as the engine will report it.
 */
export function parseDockerfile(text: string): ParsedDockerfile {
    const source = text.replace(/^\uFEFF/, '');
    const dockerfile = DockerfileParser.parse(source);
    const lines = source.split(/\r?\n/);
    const escape = dockerfile.getEscapeCharacter();
    const instructions: DockerfileInstruction[] = [];
    const stages: DockerfileStage[] = [];
    const metaArgs = new Map<string, string>();
    for (const instruction of dockerfile.getInstructions()) {
        const range = instruction.getRange();
        const keyword = instruction.getKeyword();
        // From the document, not getRawArgumentsContent(): that one leaves out the flags (`RUN --mount=…`).
        const keywordEnd = instruction.getInstructionRange().end;
        const raw = [
            lines[keywordEnd.line]?.slice(keywordEnd.character) ?? '',
            ...lines.slice(keywordEnd.line + 1, range.end.line + 1),
        ];
        const args = printedArgs(raw, escape);
        if (instruction instanceof From) {
            stages.push(stageOf(instruction, args, stages.length, range.start.line + 1));
        } else if (instruction instanceof Arg && stages.length === 0) {
            for (const property of instruction.getProperties()) {
                metaArgs.set(property.getName(), property.getUnescapedValue() ?? '');
            }
        }
        instructions.push({
            keyword,
            args,
            line: range.start.line + 1,
            endLine: range.end.line + 1,
            stage: stages.length - 1,
        });
    }
    return { instructions, stages, metaArgs };
}

/**
 * The arguments as builders print them in step names: continuation lines joined without their escape
 * character, comment and blank lines inside a continuation dropped, here-document bodies left out.
 */
function printedArgs(raw: readonly string[], escape: string): string {
    const continued = new RegExp(`${escapeRegExp(escape)}[ \\t]*$`);
    let printed = '';
    for (const [index, line] of raw.entries()) {
        if (index > 0 && (line.trim() === '' || line.trimStart().startsWith('#'))) {
            continue;
        }
        if (!continued.test(line)) {
            printed += line;
            break;
        }
        printed += line.replace(continued, '');
    }
    return printed.trim();
}

/** Expands `$NAME` and `${NAME}` (with `:-`/`-` defaults) from the given values, as FROM lines do with ARGs. */
export function expandArgs(text: string, values: ReadonlyMap<string, string>): string {
    return text.replace(
        /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
        (_all, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
            const value = values.get(braced ?? bare ?? '');
            return value === undefined || value === '' ? (fallback ?? '') : value;
        },
    );
}

function stageOf(from: From, args: string, index: number, line: number): DockerfileStage {
    const image = args.split(/\s+/).find((word) => word !== '' && !word.startsWith('--')) ?? '';
    const name = from.getBuildStage()?.toLowerCase();
    return { index, image, line, ...(name ? { name } : {}) };
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
