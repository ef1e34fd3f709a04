import { canonicalName } from './PythonRequirement';

/**
 * The packages a Python lockfile installs, by canonical name, each at the line that names it: `name = "…"`
 * under `[[package]]` in poetry.lock and uv.lock, the keys of Pipfile.lock's "default" section (its
 * "develop" section never reaches the image). Line-oriented because TOML and JSON parsers drop line numbers.
 */
export function lockedPythonPackages(file: string, text: string): ReadonlyMap<string, number> {
    const found = new Map<string, number>();
    const add = (name: string, index: number): void => {
        const canonical = canonicalName(name);
        if (!found.has(canonical)) {
            found.set(canonical, index + 1);
        }
    };
    const lines = text.split('\n');
    if (file === 'Pipfile.lock') {
        let inDefault = false;
        lines.forEach((line, index) => {
            const section = /^ {4}"([^"]+)":/.exec(line)?.[1];
            if (section !== undefined) {
                inDefault = section === 'default';
                return;
            }
            const name = inDefault ? /^ {8}"([^"]+)":\s*\{/.exec(line)?.[1] : undefined;
            if (name) {
                add(name, index);
            }
        });
        return found;
    }
    let inPackage = false;
    lines.forEach((line, index) => {
        if (/^\[\[?/.test(line)) {
            inPackage = /^\[\[package\]\]\s*$/.test(line);
            return;
        }
        const name = inPackage ? /^name\s*=\s*"([^"]+)"/.exec(line)?.[1] : undefined;
        if (name) {
            add(name, index);
            inPackage = false;
        }
    });
    return found;
}
