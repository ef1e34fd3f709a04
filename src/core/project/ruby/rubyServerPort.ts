import type { Fact } from '../../snapshot/Snapshot';

const SERVERS = new Set(['rackup', 'puma', 'rails', 'bin/rails', 'thin', 'unicorn', 'falcon', 'ruby']);

/**
 * The port a Ruby server command names: `rackup -p 5000`, `puma --port=5000`, `puma -b tcp://0.0.0.0:5000`,
 * `rails server -p 5000`, `ruby app.rb -p 4567` (Sinatra). Null when none is written as a number.
 */
export function rubyServerPort(command: Fact<readonly string[]>): Fact<number> | null {
    const words = command.value;
    if (!words.some((word) => SERVERS.has(word))) {
        return null;
    }
    for (const [index, word] of words.entries()) {
        const next = words[index + 1] ?? '';
        const text =
            word === '-p' || word === '--port'
                ? next
                : (/^(?:-p|--port=)(\d+)$/.exec(word)?.[1] ??
                  (word === '-b' || word === '--bind'
                      ? /^tcp:\/\/[^/]*:(\d+)$/.exec(next)?.[1]
                      : /^--bind=tcp:\/\/[^/]*:(\d+)$/.exec(word)?.[1]));
        const value = text !== undefined && /^\d{2,5}$/.test(text) ? Number(text) : NaN;
        if (value >= 1 && value <= 65535) {
            return {
                value,
                ...(command.at ? { at: command.at } : {}),
                how: `the port in the start command (${command.how})`,
            };
        }
    }
    return null;
}
