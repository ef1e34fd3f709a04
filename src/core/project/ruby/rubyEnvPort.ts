import type { Fact } from '../../snapshot/Snapshot';
import { lineAt } from '../lineAt';
import type { TextFile } from '../ProjectFiles';

/** `ENV.fetch("PORT", 8080)`, `ENV.fetch("PORT") { 8080 }`, `ENV["PORT"] || 8080` (quotes optional around the default). */
const ENV_PORT =
    /ENV(?:\.fetch\(\s*["']PORT["']\s*(?:,\s*["']?(\d{2,5})["']?\s*\)|\)\s*\{\s*["']?(\d{2,5})["']?\s*\})|\[\s*["']PORT["']\s*\]\s*\|\|\s*["']?(\d{2,5})\b)/;

/** The port a Ruby file listens on when it reads PORT with a default: the app follows PORT, so the image sets it. */
export function rubyEnvPort(file: TextFile): Fact<number> | null {
    const match = ENV_PORT.exec(file.text);
    const value = Number(match?.[1] ?? match?.[2] ?? match?.[3]);
    if (!match || !Number.isInteger(value) || value < 1 || value > 65535) {
        return null;
    }
    return {
        value,
        at: { file: file.path, line: lineAt(file.text, match.index) },
        how: `${file.path} reads the PORT environment variable, default ${value}`,
    };
}
