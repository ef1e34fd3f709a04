import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lockedPythonPackages } from '../../../../../src/core/project/python/lockedPythonPackages';
import { pythonNativeDependencies } from '../../../../../src/core/project/python/pythonNativeDependencies';

describe('lockedPythonPackages', () => {
    it('poetry.lock / uv.lock: name under [[package]] only, canonical', () => {
        const text =
            '[[package]]\nname = "Django"\nversion = "5.0"\n\n[package.dependencies]\nname = "not-a-package"\n\n[[package]]\nname = "psycopg2"\n';
        assert.deepEqual(
            [...lockedPythonPackages('poetry.lock', text)],
            [
                ['django', 2],
                ['psycopg2', 9],
            ],
        );
    });

    it('Pipfile.lock: the default section, never develop', () => {
        const text =
            '{\n    "_meta": {\n        "hash": {}\n    },\n    "default": {\n        "lxml": {\n            "version": "==5.2.2"\n        }\n    },\n    "develop": {\n        "mysqlclient": {}\n    }\n}\n';
        assert.deepEqual([...lockedPythonPackages('Pipfile.lock', text)], [['lxml', 6]]);
    });

    it('a native package only the lockfile names is found at its lockfile line', () => {
        const locked = [
            { file: 'uv.lock', packages: lockedPythonPackages('uv.lock', '[[package]]\nname = "mysqlclient"\n') },
        ];
        const facts = pythonNativeDependencies([], new Set(), locked);
        assert.deepEqual(
            facts.map((fact) => [fact.name, fact.declaredAt.file, fact.declaredAt.line]),
            [['mysqlclient', 'uv.lock', 2]],
        );
        assert.match(facts[0]?.reason ?? '', /locked as a dependency of another package/);
    });
});
