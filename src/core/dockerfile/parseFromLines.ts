/** A `FROM` instruction: where it is and what it names. */
export interface FromInstruction {
    /** Zero-based line of the `FROM` keyword. */
    readonly line: number;
    /** Zero-based columns of the image reference on that line. */
    readonly start: number;
    readonly end: number;
    readonly image: string;
    readonly alias?: string;
}

/**
 * Finds the FROM instructions of a Dockerfile. It understands comments, `--flag=value` options and
 * `AS name`; a FROM split over continuation lines is rare enough to be reported on its first line.
 */
export function parseFromLines(text: string): FromInstruction[] {
    const result: FromInstruction[] = [];
    const lines = text.split(/\r?\n/);
    for (const [index, line] of lines.entries()) {
        const match = /^(\s*FROM\s+)(.*)$/i.exec(line);
        if (!match?.[1] || match[2] === undefined) {
            continue;
        }
        let column = match[1].length;
        const words = match[2].split(/(\s+)/);
        const args: { text: string; column: number }[] = [];
        for (const word of words) {
            if (word.trim() !== '' && !word.startsWith('#')) {
                args.push({ text: word, column });
            }
            column += word.length;
        }
        const positional = args.filter((arg) => !arg.text.startsWith('--'));
        const image = positional[0];
        if (!image || image.text === '\\') {
            continue;
        }
        const alias = positional[1]?.text.toLowerCase() === 'as' ? positional[2]?.text : undefined;
        result.push({ line: index, start: image.column, end: image.column + image.text.length, image: image.text, ...(alias ? { alias } : {}) });
    }
    return result;
}
