import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findUnpinnedBaseImages } from '../../../../src/core/dockerfile/findUnpinnedBaseImages';
import { parseFromLines } from '../../../../src/core/dockerfile/parseFromLines';

describe('parseFromLines', () => {
    it('finds images with their columns, flags and aliases', () => {
        // A `#` after an instruction is not a comment in a Dockerfile (only at a line's start), so the second FROM has no trailing one.
        const text = '# base\nFROM --platform=linux/amd64 node:20.20.2-bookworm-slim AS build\nRUN npm ci\n  from build as test\n';
        assert.deepEqual(parseFromLines(text), [
            { line: 1, start: 28, end: 54, image: 'node:20.20.2-bookworm-slim', alias: 'build', platform: 'linux/amd64' },
            { line: 3, start: 7, end: 12, image: 'build', alias: 'test' },
        ]);
    });

    it('follows a FROM over a continuation line and honours the escape directive', () => {
        assert.deepEqual(parseFromLines('# escape=`\nFROM `\n  node:20 AS app\n'), [{ line: 2, start: 2, end: 9, image: 'node:20', alias: 'app' }]);
    });

    it('ignores a FROM with nothing after it', () => {
        assert.deepEqual(parseFromLines('FROM \nFROM\n'), []);
    });
});

describe('findUnpinnedBaseImages', () => {
    it('flags untagged and latest images, with a message naming them', () => {
        const found = findUnpinnedBaseImages('FROM node\nFROM python:latest\nFROM registry.local:5000/team/app\n');
        assert.deepEqual(found.map((item) => item.from.image), ['node', 'python:latest', 'registry.local:5000/team/app']);
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
        assert.deepEqual(findUnpinnedBaseImages(text), []);
    });
});
