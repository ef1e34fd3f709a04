import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixTitle } from '../../../../src/vscode/diff/fixTitle';
import { lineEditForFix } from '../../../../src/vscode/diff/lineEditForFix';

const pin = {
    description: 'Pin the image to node 20.11.1.',
    side: 'to',
    at: { file: 'Dockerfile', line: 2 },
    replaceLineWith: 'FROM node:20.11.1-bookworm-slim',
} as const;
const goto = { description: 'Set it in .env.', side: 'to', at: { file: '.env', line: 3 } } as const;

describe('fixTitle', () => {
    it('"Apply fix: …" when Parity knows the new line', () => {
        assert.equal(fixTitle(pin), 'Apply fix: Pin the image to node 20.11.1.');
    });

    it('"Go to FILE:LINE — …" when the user edits it', () => {
        assert.equal(fixTitle(goto), 'Go to .env:3 — Set it in .env.');
    });
});

describe('lineEditForFix', () => {
    const dockerfile = ['# app', 'FROM node:22.3.0-bookworm-slim', 'WORKDIR /app'];

    it('replaces the whole 1-based line: 0-based line, its old length, the new text', () => {
        assert.deepEqual(lineEditForFix(pin, dockerfile), {
            line: 1,
            length: 'FROM node:22.3.0-bookworm-slim'.length,
            newText: 'FROM node:20.11.1-bookworm-slim',
        });
    });

    it('nothing without a new line, past the end of the file, or when the line already reads so', () => {
        assert.equal(lineEditForFix(goto, ['A=1', 'B=2', 'C=3']), undefined);
        assert.equal(lineEditForFix({ ...pin, at: { file: 'Dockerfile', line: 9 } }, dockerfile), undefined);
        assert.equal(lineEditForFix({ ...pin, at: { file: 'Dockerfile', line: 0 } }, dockerfile), undefined);
        assert.equal(lineEditForFix(pin, ['# app', 'FROM node:20.11.1-bookworm-slim']), undefined);
    });
});
