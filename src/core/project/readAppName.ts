import type { Fact, RuntimeName } from '../snapshot/Snapshot';
import { rootChildren, withoutXmlComments } from './java/xmlText';
import { lineAt } from './lineAt';
import { joinPath, type ProjectFiles, type TextFile } from './ProjectFiles';
import { readTomlFile, tomlGet } from './python/readTomlFile';
import { tomlKeyLine } from './python/tomlLines';

/**
 * The app's name as its manifest gives it, with the line that says it: package.json `name` (of the workspace
 * package in a monorepo), pyproject `[project] name` or `[tool.poetry] name`, pom.xml `artifactId` or
 * settings.gradle `rootProject.name`, go.mod's module path without a major-version suffix (its last element),
 * a gemspec's `name` or the Rails application module (RubyGettingStarted → ruby-getting-started). Null when no
 * manifest names the app; the value is raw project text (callers sanitise it where it goes).
 */
export async function readAppName(
    files: ProjectFiles,
    ecosystem: RuntimeName | null,
    appRoot: string,
): Promise<Fact<string> | null> {
    switch (ecosystem) {
        case 'node':
            return nodeName(await files.readText(joinPath(appRoot, 'package.json')));
        case 'python':
            return pythonName(files, joinPath(appRoot, 'pyproject.toml'));
        case 'go':
            return goName(await files.readText(joinPath(appRoot, 'go.mod')));
        case 'java':
            return javaName(files, appRoot);
        case 'ruby':
            return rubyName(files, appRoot);
        default:
            return null;
    }
}

function matched(
    file: TextFile | null,
    pattern: RegExp,
    how: string,
    transform: (value: string) => string = (value) => value,
): Fact<string> | null {
    const match = file ? pattern.exec(file.text) : null;
    const value = match?.[1] ? transform(match[1]) : '';
    return file && match && value !== ''
        ? { value, at: { file: file.path, line: lineAt(file.text, match.index) }, how }
        : null;
}

function nodeName(file: TextFile | null): Fact<string> | null {
    if (!file) {
        return null;
    }
    let name: unknown;
    try {
        name = (JSON.parse(file.text) as { name?: unknown }).name;
    } catch {
        return null;
    }
    // The key's line: the first `"name":` at the top level is the one JSON.parse kept for a well-formed manifest.
    const key = /^[ \t]{0,4}"name"[ \t]*:/m.exec(file.text);
    return typeof name === 'string' && name.trim() !== ''
        ? {
              value: name,
              at: { file: file.path, line: key ? lineAt(file.text, key.index) : 1 },
              how: 'package.json name',
          }
        : null;
}

async function pythonName(files: ProjectFiles, path: string): Promise<Fact<string> | null> {
    const pyproject = await readTomlFile(files, path);
    if (!pyproject) {
        return null;
    }
    for (const table of [['project'], ['tool', 'poetry']]) {
        const name = tomlGet(pyproject.data, ...table, 'name');
        if (typeof name === 'string' && name.trim() !== '') {
            return {
                value: name,
                at: { file: pyproject.path, line: tomlKeyLine(pyproject.text, table, 'name') },
                how: `${pyproject.path} [${table.join('.')}] name`,
            };
        }
    }
    return null;
}

function goName(file: TextFile | null): Fact<string> | null {
    return matched(file, /^module[ \t]+"?([^\s"]+)"?/m, 'go.mod module (its last element)', (path) => {
        const parts = path.split('/').filter(Boolean);
        const last = parts.pop() ?? '';
        return /^v\d+$/.test(last) && parts.length > 0 ? (parts.pop() ?? '') : last;
    });
}

async function javaName(files: ProjectFiles, appRoot: string): Promise<Fact<string> | null> {
    const pom = await files.readText(joinPath(appRoot, 'pom.xml'));
    if (pom) {
        const text = withoutXmlComments(pom.text);
        const artifact = rootChildren(text).find((element) => element.name === 'artifactId');
        if (artifact && artifact.value.trim() !== '' && !artifact.value.includes('${')) {
            return {
                value: artifact.value.trim(),
                at: { file: pom.path, line: lineAt(text, artifact.offset) },
                how: 'pom.xml artifactId',
            };
        }
    }
    for (const name of ['settings.gradle', 'settings.gradle.kts']) {
        const found = matched(
            await files.readText(joinPath(appRoot, name)),
            /^[ \t]*rootProject\.name[ \t]*=[ \t]*["']([^"'\n]+)["']/m,
            `${name} rootProject.name`,
        );
        if (found) {
            return found;
        }
    }
    return null;
}

async function rubyName(files: ProjectFiles, appRoot: string): Promise<Fact<string> | null> {
    const gemspec = (await files.list(appRoot)).find(
        (entry) => entry.kind === 'file' && entry.name.endsWith('.gemspec'),
    );
    const fromGemspec = gemspec
        ? matched(
              await files.readText(joinPath(appRoot, gemspec.name)),
              /^[ \t]*\w+\.name[ \t]*=[ \t]*["']([^"'\n]+)["']/m,
              'gemspec name',
          )
        : null;
    if (fromGemspec) {
        return fromGemspec;
    }
    // Rails names the app after the module config/application.rb defines (Rails.application.class.module_parent_name).
    return matched(
        await files.readText(joinPath(appRoot, 'config/application.rb')),
        /^module[ \t]+([A-Z]\w*)/m,
        'Rails application module in config/application.rb',
        (module) =>
            module
                .replace(/([a-z\d])([A-Z])/g, '$1-$2')
                .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
                .toLowerCase(),
    );
}
