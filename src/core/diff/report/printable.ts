/**
 * Text from a snapshot or a project file on one line, with nothing that can fake another line or hide
 * text: control characters, line and paragraph separators and bidirectional overrides ("trojan source")
 * become visible `\u{…}` escapes. Reports print keys and values from images someone else built.
 */
export function printable(text: string): string {
    return text.replace(
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu,
        (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`,
    );
}
