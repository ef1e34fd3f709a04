import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDockerfileModel } from '../../../../src/core/dockerfile/DockerfileModel';
import { findUnpinnedBaseImages } from '../../../../src/core/dockerfile/findUnpinnedBaseImages';

const unpinned = (text: string) => findUnpinnedBaseImages(readDockerfileModel(text));

describe('readDockerfileModel FROM lines', () => {
    it('finds images with their spans, flags and aliases', () => {
        // A `#` after an instruction is not a comment in a Dockerfile (only at a line's start), so the second FROM has none.
        const { froms } = readDockerfileModel(
            '# base\nFROM --platform=linux/amd64 node:20.20.2-bookworm-slim AS build\nRUN npm ci\n  from build as test\n',
        );
        assert.deepEqual(
            froms.map((from) => [
                from.image?.text,
                from.image?.span.start,
                from.image?.span.end.character,
                from.alias,
                from.platform?.text,
                from.isStage,
            ]),
            [
                ['node:20.20.2-bookworm-slim', { line: 1, character: 28 }, 54, 'build', 'linux/amd64', false],
                ['build', { line: 3, character: 7 }, 12, 'test', undefined, true],
            ],
        );
    });

    it('follows a FROM over a continuation line and honours the escape directive; a bare FROM has no image', () => {
        const { froms } = readDockerfileModel('# escape=`\nFROM `\n  node:20 AS app\nFROM\n');
        assert.deepEqual(
            froms.map((from) => [from.image?.text, from.image?.span.start]),
            [
                ['node:20', { line: 2, character: 2 }],
                [undefined, undefined],
            ],
        );
    });
});

describe('findUnpinnedBaseImages', () => {
    it('flags untagged and latest images, with a message naming them', () => {
        const found = unpinned('FROM node\nFROM python:latest\nFROM registry.local:5000/team/app\n');
        assert.deepEqual(
            found.map((item) => item.key),
            ['unpinned:node', 'unpinned:python:latest', 'unpinned:registry.local:5000/team/app'],
        );
        assert.match(found[0]?.message ?? '', /node has no tag/);
        assert.match(found[1]?.message ?? '', /"latest" changes under you/);
    });

    it('leaves pinned images, digests, stages, scratch and ARG images alone', () => {
        const text = [
            'ARG BASE=node:20',
            'FROM node:20.20.2-bookworm-slim AS deps',
            'FROM deps AS build',
            'FROM ${BASE}',
            'FROM debian@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
            'FROM scratch',
            'FROM registry.local:5000/team/app:1.2.3',
        ].join('\n');
        assert.deepEqual(unpinned(text), []);
    });
});
