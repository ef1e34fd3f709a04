import { DockerfileParser } from 'dockerfile-ast';

/** A `FROM` instruction: where it is and what it names. */
export interface FromInstruction {
    /** Zero-based line of the image reference (the `FROM` keyword's, unless continued). */
    readonly line: number;
    /** Zero-based columns of the image reference on that line. */
    readonly start: number;
    readonly end: number;
    readonly image: string;
    readonly alias?: string;
    /** The `--platform` value as written, when given. */
    readonly platform?: string;
}

/**
 * The FROM instructions of a Dockerfile as dockerfile-ast reads them (escape directive, continuation
 * lines, flags, `AS name`). A FROM without an image is left out: the syntax check reports it.
 */
export function parseFromLines(text: string): FromInstruction[] {
    const result: FromInstruction[] = [];
    for (const from of DockerfileParser.parse(text).getFROMs()) {
        const image = from.getImage();
        const range = from.getImageRange();
        if (image === null || range === null) {
            continue;
        }
        const alias = from.getBuildStage() ?? undefined;
        const platform = from.getPlatformFlag()?.getValue() ?? undefined;
        result.push({ line: range.start.line, start: range.start.character, end: range.end.character, image, ...(alias ? { alias } : {}), ...(platform ? { platform } : {}) });
    }
    return result;
}
