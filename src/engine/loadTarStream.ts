type TarStream = typeof import('./lazy/tarStream');

/**
 * tar-stream's lazy bundle (dist/tarStream.js), loaded to pack a build context or read a container's files.
 * The CLI's ES module bundles see it as CommonJS: its exports arrive as the default export there.
 */
export async function loadTarStream(): Promise<TarStream> {
    const loaded: TarStream & { default?: TarStream } = await import('./lazy/tarStream');
    return loaded.default ?? loaded;
}
