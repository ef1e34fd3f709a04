import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findRunLenses } from '../../../../src/core/lens/findRunLenses';
import { projectRootFor } from '../../../../src/core/lens/projectRootFor';

describe('findRunLenses', () => {
    it('package.json: start, dev and serve scripts — not test or lint, not nested keys', () => {
        const text =
            '{\n  "name": "x",\n  "config": { "start": "no" },\n  "scripts": {\n    "test": "node --test",\n    "start": "node server.js",\n    "dev": "node --watch server.js"\n  },\n  "serve": 1\n}\n';
        assert.deepEqual(findRunLenses('/w/app/package.json', text), [
            { line: 5, kind: 'run', detail: 'start' },
            { line: 6, kind: 'run', detail: 'dev' },
        ]);
    });

    it('Dockerfile: Build and Run on the first FROM', () => {
        assert.deepEqual(findRunLenses('/w/Dockerfile', '# comment\n\nFROM node:20\nRUN x\n'), [
            { line: 2, kind: 'build' },
            { line: 2, kind: 'run' },
        ]);
    });

    it('Procfile: one per process line', () => {
        assert.deepEqual(
            findRunLenses('/w/Procfile', 'web: node server.js\n# note\nworker:  node worker.js --queue=a \nempty:\n'),
            [
                { line: 0, kind: 'run', detail: 'web', command: 'node server.js' },
                { line: 2, kind: 'run', detail: 'worker', command: 'node worker.js --queue=a' },
            ],
        );
    });

    it('Python: on the __main__ guard only', () => {
        assert.deepEqual(
            findRunLenses(
                '/w/app.py',
                'import os\n\nif __name__ == "__main__":\n    main()\n    if __name__ == "__main__": pass\n',
            ),
            [{ line: 2, kind: 'run' }],
        );
    });

    it('Go: on func main() of package main only', () => {
        assert.deepEqual(findRunLenses('/w/main.go', 'package main\n\nimport "fmt"\n\nfunc main() {\n}\n'), [
            { line: 4, kind: 'run' },
        ]);
        assert.deepEqual(findRunLenses('/w/lib.go', 'package lib\n\nfunc main() {}\n'), []);
    });

    it('other files get none', () => {
        assert.deepEqual(findRunLenses('/w/README.md', 'if __name__ == "__main__":\n'), []);
    });
});

describe('projectRootFor', () => {
    const tree =
        (entries: string[]) =>
        (folder: string, name: string): boolean =>
            entries.includes(`${folder}/${name}`);

    it('a package of a monorepo builds from the monorepo root', () => {
        const has = tree(['/w/pnpm-workspace.yaml', '/w/package.json', '/w/apps/api/package.json']);
        assert.equal(projectRootFor('/w/apps/api/package.json', '/w', has), '/w');
    });

    it('otherwise the nearest folder with a manifest: several projects side by side in one workspace', () => {
        const has = tree(['/w/examples/hello-node/package.json', '/w/examples/hello-go/go.mod']);
        assert.equal(projectRootFor('/w/examples/hello-go/main.go', '/w', has), '/w/examples/hello-go');
        assert.equal(projectRootFor('/w/examples/hello-node/package.json', '/w', has), '/w/examples/hello-node');
    });

    it('never leaves the workspace', () => {
        const has = tree(['/package.json']);
        assert.equal(projectRootFor('/w/src/app.py', '/w', has), '/w/src');
    });
});
