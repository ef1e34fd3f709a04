import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reconcileRuntimes } from '../../../../src/core/snapshot/reconcileRuntimes';
import type { RuntimeDeclaration, RuntimeFacts } from '../../../../src/core/snapshot/Snapshot';

const pin = (file: string, line: number, source: string, raw: string, range: string | null): RuntimeDeclaration => ({
    file,
    line,
    source,
    raw,
    range,
});
const installed = (version: string, manager = 'system'): RuntimeFacts['installed'] => ({
    version,
    path: '/usr/bin/x',
    manager,
});

describe('reconcileRuntimes', () => {
    it("flags an installed node that a pin does not allow, on the pin's line, with a one-line fix for .nvmrc", () => {
        const findings = reconcileRuntimes({
            node: {
                declared: [
                    pin('.nvmrc', 1, '.nvmrc', '18', '18.x'),
                    pin('package.json', 6, 'package.json#engines.node', '>=18', '>=18'),
                ],
                installed: installed('20.20.2', 'nvm'),
            },
        });
        assert.equal(findings.length, 1);
        const [finding] = findings;
        assert.equal(finding?.facet, 'runtimes');
        assert.equal(finding?.rule, 'runtime.unsatisfied');
        assert.equal(finding?.key, 'node');
        assert.equal(finding?.from, '20.20.2');
        assert.equal(finding?.to, '18');
        assert.equal(finding?.message, '.nvmrc asks for node 18 (18.x), but node 20.20.2 runs here (from nvm).');
        assert.deepEqual(finding?.fix, [
            {
                description: 'Pin .nvmrc to 20, the node that runs here.',
                side: 'from',
                at: { file: '.nvmrc', line: 1 },
                replaceLineWith: '20',
            },
        ]);
    });

    it('reports pins that cannot both hold: .nvmrc 18 against engines >=20', () => {
        const findings = reconcileRuntimes({
            node: {
                declared: [
                    pin('.nvmrc', 1, '.nvmrc', '18', '18.x'),
                    pin('package.json', 5, 'package.json#engines.node', '>=20', '>=20'),
                ],
                installed: installed('20.20.2'),
            },
        });
        const conflict = findings.find((finding) => finding.message.includes('pins disagree'));
        assert.ok(conflict, JSON.stringify(findings));
        assert.deepEqual(conflict.fix?.[0]?.at, { file: 'package.json', line: 5 });
        assert.match(conflict.message, /\.nvmrc \(\.nvmrc:1\) says 18, package\.json#engines\.node says >=20/);
        assert.equal(
            findings.filter((finding) => finding.message.includes('runs here')).length,
            1,
            'and 20.20.2 breaks only the .nvmrc pin',
        );
    });

    it('keeps the precision of the pin in the fix: v18.19.0 becomes v20.20.2', () => {
        const [finding] = reconcileRuntimes({
            node: { declared: [pin('.nvmrc', 1, '.nvmrc', 'v18.19.0', '18.19.0')], installed: installed('20.20.2') },
        });
        assert.equal(finding?.fix?.[0]?.replaceLineWith, 'v20.20.2');
    });

    it('judges python with PEP 440, including wildcard pins', () => {
        const findings = reconcileRuntimes({
            python: {
                declared: [
                    pin('.python-version', 1, '.python-version', '3.9', '==3.9.*'),
                    pin('pyproject.toml', 4, 'pyproject.toml#requires-python', '>=3.11', '>=3.11'),
                ],
                installed: installed('3.11.7', 'pyenv'),
            },
        });
        assert.deepEqual(
            findings.map((finding) => [finding.fix?.[0]?.at.file, finding.message.includes('pins disagree')]).sort(),
            [
                ['.python-version', false],
                ['pyproject.toml', true],
            ],
        );
    });

    it('judges java by feature release and go by minimum version', () => {
        assert.equal(
            reconcileRuntimes({
                java: {
                    declared: [pin('pom.xml', 12, 'pom.xml#maven.compiler.release', '21', '21')],
                    installed: installed('17.0.15'),
                },
            }).length,
            1,
        );
        assert.equal(
            reconcileRuntimes({
                java: {
                    declared: [pin('.java-version', 1, '.java-version', '17', '17')],
                    installed: installed('17.0.15'),
                },
            }).length,
            0,
        );
        assert.equal(
            reconcileRuntimes({
                go: { declared: [pin('go.mod', 3, 'go.mod#go', '1.19', '>=1.19')], installed: installed('1.19.8') },
            }).length,
            0,
        );
        assert.equal(
            reconcileRuntimes({
                go: { declared: [pin('go.mod', 3, 'go.mod#go', '1.22', '>=1.22')], installed: installed('1.19.8') },
            }).length,
            1,
        );
    });

    it('a pinned runtime that is not installed is a finding, not an exception', () => {
        const [finding] = reconcileRuntimes({
            ruby: { declared: [pin('.ruby-version', 1, '.ruby-version', '3.3.0', '3.3.0')], installed: null },
        });
        assert.equal(finding?.from, null);
        assert.equal(finding?.message, '.ruby-version asks for ruby 3.3.0, but ruby is not installed here.');
    });

    it('says nothing about pins it cannot read, or runtimes nobody pinned', () => {
        assert.deepEqual(
            reconcileRuntimes({
                node: { declared: [pin('.nvmrc', 1, '.nvmrc', 'system', null)], installed: installed('20.20.2') },
            }),
            [],
        );
        assert.deepEqual(reconcileRuntimes({ node: { declared: [], installed: null } }), []);
    });
});
