import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summaryFileRefs } from '../../../../src/core/snapshot/summaryFileRefs';

const SUMMARY = [
    'Snapshot of /x/y (host), 2026-12-05T05:00:00.000Z, 20 ms',
    'node        20.19.2 (nvm, /usr/bin/node) — declared: nvmrc 18 (.nvmrc:1), engines >=18 (package.json:5)',
    'App         start: node server.js (package.json:7) · ports 3000 (server.js:12)',
    'Timezone    Europe/Berlin (UTC+01:00)',
    '',
    'Findings:',
    '  error   .nvmrc:1  .nvmrc asks for node 18',
    '  warning Dockerfile:3  FROM pins another version',
].join('\n');

describe('summaryFileRefs', () => {
    it('finds each pin line the text summary names, where it sits', () => {
        const refs = summaryFileRefs(SUMMARY);
        assert.deepEqual(
            refs.map((ref) => `${ref.line}:${ref.file}:${ref.fileLine}`),
            ['1:.nvmrc:1', '1:package.json:5', '2:package.json:7', '2:server.js:12', '6:.nvmrc:1', '7:Dockerfile:3'],
        );
        const [first] = refs;
        assert.ok(first);
        assert.equal(SUMMARY.split('\n')[first.line]?.slice(first.start, first.end), '.nvmrc:1');
    });

    it('takes no time zone offset, timestamp or absolute path for a file', () => {
        assert.deepEqual(summaryFileRefs('Timezone UTC (UTC+01:00)\nat 05:00:00 (/usr/lib/x.js:3)'), []);
    });
});
