import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectPython } from '../../../../../src/core/project/python/detectPython';
import { detectFiles, detectFixture, found } from '../runDetector';

describe('detectPython on fixture projects', () => {
    it('python-flask-requirements: .python-version, pip, psycopg2, the __main__ block and the PORT default', async () => {
        const run = await detectFixture(detectPython, 'python-flask-requirements');
        const detection = found(run);
        assert.deepEqual(detection.declared, [
            { file: '.python-version', line: 1, source: '.python-version', raw: '3.12.1', range: '==3.12.1' },
        ]);
        assert.deepEqual(detection.packageManagers, [
            { name: 'pip', ecosystem: 'python', declared: null, evidence: 'requirements.txt' },
        ]);
        assert.deepEqual(detection.lockfiles, [{ file: 'requirements.txt', manager: 'pip', packageRoot: '.' }]);
        assert.deepEqual(detection.nativeDependencies, [
            {
                name: 'psycopg2',
                ecosystem: 'python',
                reason: 'builds a C extension against libpq (psycopg2-binary ships it prebuilt)',
                needs: ['libpq-dev', 'gcc'],
                declaredAt: { file: 'requirements.txt', line: 5 },
            },
        ]);
        const app = detection.app;
        assert.deepEqual(app?.framework, {
            value: 'flask',
            at: { file: 'requirements.txt', line: 3 },
            how: 'flask dependency in requirements.txt',
        });
        assert.deepEqual(app?.startCommand, {
            value: ['python', 'app.py'],
            at: { file: 'app.py', line: 34 },
            how: '`if __name__ == "__main__":` block in app.py',
        });
        assert.deepEqual(app?.entry, {
            value: 'app.py',
            at: { file: 'app.py', line: 34 },
            how: '`if __name__ == "__main__":` block',
        });
        assert.deepEqual(app?.ports, [
            { value: 8080, at: { file: 'app.py', line: 35 }, how: 'PORT environment variable, default 8080' },
        ]);
        assert.equal(app?.confidence, 3);
        assert.deepEqual(run.issues, []);
    });

    it('python-fastapi-uv: requires-python, uv with its required-version, uvicorn.run(port=…)', async () => {
        const run = await detectFixture(detectPython, 'python-fastapi-uv');
        const detection = found(run);
        assert.deepEqual(detection.declared, [
            {
                file: 'pyproject.toml',
                line: 6,
                source: 'pyproject.toml#requires-python',
                raw: '>=3.11',
                range: '>=3.11',
            },
        ]);
        assert.deepEqual(detection.packageManagers, [
            {
                name: 'uv',
                ecosystem: 'python',
                evidence: 'lockfile',
                declared: {
                    file: 'pyproject.toml',
                    line: 14,
                    raw: '>=0.5.0',
                    source: 'pyproject.toml#tool.uv.required-version',
                },
            },
        ]);
        assert.deepEqual(detection.lockfiles, [{ file: 'uv.lock', manager: 'uv', packageRoot: '.' }]);
        assert.deepEqual(detection.nativeDependencies, []);
        assert.deepEqual(detection.app?.framework, {
            value: 'fastapi',
            at: { file: 'pyproject.toml', line: 8 },
            how: 'fastapi dependency in pyproject.toml [project.dependencies]',
        });
        assert.deepEqual(detection.app?.startCommand?.value, ['python', 'main.py']);
        assert.deepEqual(detection.app?.entry?.at, { file: 'main.py', line: 20 });
        assert.deepEqual(detection.app?.ports, [
            { value: 8080, at: { file: 'main.py', line: 24 }, how: 'port=8080 passed to uvicorn.run()' },
        ]);
        assert.deepEqual(run.issues, []);
    });

    it('python-django-poetry: Poetry caret python as PEP 440, the lock header, gunicorn on the WSGI module', async () => {
        const run = await detectFixture(detectPython, 'python-django-poetry');
        const detection = found(run);
        assert.deepEqual(detection.declared, [
            {
                file: 'pyproject.toml',
                line: 10,
                source: 'pyproject.toml#tool.poetry.dependencies.python',
                raw: '^3.11',
                range: '>=3.11,<4.0',
                note: 'Poetry\'s "^3.11" in PEP 440 form',
            },
        ]);
        assert.deepEqual(detection.packageManagers, [
            {
                name: 'poetry',
                ecosystem: 'python',
                evidence: 'lockfile',
                declared: { file: 'poetry.lock', line: 1, raw: '1.8.3', source: 'poetry.lock header' },
            },
        ]);
        assert.deepEqual(detection.lockfiles, [{ file: 'poetry.lock', manager: 'poetry', packageRoot: '.' }]);
        // psycopg[binary] bundles libpq: nothing native.
        assert.deepEqual(detection.nativeDependencies, []);
        const app = detection.app;
        assert.deepEqual(app?.framework, {
            value: 'django',
            at: { file: 'pyproject.toml', line: 11 },
            how: 'django dependency in pyproject.toml [tool.poetry.dependencies]',
        });
        assert.deepEqual(app?.startCommand, {
            value: ['gunicorn', 'mysite.wsgi:application', '--bind', '0.0.0.0:8000'],
            at: { file: 'pyproject.toml', line: 12 },
            how: "gunicorn dependency serving Django's WSGI module mysite/wsgi.py",
        });
        assert.deepEqual(app?.entry, {
            value: 'manage.py',
            at: { file: 'manage.py', line: 21 },
            how: 'Django manage.py',
        });
        assert.deepEqual(app?.ports, [
            { value: 8000, how: 'gunicorn default (it binds 8000 when no --bind is given and PORT is unset)' },
        ]);
        assert.deepEqual(run.issues, []);
    });

    it('python-conflicting-pins: every pin in precedence order, the losing ones included', async () => {
        const detection = found(await detectFixture(detectPython, 'python-conflicting-pins'));
        assert.deepEqual(detection.declared, [
            { file: '.python-version', line: 1, source: '.python-version', raw: '3.9', range: '==3.9.*' },
            { file: '.tool-versions', line: 1, source: '.tool-versions', raw: '3.10.14', range: '==3.10.14' },
            {
                file: 'pyproject.toml',
                line: 9,
                source: 'pyproject.toml#requires-python',
                raw: '>=3.11',
                range: '>=3.11',
            },
        ]);
        assert.deepEqual(detection.packageManagers, [
            { name: 'pip', ecosystem: 'python', declared: null, evidence: 'default' },
        ]);
        assert.deepEqual(
            detection.nativeDependencies.map((item) => [item.name, item.declaredAt]),
            [['lxml', { file: 'pyproject.toml', line: 12 }]],
        );
        assert.deepEqual(detection.app?.startCommand, {
            value: ['report-builder'],
            at: { file: 'pyproject.toml', line: 16 },
            how: 'console script from pyproject.toml [project.scripts] (report_builder.cli:main)',
        });
        assert.deepEqual(detection.app?.entry, {
            value: 'src/report_builder/cli.py',
            at: { file: 'src/report_builder/cli.py', line: 7 },
            how: 'console script target report_builder.cli:main',
        });
        assert.deepEqual(detection.app?.ports, []);
    });

    it('python-malformed: an issue with file and line for each bad file, and detection goes on', async () => {
        const run = await detectFixture(detectPython, 'python-malformed');
        const detection = found(run);
        assert.deepEqual(
            run.issues.map((issue) => [issue.at?.file, issue.at?.line]),
            [
                ['pyproject.toml', 9],
                ['Pipfile', 8],
                ['requirements.txt', 1],
                ['requirements.txt', 3],
                ['.python-version', 1],
            ],
        );
        assert.match(run.issues[0]?.message ?? '', /pyproject\.toml is not valid TOML/);
        assert.match(run.issues[2]?.message ?? '', /not UTF-8/);
        assert.match(run.issues[3]?.message ?? '', /"=2\.31\.0" \(for requests\) is not a valid PEP 440 specifier/);
        assert.match(run.issues[4]?.message ?? '', /\.python-version is empty/);
        assert.deepEqual(detection.declared, []);
        // What could be read still counts: the Latin-1 requirements file names mysqlclient.
        assert.deepEqual(
            detection.nativeDependencies.map((item) => [item.name, item.needs, item.declaredAt.line]),
            [['mysqlclient', ['default-libmysqlclient-dev', 'pkg-config', 'gcc'], 4]],
        );
        assert.deepEqual(
            detection.packageManagers.map((manager) => manager.name),
            ['pipenv', 'pip'],
        );
        assert.equal(detection.app?.confidence, 1);
    });
});

describe('detectPython declarations', () => {
    it('reads runtime.txt, Pipfile [requires] and several .python-version lines in Railpack order', async () => {
        const detection = found(
            await detectFiles(detectPython, {
                '.python-version': '# pinned for pyenv\n3.12\n3.11.9\n',
                'mise.toml': '[tools]\nnode = "20"\npython = "3.12.4"\n',
                'runtime.txt': 'python-3.11.7\n',
                Pipfile:
                    '[packages]\nflask = "*"\n\n[requires]\npython_version = "3.11"\npython_full_version = "3.11.7"\n',
            }),
        );
        assert.deepEqual(detection.declared, [
            {
                file: '.python-version',
                line: 2,
                source: '.python-version',
                raw: '3.12',
                range: '==3.12.*',
                note: 'pyenv also puts 3.11.9 on PATH; the first line wins',
            },
            { file: 'mise.toml', line: 3, source: 'mise.toml', raw: '3.12.4', range: '==3.12.4' },
            { file: 'runtime.txt', line: 1, source: 'runtime.txt', raw: 'python-3.11.7', range: '==3.11.7' },
            {
                file: 'Pipfile',
                line: 6,
                source: 'Pipfile#requires.python_full_version',
                raw: '3.11.7',
                range: '==3.11.7',
            },
            { file: 'Pipfile', line: 5, source: 'Pipfile#requires.python_version', raw: '3.11', range: '==3.11.*' },
        ]);
        assert.deepEqual(
            detection.packageManagers.map((manager) => [manager.name, manager.evidence]),
            [['pipenv', 'Pipfile']],
        );
    });

    it('keeps pyenv names it cannot pin, with a note, and normalizes specifier sets', async () => {
        const detection = found(
            await detectFiles(detectPython, {
                '.python-version': 'system\n',
                '.tool-versions': 'python 3.13-dev\n',
                'pyproject.toml': '[project]\nname = "x"\nversion = "1"\nrequires-python = ">= 3.10, < 3.13"\n',
            }),
        );
        assert.deepEqual(detection.declared, [
            {
                file: '.python-version',
                line: 1,
                source: '.python-version',
                raw: 'system',
                range: null,
                note: '"system" runs whichever python is first on PATH',
            },
            {
                file: '.tool-versions',
                line: 1,
                source: '.tool-versions',
                raw: '3.13-dev',
                range: null,
                note: '3.13-dev is a build of the 3.13 development branch; no release matches it',
            },
            {
                file: 'pyproject.toml',
                line: 4,
                source: 'pyproject.toml#requires-python',
                raw: '>= 3.10, < 3.13',
                range: '>=3.10,<3.13',
            },
        ]);
    });

    it('turns Poetry tilde and bound syntax into PEP 440 and reports an invalid requires-python', async () => {
        const run = await detectFiles(detectPython, {
            'pyproject.toml': [
                '[project]',
                'name = "svc"',
                'version = "1.0"',
                'requires-python = "=>3.10"',
                '',
                '[tool.poetry.dependencies]',
                'python = "~3.11.2"',
                '',
            ].join('\n'),
        });
        assert.deepEqual(found(run).declared, [
            {
                file: 'pyproject.toml',
                line: 4,
                source: 'pyproject.toml#requires-python',
                raw: '=>3.10',
                range: null,
                note: 'not a valid PEP 440 specifier',
            },
            {
                file: 'pyproject.toml',
                line: 7,
                source: 'pyproject.toml#tool.poetry.dependencies.python',
                raw: '~3.11.2',
                range: '>=3.11.2,<3.12.0',
                note: 'Poetry\'s "~3.11.2" in PEP 440 form',
            },
        ]);
        assert.deepEqual(
            run.issues.map((issue) => [issue.at?.file, issue.at?.line]),
            [['pyproject.toml', 4]],
        );
        assert.match(run.issues[0]?.message ?? '', /requires-python "=>3\.10" is not a valid PEP 440 specifier/);
    });

    it('returns null for a project with nothing of Python', async () => {
        assert.equal(
            (await detectFiles(detectPython, { 'package.json': '{"name":"x"}', '.tool-versions': 'nodejs 20.15.0\n' }))
                .detection,
            null,
        );
    });
});

describe('detectPython apps', () => {
    it('serves an ASGI app without a __main__ block with uvicorn, and a Flask app without one with flask run', async () => {
        const fastapi = found(
            await detectFiles(detectPython, {
                'requirements.txt': 'fastapi==0.111.0\nuvicorn==0.30.1\n',
                'main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
            }),
        );
        assert.deepEqual(fastapi.app?.startCommand, {
            value: ['uvicorn', 'main:app', '--host', '0.0.0.0', '--port', '8000'],
            at: { file: 'main.py', line: 3 },
            how: 'uvicorn dependency serving `app` from main.py (no __main__ block)',
        });
        assert.deepEqual(fastapi.app?.ports, [{ value: 8000, how: 'uvicorn default (--port 8000)' }]);

        const flask = found(
            await detectFiles(detectPython, {
                'requirements.txt': 'flask\n',
                'app.py': 'from flask import Flask\napplication = Flask(__name__)\n',
            }),
        );
        assert.deepEqual(flask.app?.startCommand?.value, [
            'flask',
            '--app',
            'app',
            'run',
            '--host',
            '0.0.0.0',
            '--port',
            '5000',
        ]);
        assert.deepEqual(flask.app?.ports, [
            { value: 5000, how: 'Flask default (flask run and app.run() listen on 5000)' },
        ]);
    });

    it('runs an aiohttp app as a script: it is not ASGI, whatever servers are installed', async () => {
        const detection = found(
            await detectFiles(detectPython, {
                'requirements.txt': 'aiohttp==3.9.5\nuvicorn==0.30.1\n',
                'main.py':
                    'from aiohttp import web\n\napp = web.Application()\nweb.run_app(\n    app,\n    port=8081,\n)\n',
            }),
        );
        assert.deepEqual(detection.app?.framework?.value, 'aiohttp');
        assert.deepEqual(detection.app?.startCommand, {
            value: ['python', 'main.py'],
            at: { file: 'main.py', line: 1 },
            how: 'entry file main.py',
        });
        assert.deepEqual(detection.app?.ports, [
            { value: 8081, at: { file: 'main.py', line: 6 }, how: 'port=8081 passed to web.run_app()' },
        ]);
    });

    it('runs Django with runserver when no WSGI server is a dependency, and says so', async () => {
        const detection = found(
            await detectFiles(detectPython, {
                'requirements.txt': 'Django>=5.0\n',
                'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")\n',
                'shop/wsgi.py': 'application = None\n',
            }),
        );
        assert.deepEqual(detection.app?.startCommand, {
            value: ['python', 'manage.py', 'runserver', '0.0.0.0:8000'],
            at: { file: 'manage.py', line: 1 },
            how: 'Django development server (manage.py runserver): no gunicorn or uvicorn dependency',
        });
        assert.deepEqual(detection.app?.ports, [
            { value: 8000, how: 'Django default (manage.py runserver listens on 8000)' },
        ]);
    });

    it('runs a package with __main__.py as python -m, and reads a gunicorn.conf.py bind', async () => {
        const detection = found(
            await detectFiles(detectPython, {
                'pyproject.toml': '[project]\nname = "worker"\nversion = "1"\n',
                'worker/__init__.py': '',
                'worker/__main__.py': 'def run():\n    pass\n\nif __name__ == "__main__":\n    run()\n',
                'gunicorn.conf.py': 'workers = 2\nbind = "0.0.0.0:9000"\n',
            }),
        );
        assert.deepEqual(detection.app?.startCommand, {
            value: ['python', '-m', 'worker'],
            at: { file: 'worker/__main__.py', line: 4 },
            how: 'package worker has __main__.py',
        });
        assert.deepEqual(detection.app?.ports, [
            { value: 9000, at: { file: 'gunicorn.conf.py', line: 2 }, how: 'bind in gunicorn.conf.py' },
        ]);
        assert.equal(detection.app?.confidence, 2);
    });

    it('returns no app for a library (pyproject only, nothing runnable)', async () => {
        const detection = found(
            await detectFiles(detectPython, {
                'pyproject.toml': '[project]\nname = "lib"\nversion = "1"\ndependencies = ["attrs"]\n',
            }),
        );
        assert.equal(detection.app, null);
    });
});

describe('detectPython native dependencies', () => {
    it('knows which packages need system libraries, psycopg by extra, numpy only from source', async () => {
        const detection = found(
            await detectFiles(detectPython, {
                'requirements.txt': [
                    '--no-binary numpy',
                    'psycopg2-binary==2.9.9',
                    'psycopg[c]==3.1.19',
                    'Pillow>=10 \\',
                    '    --hash=sha256:0000000000000000000000000000000000000000000000000000000000000000',
                    'numpy==1.26.4',
                    'scipy==1.13.0',
                    'cffi==1.16.0 ; python_version >= "3.8"',
                    'constructor==0.1',
                ].join('\n'),
            }),
        );
        assert.deepEqual(
            detection.nativeDependencies.map((item) => [item.name, item.needs, item.declaredAt.line]),
            [
                ['psycopg', ['libpq-dev', 'gcc'], 3],
                ['pillow', ['libjpeg-dev', 'zlib1g-dev', 'gcc'], 4],
                ['numpy', ['gcc', 'g++'], 6],
                ['cffi', ['libffi-dev', 'gcc'], 8],
            ],
        );
        // Not every requirement is pinned with ==, so requirements.txt is not pip's lockfile here.
        assert.deepEqual(detection.lockfiles, []);
    });
});
