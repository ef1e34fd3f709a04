import { DockerfileParser } from 'dockerfile-ast';

/**
 * Whether `position` is in a FROM line's image tag. dockerfile-language-service completes tags there by
 * asking Docker Hub, which would send the user's image names off the machine from their editor (and hang
 * where Docker Hub is out of reach): Parity answers those positions itself, without the network.
 */
export function inBaseImageTag(text: string, position: { readonly line: number; readonly character: number }): boolean {
    return DockerfileParser.parse(text)
        .getFROMs()
        .some((from) => {
            const range = from.getImageTagRange() ?? from.getImageNameRange();
            return (
                range !== null &&
                range.start.line <= position.line &&
                position.line <= range.end.line &&
                (position.line !== range.start.line || position.character >= range.start.character) &&
                (position.line !== range.end.line || position.character <= range.end.character + 1)
            );
        });
}
