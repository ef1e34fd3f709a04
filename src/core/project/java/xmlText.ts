/** XML with comments blanked out (newlines kept, so offsets and lines stay true). */
export function withoutXmlComments(text: string): string {
    return blankDelimited(text, '<!--', '-->');
}

/** Blanks every `open … close` span (an unclosed one to the end), keeping newlines; linear in the text. */
export function blankDelimited(text: string, open: string, close: string): string {
    const parts: string[] = [];
    let position = 0;
    for (let start = text.indexOf(open); start !== -1; start = text.indexOf(open, position)) {
        const found = text.indexOf(close, start + open.length);
        const end = found === -1 ? text.length : found + close.length;
        parts.push(text.slice(position, start), text.slice(start, end).replace(/[^\n]/g, ' '));
        position = end;
    }
    parts.push(text.slice(position));
    return parts.join('');
}

export interface XmlElement {
    readonly name: string;
    readonly value: string;
    /** Offset of the element's start tag. */
    readonly offset: number;
}

/** Simple `<name>text</name>` elements inside `text`, in order; offsets are relative to `base`. */
export function simpleElements(text: string, base = 0): XmlElement[] {
    return [...text.matchAll(/<([\w.-]+)>([^<]*)<\/\1>/g)].map((match) => ({
        name: match[1] ?? '',
        value: (match[2] ?? '').trim(),
        offset: base + match.index,
    }));
}

/** The spans of `<tag>…</tag>` blocks (not nested in one another), start tag offset to end of the end tag. */
export function blocks(text: string, tag: string): { start: number; end: number; body: string; bodyStart: number }[] {
    const found: { start: number; end: number; body: string; bodyStart: number }[] = [];
    const open = new RegExp(`<${tag}(?:\\s[^<>]*)?>`, 'g');
    for (let match = open.exec(text); match; match = open.exec(text)) {
        const bodyStart = match.index + match[0].length;
        const close = text.indexOf(`</${tag}>`, bodyStart);
        if (close === -1) {
            break;
        }
        const end = close + tag.length + 3;
        found.push({ start: match.index, end, body: text.slice(bodyStart, close), bodyStart });
        open.lastIndex = end;
    }
    return found;
}

/**
 * The children of the root element (for a pom: groupId, artifactId, version, parent …) with their text when
 * they hold only text. A light scan, not a validating parser: enough for Maven's well-known layout.
 */
export function rootChildren(text: string): XmlElement[] {
    const children: XmlElement[] = [];
    let depth = 0;
    let open: { name: string; offset: number; contentStart: number; nested: boolean } | null = null;
    for (const match of text.matchAll(/<(\/?)([\w.:-]+)[^<>]*?(\/?)>/g)) {
        const [, closing, name = '', selfClosing] = match;
        if (closing) {
            depth -= 1;
            if (depth === 1 && open && open.name === name) {
                children.push({
                    name,
                    value: open.nested ? '' : text.slice(open.contentStart, match.index).trim(),
                    offset: open.offset,
                });
                open = null;
            }
        } else if (selfClosing) {
            if (depth === 1) {
                children.push({ name, value: '', offset: match.index });
            }
        } else {
            if (depth === 1) {
                open = { name, offset: match.index, contentStart: match.index + match[0].length, nested: false };
            } else if (depth > 1 && open) {
                open.nested = true;
            }
            depth += 1;
        }
    }
    return children;
}
