/** The 1-based line of a character offset in a text (offsets past the end count as the last line). */
export function lineAt(text: string, offset: number): number {
    let line = 1;
    const end = Math.min(offset, text.length);
    for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
        line += 1;
    }
    return line;
}
