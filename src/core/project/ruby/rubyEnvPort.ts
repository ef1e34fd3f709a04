import type { Fact } from '../../snapshot/Snapshot';
import { lineAt } from '../lineAt';
import type { TextFile } from '../ProjectFiles';

/** `ENV.fetch("PORT", 3000)`, `ENV.fetch("PORT") { 3000 }`, `ENV["PORT"] || 3000`, `ENV['PORT'] ||= '3000'`. */
const ENV_PORT = /\bENV(?:\.fetch\(\s*["'](\w*PORT)["']\s*(?:,\s*|\)\s*\{\s*)|\[\s*["'](\w*PORT)["']\s*\]\s*\|\|=?\s*)["']?(\d{2,5})\b/;
/** `set :port, 4567`. */
const SET_PORT = /^[ \t]*set[ \t]+:port[ \t]*,[ \t]*(\d{2,5})\b/m;

/**
 * The port a Ruby server file sets: a literal `set :port`, else a PORT environment variable's fallback — the
 * variable the app reads, with the value it listens on when the variable is unset. Null when neither is there.
 */
export function rubyEnvPort(file: TextFile): Fact<number> | null {
    const literal = SET_PORT.exec(file.text);
    if (literal?.[1]) {
        return { value: Number(literal[1]), at: { file: file.path, line: lineAt(file.text, literal.index) }, how: `set :port in ${file.path}` };
    }
    const fallback = ENV_PORT.exec(file.text);
    const value = Number(fallback?.[3]);
    if (!fallback || value < 1 || value > 65535) {
        return null;
    }
    const name = fallback[1] ?? fallback[2] ?? 'PORT';
    return { value, at: { file: file.path, line: lineAt(file.text, fallback.index) }, how: `${name} environment variable in ${file.path}, default ${value}` };
}
