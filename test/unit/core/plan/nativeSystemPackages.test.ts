import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nativeSystemPackages } from '../../../../src/core/plan/nativeSystemPackages';
import type { NativeDependencyFact } from '../../../../src/core/snapshot/Snapshot';

const fact = (
    name: string,
    needs: string[],
    ecosystem: NativeDependencyFact['ecosystem'] = 'python',
): NativeDependencyFact => ({ name, ecosystem, reason: 'test', needs, declaredAt: { file: 'poetry.lock', line: 7 } });
const debian = { distro: 'bookworm', libc: 'glibc' as const };

describe('nativeSystemPackages', () => {
    it('compilers and -dev packages to the build stage, their libraries to the final image', () => {
        const packages = nativeSystemPackages(
            [fact('psycopg2', ['libpq-dev', 'gcc']), fact('lxml', ['libxml2-dev', 'libxslt1-dev', 'gcc'])],
            'python',
            debian,
        );
        assert.deepEqual(packages?.build, ['gcc', 'libpq-dev', 'libxml2-dev', 'libxslt1-dev']);
        assert.deepEqual(packages?.runtime, ['libpq5', 'libxml2', 'libxslt1.1']);
        assert.equal(
            packages?.why[0],
            'psycopg2 (poetry.lock:7): builds with libpq-dev gcc; loads libpq5 at run time — test',
        );
    });

    it('a library loaded at run time only (psycopg 3) never reaches the build stage', () => {
        const packages = nativeSystemPackages([fact('psycopg', ['libpq5'])], 'python', debian);
        assert.deepEqual(packages?.build, []);
        assert.deepEqual(packages?.runtime, ['libpq5']);
    });

    it('only its own ecosystem, nothing when nothing is needed, nothing on musl (Alpine names differ)', () => {
        assert.equal(nativeSystemPackages([fact('pg', ['gcc', 'libpq-dev'], 'ruby')], 'python', debian), null);
        assert.equal(nativeSystemPackages([], 'node', debian), null);
        assert.equal(
            nativeSystemPackages([fact('psycopg2', ['libpq-dev'])], 'python', { distro: 'alpine3.20', libc: 'musl' }),
            null,
        );
    });
});
