import { DockerfileParser, type Env } from 'dockerfile-ast';

/** The lines of a Dockerfile's final stage that fixes point at; lines are 1-based. */
export interface DockerfileFacts {
    readonly file: string;
    readonly lines: readonly string[];
    /** The FROM of the stage the app runs in, with the tag's columns on its line for rewriting. */
    readonly from: {
        readonly line: number;
        readonly image: string;
        readonly name: string | null;
        readonly tag: string | null;
        readonly tagColumns: readonly [number, number] | null;
    } | null;
    /** ENV name → the line that sets it last in that stage. */
    readonly env: ReadonlyMap<string, number>;
    readonly user: number | null;
    readonly expose: number | null;
}

/**
 * Reads a Dockerfile with dockerfile-ast (continuations, comments and `AS` handled). The stage is the one
 * whose FROM names `baseImage` when given (Parity's plan knows it), else the last one — the image that runs.
 */
export function readDockerfileFacts(file: string, text: string, baseImage?: string): DockerfileFacts {
    const dockerfile = DockerfileParser.parse(text);
    const froms = dockerfile.getFROMs();
    const chosen = froms.find((from) => baseImage !== undefined && from.getImage() === baseImage) ?? froms.at(-1);
    const start = chosen?.getRange().start.line ?? 0;
    const next = froms.find((from) => from.getRange().start.line > start);
    const end = next?.getRange().start.line ?? Number.MAX_SAFE_INTEGER;
    const env = new Map<string, number>();
    let user: number | null = null;
    let expose: number | null = null;
    for (const instruction of dockerfile.getInstructions()) {
        const line = instruction.getRange().start.line;
        if (line < start || line >= end) {
            continue;
        }
        switch (instruction.getKeyword()) {
            case 'ENV':
                for (const property of (instruction as Env).getProperties()) {
                    env.set(property.getName(), line + 1);
                }
                break;
            case 'USER':
                user = line + 1;
                break;
            case 'EXPOSE':
                expose = line + 1;
                break;
            default:
                break;
        }
    }
    const tagRange = chosen?.getImageTagRange() ?? null;
    return {
        file,
        lines: text.split(/\r?\n/),
        from: chosen
            ? {
                  line: start + 1,
                  image: chosen.getImage() ?? '',
                  name: chosen.getImageName(),
                  tag: chosen.getImageTag(),
                  tagColumns:
                      tagRange && tagRange.start.line === start && tagRange.end.line === start
                          ? [tagRange.start.character, tagRange.end.character]
                          : null,
              }
            : null,
        env,
        user,
        expose,
    };
}
