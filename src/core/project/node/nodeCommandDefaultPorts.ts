/** What a server CLI listens on when its command line sets no port: tool → subcommand ("" for none) → port. */
const COMMAND_DEFAULT_PORTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
    next: { start: 3000, dev: 3000 },
    nuxt: { start: 3000, preview: 3000, dev: 3000 },
    nuxi: { start: 3000, preview: 3000, dev: 3000 },
    'remix-serve': { '': 3000 },
    'react-router-serve': { '': 3000 },
    astro: { preview: 4321, dev: 4321 },
    vite: { preview: 4173, '': 5173, dev: 5173, serve: 5173 },
    'react-scripts': { start: 3000 },
    ng: { serve: 4200 },
    gatsby: { serve: 9000, develop: 8000 },
    strapi: { start: 1337, develop: 1337 },
    serve: { '': 3000 },
    'http-server': { '': 8080 },
    'webpack-dev-server': { '': 8080 },
    webpack: { serve: 8080 },
    // fastify-cli: PORT, else 3000.
    fastify: { start: 3000 },
};

/** The default port of a server command (words after env/npx prefixes), with a `how` text; null when unknown. */
export function nodeCommandDefaultPort(
    words: readonly string[],
): { readonly port: number; readonly how: string } | null {
    const [tool, subcommand] = words;
    const table = tool === undefined ? undefined : COMMAND_DEFAULT_PORTS[tool];
    if (!tool || !table) {
        return null;
    }
    // A word the table does not know is an operand (remix-serve ./build/server/index.js), not a subcommand.
    const key = subcommand !== undefined && subcommand in table ? subcommand : '';
    const port = table[key];
    return port === undefined ? null : { port, how: `${key === '' ? tool : `${tool} ${key}`} default port` };
}
