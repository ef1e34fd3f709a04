import { printable } from './printable';

/**
 * Text from a hostile snapshot or project made inert in GitHub-flavoured markdown, inside a table cell too:
 * HTML and markdown punctuation become character references, so a value cannot open a tag, a link, a code
 * span, emphasis or a new cell. Line breaks are already escapes (printable), so it cannot start a block.
 */
export function markdownText(text: string): string {
    return printable(text).replace(/[&<>"'`|\\*_[\]()~#!{}:@=+-]/gu, (char) => `&#${char.charCodeAt(0)};`);
}

/** A value as inline code: `<code>` rather than backticks, whose fences a value could close. */
export function markdownCode(text: string): string {
    return `<code>${markdownText(text)}</code>`;
}
