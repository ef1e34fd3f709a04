import type { Fact } from '../../snapshot/Snapshot';
import type { AppCandidate } from '../EcosystemDetection';
import { lineAt } from '../lineAt';
import type { ProjectFiles, TextFile } from '../ProjectFiles';
import type { ProjectWalk } from '../walkProject';
import { FRAMEWORK_KIND, FRAMEWORK_PORTS, findRequirement, pythonFramework, SERVER_PORTS } from './pythonFramework';
import type { PythonRequirement } from './PythonRequirement';
import { tomlTable, type TomlFile } from './readTomlFile';
import { scanPythonSource, type PythonSourceScan } from './scanPythonSource';
import { tomlKeyLine } from './tomlLines';

export interface PythonAppInput {
    readonly files: ProjectFiles;
    readonly walk: ProjectWalk;
    readonly requirements: readonly PythonRequirement[];
    readonly pyproject: TomlFile | null;
    /** requirements.txt or a Pipfile: files apps have and libraries rarely do. */
    readonly hasAppManifest: boolean;
}

interface Plan {
    readonly startCommand: Fact<readonly string[]> | null;
    readonly entry: Fact<string> | null;
    /** The server the start command runs, whose default port applies. */
    readonly server: string | null;
    readonly explicit: boolean;
}

const ENTRY_FILES = ['main.py', 'app.py', 'server.py', 'run.py', 'start.py', 'wsgi.py', 'asgi.py'];
/** Where apps laid out as a package keep their app object (FastAPI's templates: app/main.py); only an app object counts there. */
const PACKAGE_ENTRY_FILES = ['app/main.py', 'app/app.py', 'src/main.py', 'src/app.py'];
const MAIN_HOW = '`if __name__ == "__main__":` block';

/** The app a Python project runs: framework, start command, entry, ports — or null for a library. */
export async function detectPythonApp(input: PythonAppInput): Promise<AppCandidate | null> {
    const { files, walk, requirements } = input;
    const framework = pythonFramework(requirements);
    const sources = new Map<string, { file: TextFile; scan: PythonSourceScan }>();
    const flaskApp = await flaskEnvEntry(files, walk);
    const entryFiles = [
        ...ENTRY_FILES,
        ...(flaskApp && !ENTRY_FILES.includes(flaskApp) ? [flaskApp] : []),
        ...PACKAGE_ENTRY_FILES,
    ];
    for (const path of [...entryFiles, 'manage.py', 'gunicorn.conf.py']) {
        const file = walk.has(path) ? await files.readText(path) : null;
        if (file) {
            sources.set(path, { file, scan: scanPythonSource(file) });
        }
    }
    const chosenEntry = entryFiles.find((path) => {
        const scan = sources.get(path)?.scan;
        return scan !== undefined && (scan.app !== null || (scan.mainLine !== null && ENTRY_FILES.includes(path)));
    });
    const portsFound = [
        ...(chosenEntry ? (sources.get(chosenEntry)?.scan.ports ?? []) : []),
        ...gunicornBindPorts(sources.get('gunicorn.conf.py')?.file),
    ];
    const port = portsFound[0]?.value;

    const plan =
        djangoPlan(input, sources.get('manage.py'), port) ??
        (chosenEntry
            ? entryPlan(chosenEntry, sources.get(chosenEntry), requirements, framework?.value ?? null, port)
            : null) ??
        (framework?.value === 'flask' ? await flaskFactoryPlan(input) : null) ??
        (await scriptsPlan(input)) ??
        (await packageMainPlan(input)) ??
        plainEntryPlan(ENTRY_FILES.find((path) => sources.has(path)));

    const ports = portsFound.length > 0 ? portsFound : defaultPorts(plan?.server ?? null, framework?.value ?? null);
    if (!framework && !plan && !input.hasAppManifest) {
        return null;
    }
    return {
        root: '.',
        framework:
            framework ??
            (plan?.entry?.value === 'manage.py' && plan.entry.at
                ? { value: 'django', at: plan.entry.at, how: 'Django manage.py' }
                : null),
        startCommand: plan?.startCommand ?? null,
        ports,
        entry: plan?.entry ?? null,
        workspacePackages: [],
        confidence: framework || plan?.explicit ? 3 : plan ? 2 : 1,
    };
}

/** What each server or framework listens on by itself, said as a person would check it. */
const DEFAULT_HOW: Readonly<Record<string, string>> = {
    gunicorn: 'gunicorn default (it binds 8000 when no --bind is given and PORT is unset)',
    uvicorn: 'uvicorn default (--port 8000)',
    hypercorn: 'hypercorn default (--bind 127.0.0.1:8000, bound to 0.0.0.0 here)',
    waitress: 'waitress default (listen *:8080)',
    daphne: 'daphne default (-p 8000)',
    django: 'Django default (manage.py runserver listens on 8000)',
    flask: 'Flask default (flask run and app.run() listen on 5000)',
    fastapi: 'FastAPI default (fastapi run / uvicorn listen on 8000)',
    starlette: 'Starlette default (served by uvicorn on 8000)',
    litestar: 'Litestar default (litestar run listens on 8000)',
    quart: 'Quart default (quart run listens on 5000)',
    sanic: 'Sanic default (app.run() listens on 8000)',
    aiohttp: 'aiohttp default (web.run_app listens on 8080)',
    bottle: 'Bottle default (run() listens on 8080)',
    pyramid: 'Pyramid default (pserve development.ini listens on 6543)',
};

function defaultPorts(server: string | null, framework: string | null): Fact<number>[] {
    const serverPort = server ? SERVER_PORTS[server] : undefined;
    if (server && serverPort) {
        return [{ value: serverPort, how: DEFAULT_HOW[server] ?? `${server} default` }];
    }
    const name = server === 'django' ? 'django' : framework;
    const frameworkPort = FRAMEWORK_PORTS.find(([candidate]) => candidate === name)?.[1];
    return name && frameworkPort ? [{ value: frameworkPort, how: DEFAULT_HOW[name] ?? `${name} default` }] : [];
}

/** Django: gunicorn (or uvicorn) on the project's WSGI/ASGI module when one is a dependency, else runserver. */
function djangoPlan(
    input: PythonAppInput,
    manage: { file: TextFile; scan: PythonSourceScan } | undefined,
    port: number | undefined,
): Plan | null {
    const django = findRequirement(input.requirements, 'django');
    if (!manage || (!django && !manage.file.text.includes('django'))) {
        return null;
    }
    const entry: Fact<string> = {
        value: 'manage.py',
        at: { file: manage.file.path, line: manage.scan.mainLine ?? 1 },
        how: 'Django manage.py',
    };
    const settings = /DJANGO_SETTINGS_MODULE['"]\s*,\s*['"]([\w.]+)['"]/.exec(manage.file.text)?.[1];
    const project = settings?.split('.').slice(0, -1).join('.');
    const projectDir = project?.replace(/\./g, '/');
    const gunicorn = findRequirement(input.requirements, 'gunicorn');
    const uvicorn = findRequirement(input.requirements, 'uvicorn');
    if (gunicorn && projectDir && input.walk.has(`${projectDir}/wsgi.py`)) {
        const bind = `0.0.0.0:${port ?? 8000}`;
        return {
            startCommand: {
                value: ['gunicorn', `${project}.wsgi:application`, '--bind', bind],
                at: gunicorn.at,
                how: `gunicorn dependency serving Django's WSGI module ${projectDir}/wsgi.py`,
            },
            entry,
            server: 'gunicorn',
            explicit: true,
        };
    }
    if (uvicorn && projectDir && input.walk.has(`${projectDir}/asgi.py`)) {
        return {
            startCommand: {
                value: ['uvicorn', `${project}.asgi:application`, '--host', '0.0.0.0', '--port', String(port ?? 8000)],
                at: uvicorn.at,
                how: `uvicorn dependency serving Django's ASGI module ${projectDir}/asgi.py`,
            },
            entry,
            server: 'uvicorn',
            explicit: true,
        };
    }
    return {
        startCommand: {
            value: ['python', 'manage.py', 'runserver', `0.0.0.0:${port ?? 8000}`],
            at: entry.at ?? { file: manage.file.path, line: 1 },
            how: 'Django development server (manage.py runserver): no gunicorn or uvicorn dependency',
        },
        entry,
        server: 'django',
        explicit: true,
    };
}

/** An entry file with a `__main__` block runs as a script; an app object without one needs a server. */
function entryPlan(
    path: string,
    source: { file: TextFile; scan: PythonSourceScan } | undefined,
    requirements: readonly PythonRequirement[],
    framework: string | null,
    port: number | undefined,
): Plan | null {
    if (!source) {
        return null;
    }
    const { scan } = source;
    const module = path.replace(/\.py$/, '').replace(/\//g, '.');
    if (scan.mainLine !== null) {
        const at = { file: path, line: scan.mainLine };
        return {
            startCommand: { value: ['python', path], at, how: `${MAIN_HOW} in ${path}` },
            entry: { value: path, at, how: MAIN_HOW },
            server: null,
            explicit: true,
        };
    }
    const app = scan.app;
    if (!app) {
        return null;
    }
    const at = { file: path, line: app.line };
    const entry: Fact<string> = { value: path, at, how: `${app.maker} app object \`${app.variable}\`` };
    const target = `${module}:${app.variable}`;
    const has = (name: string): boolean => findRequirement(requirements, name) !== undefined;
    const kind = app.kind ?? (framework && Object.hasOwn(FRAMEWORK_KIND, framework) ? FRAMEWORK_KIND[framework] : null);
    const run = (server: string, value: string[], how: string): Plan => ({
        startCommand: { value, at, how },
        entry,
        server,
        explicit: true,
    });
    const portText = (server: string): string => String(port ?? SERVER_PORTS[server] ?? 8000);
    if (kind === 'asgi') {
        if (has('uvicorn')) {
            return run(
                'uvicorn',
                ['uvicorn', target, '--host', '0.0.0.0', '--port', portText('uvicorn')],
                `uvicorn dependency serving \`${app.variable}\` from ${path} (no __main__ block)`,
            );
        }
        if (has('hypercorn')) {
            return run(
                'hypercorn',
                ['hypercorn', target, '--bind', `0.0.0.0:${portText('hypercorn')}`],
                `hypercorn dependency serving \`${app.variable}\` from ${path} (no __main__ block)`,
            );
        }
        if (
            requirements.some(
                (requirement) => requirement.name === 'fastapi' && requirement.extras.includes('standard'),
            )
        ) {
            return run(
                'uvicorn',
                ['fastapi', 'run', path, '--port', portText('uvicorn')],
                `fastapi[standard] CLI serving ${path} (no __main__ block)`,
            );
        }
        return run(
            'uvicorn',
            ['uvicorn', target, '--host', '0.0.0.0', '--port', portText('uvicorn')],
            `ASGI app \`${app.variable}\` in ${path}; uvicorn is not a dependency yet and must be added`,
        );
    }
    if (kind === 'wsgi') {
        if (has('gunicorn')) {
            return run(
                'gunicorn',
                ['gunicorn', '--bind', `0.0.0.0:${portText('gunicorn')}`, target],
                `gunicorn dependency serving \`${app.variable}\` from ${path} (no __main__ block)`,
            );
        }
        if (has('waitress')) {
            return run(
                'waitress',
                ['waitress-serve', `--listen=0.0.0.0:${portText('waitress')}`, target],
                `waitress dependency serving \`${app.variable}\` from ${path} (no __main__ block)`,
            );
        }
        if (app.maker === 'Flask' || framework === 'flask') {
            return {
                startCommand: {
                    value: ['flask', '--app', module, 'run', '--host', '0.0.0.0', '--port', String(port ?? 5000)],
                    at,
                    how: `flask run for \`${app.variable}\` in ${path} (no __main__ block, no gunicorn dependency)`,
                },
                entry,
                server: null,
                explicit: true,
            };
        }
    }
    return null;
}

/** A console script declared by the project ([project.scripts] or Poetry's scripts). */
async function scriptsPlan(input: PythonAppInput): Promise<Plan | null> {
    const pyproject = input.pyproject;
    if (!pyproject) {
        return null;
    }
    for (const table of [
        ['project', 'scripts'],
        ['tool', 'poetry', 'scripts'],
    ]) {
        const scripts = tomlTable(pyproject.data, ...table) ?? {};
        const [name, target] = Object.entries(scripts).find(([, value]) => typeof value === 'string') ?? [];
        if (name && typeof target === 'string') {
            const at = { file: pyproject.path, line: tomlKeyLine(pyproject.text, table, name) };
            return {
                startCommand: {
                    value: [name],
                    at,
                    how: `console script from ${pyproject.path} [${table.join('.')}] (${target})`,
                },
                entry: await scriptEntry(input, target),
                server: null,
                explicit: true,
            };
        }
    }
    return null;
}

/** The module file a console script points at ("pkg.cli:main" → pkg/cli.py or src/pkg/cli.py), at its function. */
async function scriptEntry(input: PythonAppInput, target: string): Promise<Fact<string> | null> {
    const [module, func] = target.split(':');
    if (!module) {
        return null;
    }
    const base = module.replace(/\./g, '/');
    const path = [`${base}.py`, `src/${base}.py`, `${base}/__init__.py`, `src/${base}/__init__.py`].find((candidate) =>
        input.walk.has(candidate),
    );
    const file = path ? await input.files.readText(path) : null;
    if (!file) {
        return null;
    }
    const definition = func
        ? new RegExp(`^(?:async\\s+)?def\\s+${func.trim().replace(/\W/g, '')}\\s*\\(`, 'm').exec(file.text)
        : null;
    return {
        value: file.path,
        at: { file: file.path, line: definition ? lineAt(file.text, definition.index) : 1 },
        how: `console script target ${target}`,
    };
}

/** A package with __main__.py runs as `python -m package`. */
async function packageMainPlan(input: PythonAppInput): Promise<Plan | null> {
    const path = input.walk.files.find((candidate) => /^(?:src\/)?[A-Za-z_]\w*\/__main__\.py$/.test(candidate));
    const packageName = path?.split('/').slice(-2, -1)[0];
    if (!path || !packageName) {
        return null;
    }
    const file = await input.files.readText(path);
    const mainLine = file ? scanPythonSource(file).mainLine : null;
    const at = { file: path, line: mainLine ?? 1 };
    return {
        startCommand: { value: ['python', '-m', packageName], at, how: `package ${packageName} has __main__.py` },
        entry: { value: path, at, how: '__main__.py' },
        server: null,
        explicit: false,
    };
}

function plainEntryPlan(path: string | undefined): Plan | null {
    if (!path) {
        return null;
    }
    const at = { file: path, line: 1 };
    return {
        startCommand: { value: ['python', path], at, how: `entry file ${path}` },
        entry: { value: path, at, how: 'conventional entry file name' },
        server: null,
        explicit: false,
    };
}

/** gunicorn reads ./gunicorn.conf.py by default; its `bind` sets the port. */
function gunicornBindPorts(file: TextFile | undefined): Fact<number>[] {
    const bind = file ? /^bind\s*=\s*\[?\s*["'][^"']*:(\d{2,5})["']/m.exec(file.text) : null;
    return file && bind?.[1]
        ? [
              {
                  value: Number(bind[1]),
                  at: { file: file.path, line: lineAt(file.text, bind.index) },
                  how: 'bind in gunicorn.conf.py',
              },
          ]
        : [];
}

/**
 * The file .flaskenv's FLASK_APP names (`microblog.py`, `microblog`, `microblog:app`), when it is in the project.
 * .flaskenv is committed configuration for `flask run`; .env is never read for this (it holds secrets).
 */
async function flaskEnvEntry(files: ProjectFiles, walk: ProjectWalk): Promise<string | null> {
    const flaskenv = walk.has('.flaskenv') ? await files.readText('.flaskenv') : null;
    const target = flaskenv
        ? /^[ \t]*(?:export[ \t]+)?FLASK_APP[ \t]*=[ \t]*["']?([\w./-]+?)(?::[^"'\s]*)?["']?[ \t]*$/m.exec(
              flaskenv.text,
          )?.[1]
        : undefined;
    if (!target) {
        return null;
    }
    const path = target.endsWith('.py') ? target : `${target.replace(/\./g, '/')}.py`;
    return walk.has(path) ? path : null;
}

/**
 * A Flask application factory in a package (`def create_app()` or `make_app()` in <pkg>/__init__.py, as the
 * Flask tutorial lays it out): `flask --app <pkg> run` finds the factory itself; gunicorn calls it when it is a
 * dependency. Top-level packages and src/ ones are looked at, the one pyproject names first.
 */
async function flaskFactoryPlan(input: PythonAppInput): Promise<Plan | null> {
    const named = tomlGetString(input.pyproject, 'project', 'name')?.replace(/[-.]+/g, '_').toLowerCase();
    const packages = input.walk.files.filter((path) => /^(?:src\/)?[A-Za-z_]\w*\/__init__\.py$/.test(path));
    const ordered = [
        ...packages.filter((path) => named !== undefined && path.split('/').slice(-2, -1)[0] === named),
        ...packages,
    ];
    for (const path of ordered) {
        const file = await input.files.readText(path);
        const factory = file ? /^def[ \t]+(create_app|make_app)[ \t]*\(/m.exec(file.text) : null;
        const pkg = path.split('/').slice(-2, -1)[0];
        if (!file || !factory || !pkg) {
            continue;
        }
        const at = { file: path, line: lineAt(file.text, factory.index) };
        const entry: Fact<string> = { value: path, at, how: `Flask application factory ${factory[1] ?? ''}()` };
        if (findRequirement(input.requirements, 'gunicorn')) {
            return {
                startCommand: {
                    value: ['gunicorn', '--bind', '0.0.0.0:8000', `${pkg}:${factory[1] ?? 'create_app'}()`],
                    at,
                    how: `gunicorn dependency calling the application factory in ${path}`,
                },
                entry,
                server: 'gunicorn',
                explicit: true,
            };
        }
        return {
            startCommand: {
                value: ['flask', '--app', pkg, 'run', '--host', '0.0.0.0', '--port', '5000'],
                at,
                how: `flask run finding the application factory in ${path} (no gunicorn dependency)`,
            },
            entry,
            server: null,
            explicit: true,
        };
    }
    return null;
}

function tomlGetString(file: TomlFile | null, ...path: string[]): string | undefined {
    const table = file ? tomlTable(file.data, ...path.slice(0, -1)) : undefined;
    const value = table?.[path[path.length - 1] ?? ''];
    return typeof value === 'string' ? value : undefined;
}
