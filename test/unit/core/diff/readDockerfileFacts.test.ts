import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { envFileKeys } from '../../../../src/core/diff/envFileKeys';
import { readDockerfileFacts } from '../../../../src/core/diff/readDockerfileFacts';

const TEXT = [
    '# syntax=docker/dockerfile:1',
    'FROM --platform=$BUILDPLATFORM node:20.11.1 AS deps',
    'ENV CI=1',
    'FROM node:20.11.1-slim',
    'ENV NODE_ENV=production \\',
    '    LANG=C.UTF-8',
    'USER node',
    'EXPOSE 3000',
].join('\n');

describe('readDockerfileFacts', () => {
    it("reads the last stage: its FROM with the tag's columns, ENV names (continuations too), USER and EXPOSE", () => {
        const facts = readDockerfileFacts('Dockerfile', TEXT);
        assert.deepEqual(facts.from, {
            line: 4,
            image: 'node:20.11.1-slim',
            name: 'node',
            tag: '20.11.1-slim',
            tagColumns: [10, 22],
        });
        assert.deepEqual(
            [...facts.env],
            [
                ['NODE_ENV', 5],
                ['LANG', 5],
            ],
        );
        assert.deepEqual([facts.user, facts.expose], [7, 8]);
    });

    it("reads the stage of the plan's base image when named", () => {
        const facts = readDockerfileFacts('Dockerfile', TEXT, 'node:20.11.1');
        assert.equal(facts.from?.line, 2);
        assert.deepEqual([...facts.env], [['CI', 3]]);
        assert.equal(facts.user, null);
    });

    it('an empty or FROM-less file has nothing to point at', () => {
        assert.equal(readDockerfileFacts('Dockerfile', '').from, null);
        assert.equal(readDockerfileFacts('Dockerfile', 'RUN true\n').from, null);
    });
});

describe('envFileKeys', () => {
    it('keys with their lines; comments, blanks and values are skipped, the first of a repeated key kept', () => {
        assert.deepEqual(
            [...envFileKeys('# c\n\nA=1\nexport B = "x=y"\nA=2\nnot a key\n')],
            [
                ['A', 3],
                ['B', 4],
            ],
        );
    });
});
