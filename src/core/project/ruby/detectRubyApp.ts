import type { Fact } from '../../snapshot/Snapshot';
import type { AppCandidate } from '../EcosystemDetection';
import { lineAt } from '../lineAt';
import type { ProjectFiles, TextFile } from '../ProjectFiles';
import type { ProjectWalk } from '../walkProject';
import type { Gemfile, GemfileGem } from './parseGemfile';
import { readProcfile } from '../readProcfile';
import { rubyEnvPort } from './rubyEnvPort';
import { rubyServerPort } from './rubyServerPort';

/**
 * The app a Ruby project runs: Rails, Sinatra or any Rack app (config.ru), with its server and port. A port
 * the Procfile's web command names (`rackup -p 5000`) wins: that command is what starts the app.
 */
export async function detectRubyApp(
    files: ProjectFiles,
    walk: ProjectWalk,
    gemfile: Gemfile | null,
    lockedNames: ReadonlySet<string>,
): Promise<AppCandidate | null> {
    const candidate = await rubyAppCandidate(files, walk, gemfile, lockedNames);
    const web = walk.has('Procfile')
        ? (await readProcfile(files)).find((process) => process.type === 'web')
        : undefined;
    const port = web ? rubyServerPort(web.command) : null;
    return candidate && port
        ? { ...candidate, ports: [port, ...candidate.ports.filter((other) => other.value !== port.value)] }
        : candidate;
}

async function rubyAppCandidate(
    files: ProjectFiles,
    walk: ProjectWalk,
    gemfile: Gemfile | null,
    lockedNames: ReadonlySet<string>,
): Promise<AppCandidate | null> {
    const gem = (name: string): GemfileGem | undefined => gemfile?.gems.find((item) => item.name === name);
    const has = (name: string): boolean => gem(name) !== undefined || lockedNames.has(name);
    const configRu = walk.has('config.ru') ? await files.readText('config.ru') : null;
    const pumaConfig = walk.has('config/puma.rb') ? await files.readText('config/puma.rb') : null;
    const pumaPort = pumaConfig ? pumaConfigPort(pumaConfig) : null;
    const rails = gem('rails') ?? gem('railties');

    if (rails && (configRu || walk.has('config/application.rb'))) {
        const framework: Fact<string> = { value: 'rails', at: rails.at, how: `${rails.name} gem in ${rails.at.file}` };
        const binRails = walk.has('bin/rails');
        const startAt = binRails ? { file: 'bin/rails', line: 1 } : rails.at;
        return {
            root: '.',
            framework,
            startCommand: {
                value: binRails
                    ? ['bin/rails', 'server', '-b', '0.0.0.0']
                    : ['bundle', 'exec', 'rails', 'server', '-b', '0.0.0.0'],
                at: startAt,
                how: binRails ? 'Rails server through bin/rails' : 'Rails server through bundle exec (no bin/rails)',
            },
            ports: [pumaPort ?? { value: 3000, how: 'rails default' }],
            entry: configRu ? rackEntry(configRu) : null,
            workspacePackages: [],
            confidence: 3,
        };
    }

    const sinatra = gem('sinatra');
    const framework: Fact<string> | null = sinatra
        ? { value: 'sinatra', at: sinatra.at, how: `sinatra gem in ${sinatra.at.file}` }
        : null;
    if (configRu) {
        const entry = rackEntry(configRu);
        const server =
            pumaConfig && has('puma')
                ? {
                      value: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'],
                      how: 'puma with config/puma.rb serving config.ru',
                      port: pumaPort ?? { value: 9292, how: 'puma default' },
                  }
                : has('puma')
                  ? {
                        value: ['bundle', 'exec', 'puma', '-b', 'tcp://0.0.0.0:9292'],
                        how: 'puma gem serving config.ru',
                        port: { value: 9292, how: 'puma default' },
                    }
                  : {
                        value: ['bundle', 'exec', 'rackup', '-o', '0.0.0.0'],
                        how: 'rackup serving config.ru',
                        port: { value: 9292, how: 'rackup default' },
                    };
        return {
            root: '.',
            framework,
            startCommand: {
                value: server.value,
                at: { file: configRu.path, line: entry.at?.line ?? 1 },
                how: server.how,
            },
            ports: [server.port],
            entry,
            workspacePackages: [],
            confidence: framework ? 3 : 2,
        };
    }
    if (sinatra) {
        const main = await sinatraMain(files, walk);
        if (main) {
            const port = /^[ \t]*set[ \t]+:port[ \t]*,[ \t]*(\d{2,5})/m.exec(main.text);
            return {
                root: '.',
                framework,
                startCommand: {
                    value: ['bundle', 'exec', 'ruby', main.path, '-o', '0.0.0.0'],
                    at: { file: main.path, line: 1 },
                    how: `Sinatra's built-in server running ${main.path}`,
                },
                ports: [
                    port?.[1]
                        ? {
                              value: Number(port[1]),
                              at: { file: main.path, line: lineAt(main.text, port.index) },
                              how: `set :port in ${main.path}`,
                          }
                        : (rubyEnvPort(main) ?? { value: 4567, how: 'sinatra default' }),
                ],
                entry: { value: main.path, at: { file: main.path, line: 1 }, how: 'requires sinatra' },
                workspacePackages: [],
                confidence: 3,
            };
        }
    }
    if (!gemfile || gemfile.gemspec || walk.files.some((path) => !path.includes('/') && path.endsWith('.gemspec'))) {
        return null;
    }
    return {
        root: '.',
        framework,
        startCommand: null,
        ports: await rootFilePorts(files, walk),
        entry: null,
        workspacePackages: [],
        confidence: 1,
    };
}

/** A plain Ruby server (WEBrick, a Procfile's `ruby server.rb`): the first root .rb file that reads PORT with a default. */
async function rootFilePorts(files: ProjectFiles, walk: ProjectWalk): Promise<Fact<number>[]> {
    for (const path of walk.files.filter((name) => !name.includes('/') && name.endsWith('.rb'))) {
        const file = await files.readText(path);
        const port = file ? rubyEnvPort(file) : null;
        if (port) {
            return [port];
        }
    }
    return [];
}

function rackEntry(configRu: TextFile): Fact<string> {
    const run = /^[ \t]*run\b/m.exec(configRu.text);
    return {
        value: configRu.path,
        at: { file: configRu.path, line: run ? lineAt(configRu.text, run.index) : 1 },
        how: 'Rack config.ru',
    };
}

/** `port ENV.fetch("PORT") { 3000 }` / `port ENV.fetch("PORT", 3000)` / `port 3000` in config/puma.rb. */
function pumaConfigPort(file: TextFile): Fact<number> | null {
    const fetched =
        /^[ \t]*port\s*\(?\s*ENV\.fetch\(\s*["'](\w+)["']\s*(?:,\s*(\d{2,5})\s*\)|\)\s*\{\s*(\d{2,5})\s*\})/m.exec(
            file.text,
        );
    if (fetched) {
        const value = Number(fetched[2] ?? fetched[3]);
        return {
            value,
            at: { file: file.path, line: lineAt(file.text, fetched.index) },
            how: `config/puma.rb port: ${fetched[1] ?? ''} environment variable, default ${value}`,
        };
    }
    const fixed = /^[ \t]*port\s*\(?\s*(\d{2,5})\b/m.exec(file.text);
    return fixed?.[1]
        ? {
              value: Number(fixed[1]),
              at: { file: file.path, line: lineAt(file.text, fixed.index) },
              how: 'config/puma.rb port',
          }
        : null;
}

/** The root Ruby file that requires sinatra (app.rb, server.rb, …). */
async function sinatraMain(files: ProjectFiles, walk: ProjectWalk): Promise<TextFile | null> {
    const candidates = walk.files.filter((path) => !path.includes('/') && path.endsWith('.rb') && path !== 'Gemfile');
    const ordered = [
        ...candidates.filter((path) => path === 'app.rb'),
        ...candidates.filter((path) => path !== 'app.rb'),
    ];
    for (const path of ordered) {
        const file = await files.readText(path);
        if (file && /^[ \t]*require[ \t]+["']sinatra(?:\/base)?["']/m.test(file.text)) {
            return file;
        }
    }
    return null;
}
