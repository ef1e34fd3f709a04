import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPortsInSource } from '../../../../../src/core/project/node/findPortsInSource';
import { nodeCommandDefaultPort } from '../../../../../src/core/project/node/nodeCommandDefaultPorts';

const scan = (text: string): { value: number; line: number | undefined; how: string }[] =>
    findPortsInSource({ path: 'src/server.js', text }).map((fact) => ({
        value: fact.value,
        line: fact.at?.line,
        how: fact.how,
    }));

describe('findPortsInSource', () => {
    it('finds the fallback of process.env.PORT in its usual spellings', () => {
        assert.deepEqual(scan('const port = process.env.PORT || 3000;\n'), [
            { value: 3000, line: 1, how: 'process.env.PORT fallback in src/server.js' },
        ]);
        assert.deepEqual(
            scan("\nconst port = Number(process.env.PORT ?? '8080');\n").map((port) => [port.value, port.line]),
            [[8080, 2]],
        );
        assert.deepEqual(
            scan("const port = parseInt(process.env['PORT'], 10) || 4000;").map((port) => port.value),
            [4000],
        );
        assert.deepEqual(
            scan('const { PORT = 5000, HOST } = process.env;').map((port) => [port.value, port.how]),
            [[5000, 'PORT default in src/server.js']],
        );
    });

    it('finds literal listen and serve ports, across lines', () => {
        assert.deepEqual(scan('app.listen(8080, () => {});'), [
            { value: 8080, line: 1, how: 'listen(…) in src/server.js' },
        ]);
        assert.deepEqual(scan('await fastify.listen({\n  host: "0.0.0.0",\n  port: 3000,\n});\n'), [
            { value: 3000, line: 3, how: 'listen({ port }) in src/server.js' },
        ]);
        assert.deepEqual(
            scan('serve({ fetch: app.fetch, port: 8787 });').map((port) => port.value),
            [8787],
        );
        assert.deepEqual(
            scan('Bun.serve({ port: 3001, fetch() { return new Response("ok"); } });').map((port) => port.value),
            [3001],
        );
    });

    it('counts port constants only in files that start a server', () => {
        assert.deepEqual(scan('const PORT = 8080;\napp.listen(PORT);\n'), [
            { value: 8080, line: 1, how: 'port constant in src/server.js' },
        ]);
        assert.deepEqual(scan('export const port = 5432;\n'), []);
    });

    it('ignores comments but not URLs', () => {
        assert.deepEqual(
            scan(
                '// app.listen(9999)\n/* server.listen(7777) */\nconst url = "http://localhost:3000"; app.listen(4000);\n',
            ),
            [{ value: 4000, line: 3, how: 'listen(…) in src/server.js' }],
        );
    });

    it('does not take comment markers inside strings for comments', () => {
        const text =
            "app.post('/upload', express.raw({ type: 'image/*' }), handler);\nconst banner = `// ${name}`;\napp.listen(8443);\n";
        assert.deepEqual(
            scan(text).map((port) => [port.value, port.line]),
            [[8443, 3]],
        );
        assert.deepEqual(
            scan('/* an unclosed comment app.listen(1234)\n').map((port) => port.value),
            [],
        );
    });

    it('reports each port once, at its first place, in file order', () => {
        assert.deepEqual(
            scan('const port = process.env.PORT || 3000;\napp.listen(3000);\nadmin.listen(9090);\n').map((port) => [
                port.value,
                port.line,
            ]),
            [
                [3000, 1],
                [9090, 3],
            ],
        );
    });
});

describe('nodeCommandDefaultPort', () => {
    it('knows the default ports of server CLIs', () => {
        assert.deepEqual(nodeCommandDefaultPort(['next', 'start']), { port: 3000, how: 'next start default port' });
        assert.deepEqual(nodeCommandDefaultPort(['vite', 'preview']), { port: 4173, how: 'vite preview default port' });
        assert.deepEqual(nodeCommandDefaultPort(['vite']), { port: 5173, how: 'vite default port' });
        assert.deepEqual(nodeCommandDefaultPort(['vite', '--host']), { port: 5173, how: 'vite default port' });
        assert.deepEqual(nodeCommandDefaultPort(['astro', 'preview']), {
            port: 4321,
            how: 'astro preview default port',
        });
        assert.deepEqual(nodeCommandDefaultPort(['remix-serve', './build/server/index.js']), {
            port: 3000,
            how: 'remix-serve default port',
        });
        assert.equal(nodeCommandDefaultPort(['node', 'server.js']), null);
        assert.equal(nodeCommandDefaultPort(['next', 'build']), null);
    });
});
