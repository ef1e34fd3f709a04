import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver';
import { validSnapshot } from '../unit/core/snapshot/validSnapshot';
import { startTestServer } from './lspHarness';

const SNAPSHOT = join('.parity', 'local.snapshot.json');

/**
 * `.parity/local.snapshot.json` comes with the repository, so it is hostile input: whatever it is, the server
 * says in one diagnostic why it cannot use it (and logs it), runs the checks that need no snapshot, and keeps
 * answering.
 */
async function assertRefused(prepare: (file: string) => void, reason: RegExp): Promise<void> {
    const server = await startTestServer((root) => {
        mkdirSync(join(root, '.parity'));
        prepare(join(root, SNAPSHOT));
    });
    try {
        const uri = server.uri('Dockerfile');
        const { diagnostics } = await server.open('Dockerfile', 'FROM node\nCOPY . /app\n');
        const codes = diagnostics.map((diagnostic: Diagnostic) => diagnostic.code);
        assert.ok(
            codes.includes('unpinned-base-image') && codes.includes('parity.dockerignore'),
            JSON.stringify(codes),
        );
        const info = diagnostics.filter((diagnostic) => diagnostic.code === 'parity.no-snapshot');
        assert.equal(info.length, 1, JSON.stringify(codes));
        const message = info[0]?.message;
        assert.ok(typeof message === 'string', JSON.stringify(message));
        assert.match(message, /^The saved local snapshot cannot be used: /);
        assert.match(message, reason);
        assert.match(message, /parity snapshot --out \.parity\/local\.snapshot\.json/);
        assert.ok(
            server.logs.some((line) => line.level === 'warning' && reason.test(line.message)),
            JSON.stringify(server.logs),
        );
        // Still serving: a hover and the next edit's diagnostics.
        const hover = await server.client.sendRequest<Hover | null>('textDocument/hover', {
            textDocument: { uri },
            position: { line: 0, character: 1 },
        });
        assert.match(JSON.stringify(hover?.contents), /FROM/);
        await server.client.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: 'FROM node:20\n' }],
        });
        let next = await server.nextDiagnostics(uri);
        while (next.version !== 2) {
            next = await server.nextDiagnostics(uri);
        }
        assert.ok(!next.diagnostics.some((diagnostic) => diagnostic.code === 'unpinned-base-image'));
    } finally {
        server.dispose();
    }
}

describe('a hostile .parity/local.snapshot.json', () => {
    it('far larger than any snapshot: refused by its size, not read', async () => {
        await assertRefused((file) => {
            writeFileSync(file, '');
            // Sparse: 40 MB on paper, no disk used — the server must refuse it on the size alone.
            truncateSync(file, 40 * 1024 * 1024);
        }, /local\.snapshot\.json cannot be read: it is 40 MB, more than the 32 MB a file Parity wrote can be/);
    });

    it('not JSON at all', async () => {
        await assertRefused(
            (file) => writeFileSync(file, '{"schemaVersion": 1, "meta": {'),
            /local\.snapshot\.json is not a snapshot: snapshot: is not JSON/,
        );
    });

    it('JSON that is not a snapshot (a value where an object belongs, deep nesting)', async () => {
        await assertRefused(
            (file) => writeFileSync(file, `{"schemaVersion": 1, "meta": ${'['.repeat(5000)}${']'.repeat(5000)}}`),
            /local\.snapshot\.json is not a valid Parity snapshot: platform: is missing; runtimes: is missing/,
        );
    });

    it('binary bytes', async () => {
        await assertRefused(
            (file) => writeFileSync(file, Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x00, 0x22])),
            /is not JSON/,
        );
    });

    it('a link to a snapshot outside the workspace: not followed', async () => {
        const outside = mkdtempSync(join(tmpdir(), 'parity lsp outside '));
        try {
            writeFileSync(join(outside, 'local.snapshot.json'), JSON.stringify(validSnapshot));
            await assertRefused(
                (file) => symlinkSync(join(outside, 'local.snapshot.json'), file),
                /cannot be read: it is a link that leads out of the project/,
            );
        } finally {
            rmSync(outside, { recursive: true, force: true });
        }
    });

    it(
        'a link to a device (/dev/zero, endless): not followed',
        { skip: process.platform === 'win32' ? 'Windows has no /dev/zero' : false },
        async () => {
            await assertRefused(
                (file) => symlinkSync('/dev/zero', file),
                /cannot be read: it is a link that leads out of the project/,
            );
        },
    );

    it(
        'a named pipe (a read would wait forever): refused as not a file',
        { skip: process.platform === 'win32' ? 'Windows has no mkfifo' : false },
        async () => {
            await assertRefused((file) => execFileSync('mkfifo', [file]), /cannot be read: it is not a regular file/);
        },
    );

    it('a folder', async () => {
        await assertRefused((file) => mkdirSync(file), /cannot be read: it is not a regular file/);
    });
});

describe('the last diff saved in .parity/last-diff.json', () => {
    it('its findings show on the lines their fixes point at; a malformed finding drops only itself', async () => {
        const finding = {
            facet: 'env',
            key: 'NODE_ENV',
            severity: 'warning',
            from: null,
            to: 'set',
            rule: 'env.missing',
            message: 'NODE_ENV is set here but missing on the target.',
            fix: [
                {
                    description: 'Set NODE_ENV in the image',
                    side: 'to',
                    at: { file: 'Dockerfile', line: 2 },
                    replaceLineWith: 'ENV NODE_ENV=production',
                },
            ],
        };
        const malformed = {
            ...finding,
            key: 'BROKEN',
            fix: [{ description: 'no place', at: { file: 'Dockerfile', line: 'two' } }],
        };
        const server = await startTestServer((root) => {
            mkdirSync(join(root, '.parity'));
            writeFileSync(
                join(root, '.parity', 'last-diff.json'),
                JSON.stringify({
                    reportVersion: 1,
                    findings: [malformed, finding, 'not a finding'],
                    counts: { error: 0, warning: 2, info: 0 },
                    ignored: 0,
                    unknown: [],
                }),
            );
        });
        try {
            const { diagnostics } = await server.open('Dockerfile', 'FROM node:20\nWORKDIR /app\nUSER node\n');
            const fromDiff = diagnostics.filter((diagnostic) => diagnostic.code === 'env.missing');
            assert.equal(fromDiff.length, 1, JSON.stringify(diagnostics));
            assert.equal(fromDiff[0]?.range.start.line, 1);
            assert.match(JSON.stringify(fromDiff[0]?.message), /NODE_ENV is set here but missing on the target/);
        } finally {
            server.dispose();
        }
    });

    it('a file that is no report is logged and ignored', async () => {
        const server = await startTestServer((root) => {
            mkdirSync(join(root, '.parity'));
            writeFileSync(join(root, '.parity', 'last-diff.json'), '{"findings": 7}');
        });
        try {
            const { diagnostics } = await server.open('Dockerfile', 'FROM node\n');
            assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'unpinned-base-image'));
            assert.ok(
                server.logs.some(
                    (line) =>
                        line.level === 'warning' && /last-diff\.json: is not a Parity diff report/.test(line.message),
                ),
                JSON.stringify(server.logs),
            );
        } finally {
            server.dispose();
        }
    });
});
