import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver';
import type { Snapshot } from '../../src/core/snapshot/Snapshot';
import { validSnapshot } from '../unit/core/snapshot/validSnapshot';
import { startTestServer, type TestServer } from './lspHarness';

const installed = (version: string): NonNullable<Snapshot['runtimes']['node']> => ({
    declared: [],
    installed: { version, path: null, manager: 'system' },
});

/** Node 20.11.1, Python 3.11.4 and Go 1.22.1 here; Node 22.3.0 on the target. */
const local: Snapshot = {
    ...validSnapshot,
    runtimes: { node: installed('20.11.1'), python: installed('3.11.4'), go: installed('1.22.1') },
};
const target: Snapshot = {
    ...validSnapshot,
    meta: { ...validSnapshot.meta, source: { kind: 'container', ref: 'prod-web' } },
    runtimes: { node: installed('22.3.0') },
};

const pinDiagnostics = (diagnostics: readonly Diagnostic[], code: string): Diagnostic[] =>
    diagnostics.filter((diagnostic) => diagnostic.code === code);

/** Every pin file the issue names, over the LSP connection: the declared version against here and the target. */
describe("pin files against the installed and the target's versions", () => {
    let server: TestServer;
    before(async () => {
        server = await startTestServer((root) => {
            mkdirSync(join(root, '.parity'));
            writeFileSync(join(root, '.parity', 'local.snapshot.json'), JSON.stringify(local));
        });
        await server.client.sendNotification('parity/snapshot', { role: 'target', snapshot: target });
    });
    after(() => server.dispose());

    const cases: { file: string; languageId: string; text: string; line: number; local: RegExp; target?: RegExp }[] = [
        {
            file: '.node-version',
            languageId: 'plaintext',
            text: '18\n',
            line: 0,
            local: /asks for node 18.*20\.11\.1 runs here/,
            target: /22\.3\.0/,
        },
        {
            file: 'package.json',
            languageId: 'json',
            text: '{\n  "name": "app",\n  "engines": { "node": ">=22" }\n}\n',
            line: 2,
            local: /node >=22.*20\.11\.1 runs here/,
        },
        {
            file: '.python-version',
            languageId: 'plaintext',
            text: '3.12\n',
            line: 0,
            local: /python 3\.12.*3\.11\.4 runs here/,
            target: /python 3\.12.*not installed on the target/,
        },
        {
            file: 'go.mod',
            languageId: 'go.mod',
            text: 'module example.com/app\n\ngo 1.23\n',
            line: 2,
            local: /go 1\.23.*1\.22\.1 runs here/,
        },
        {
            file: '.tool-versions',
            languageId: 'plaintext',
            text: 'python 3.11.4\nnodejs 18.19.0\n',
            line: 1,
            local: /node 18\.19\.0.*20\.11\.1 runs here/,
            target: /node 18\.19\.0.*22\.3\.0/,
        },
    ];
    for (const pin of cases) {
        it(`${pin.file}: flagged on the line that declares it`, async () => {
            const { diagnostics } = await server.open(pin.file, pin.text, pin.languageId);
            const here = pinDiagnostics(diagnostics, 'parity.pin-local');
            assert.equal(here.length, 1, JSON.stringify(diagnostics));
            assert.equal(here[0]?.range.start.line, pin.line);
            assert.match(JSON.stringify(here[0]?.message), pin.local);
            if (pin.target) {
                const there = pinDiagnostics(diagnostics, 'parity.pin-target');
                assert.ok(
                    there.some((diagnostic) => pin.target!.test(JSON.stringify(diagnostic.message))),
                    JSON.stringify(there),
                );
            }
            const hover = await server.client.sendRequest<Hover | null>('textDocument/hover', {
                textDocument: { uri: server.uri(pin.file) },
                position: { line: pin.line, character: 1 },
            });
            assert.match(JSON.stringify(hover?.contents), /local: /, `no hover on ${pin.file}`);
        });
    }

    it('a declaration that agrees with what runs here is not flagged', async () => {
        const { diagnostics } = await server.open('api/.nvmrc', '20\n', 'plaintext');
        assert.deepEqual(pinDiagnostics(diagnostics, 'parity.pin-local'), []);
    });
});
