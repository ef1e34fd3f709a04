import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseSnapshot } from '../../../../src/core/snapshot/parseSnapshot';
import { SnapshotValidationError } from '../../../../src/core/snapshot/SnapshotValidationError';
import { snapshotJsonSchema } from '../../../../scripts/schema/snapshotJsonSchema';
import { validSnapshot } from './validSnapshot';

const root = join(__dirname, '..', '..', '..', '..');

function problemOf(change: Record<string, unknown>): string {
    try {
        parseSnapshot(JSON.stringify({ ...validSnapshot, ...change }), 'prod.snapshot.json');
    } catch (error) {
        assert.ok(error instanceof SnapshotValidationError, String(error));
        return error.message;
    }
    return assert.fail('the snapshot was accepted');
}

describe('parseSnapshot', () => {
    it('reads a saved snapshot', () => {
        const snapshot = parseSnapshot(JSON.stringify(validSnapshot), 'prod.snapshot.json');
        assert.equal(snapshot.platform.libc.version, '2.36');
        assert.equal(snapshot.resources.cpus, 2);
    });

    it('names the file and the problem: not JSON, not an object, missing fields', () => {
        assert.throws(
            () => parseSnapshot('{ nope', 'a.json'),
            /^SnapshotValidationError: a\.json is not a snapshot: snapshot: is not JSON/,
        );
        assert.throws(
            () => parseSnapshot('[1, 2]', 'b.json'),
            /b\.json is not a valid Parity snapshot: snapshot: must be an object, not an array\./,
        );
        const partial: Record<string, unknown> = { ...validSnapshot };
        delete partial.limits;
        delete partial.certificates;
        assert.throws(
            () => parseSnapshot(JSON.stringify(partial), 'd.json'),
            /d\.json is not a valid Parity snapshot: limits: is missing; certificates: is missing\./,
        );
    });

    it('checks every field, not only the top level, and names each by its JSON path', () => {
        assert.match(
            problemOf({ limits: null }),
            /prod\.snapshot\.json is not a valid Parity snapshot: limits: must be an object, not null\./,
        );
        assert.match(
            problemOf({ user: { uid: '0', gid: 0, name: 'root', home: '/root' } }),
            /: user\.uid: must be an integer or null, not a string\./,
        );
        assert.match(
            problemOf({ user: { uid: 4294967296, gid: -1, name: null, home: null } }),
            /user\.uid: must be at most 4294967295; user\.gid: must be at least 0\./,
        );
        assert.match(
            problemOf({ limits: { nofile: { soft: 1.5, hard: -1 }, nproc: null } }),
            /limits\.nofile\.soft: must be an integer, not 1\.5; limits\.nofile\.hard: must be at least 0/,
        );
        assert.match(
            problemOf({ resources: { cpus: 1, memoryBytes: null, memoryLimitBytes: 2 ** 60 } }),
            /resources\.memoryLimitBytes: must be at most 9007199254740992/,
        );
        assert.match(
            problemOf({ app: { ...validSnapshot.app, ports: [{ value: 70000, how: 'x' }] } }),
            /app\.ports\[0\]\.value: must be at most 65535/,
        );
        assert.match(
            problemOf({ env: { 'A B': { sha256: 'x', secret: true, source: 'process' } } }),
            /env\["A B"\]\.sha256: must match/,
        );
        assert.match(
            problemOf({ platform: { ...validSnapshot.platform, arch: 'x'.repeat(5000) } }),
            /platform\.arch: must be at most 4096 characters long/,
        );
        assert.match(problemOf({ runtime: {} }), /runtime: is not a field Parity knows here/);
    });

    it('lists the first five problems and counts the rest', () => {
        assert.match(
            problemOf({
                meta: null,
                platform: null,
                locale: null,
                timezone: null,
                limits: null,
                resources: null,
                filesystem: null,
            }),
            /meta: must be an object, not null; platform: .*; limits: must be an object, not null \(and 2 more\)\.$/,
        );
    });

    it('a snapshot from a newer Parity says so; another schema version is not read', () => {
        assert.throws(
            () => parseSnapshot(JSON.stringify({ ...validSnapshot, schemaVersion: 2, limits: 'new shape' }), 'c.json'),
            /^SnapshotValidationError: c\.json was made by a newer Parity: schemaVersion: is 2; this Parity reads version 1, so update Parity to read it\.$/,
        );
        assert.match(problemOf({ schemaVersion: 0 }), /schemaVersion: must be 1/);
    });

    it('schemas/snapshot.schema.json is what `npm run schema` generates from the typebox schema', () => {
        assert.equal(
            readFileSync(join(root, 'schemas', 'snapshot.schema.json'), 'utf8'),
            snapshotJsonSchema(),
            'schemas/snapshot.schema.json is out of date: run npm run schema',
        );
    });
});
