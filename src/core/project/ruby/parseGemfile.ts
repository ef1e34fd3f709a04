import type { SourceRef } from '../../snapshot/Snapshot';
import type { TextFile } from '../ProjectFiles';

export interface GemfileGem {
    readonly name: string;
    readonly requirements: readonly string[];
    /** Bundler groups from enclosing `group … do` blocks or a `group:` option; empty means the default group. */
    readonly groups: readonly string[];
    readonly at: SourceRef;
}

export interface GemfileRuby {
    /** The requirements as written ("~> 3.2", ">= 3.1, < 3.4"), or the arguments of another form (`file: ".ruby-version"`). */
    readonly raw: string;
    readonly requirements: readonly string[];
    /** The file named by `ruby file: "…"`, when that form is used. */
    readonly file: string | null;
    readonly at: SourceRef;
}

export interface Gemfile {
    readonly gems: readonly GemfileGem[];
    readonly ruby: GemfileRuby | null;
    /** `gemspec`: the Gemfile belongs to a gem (a library). */
    readonly gemspec: boolean;
}

/** Gemfile lines are short; longer ones are not worth a regular expression's time. */
const MAX_LINE = 2000;
const quoted = (text: string): string[] => [...text.matchAll(/["']([^"']*)["']/g)].map((match) => match[1] ?? '');

/** The gems and the ruby directive of a Gemfile, read line by line (it is Ruby; this reads its common forms). */
export function parseGemfile(file: TextFile): Gemfile {
    const gems: GemfileGem[] = [];
    let ruby: GemfileRuby | null = null;
    let gemspec = false;
    const groupStack: (string[] | null)[] = [];
    for (const [index, raw] of file.text.split(/\r?\n/).entries()) {
        if (raw.length > MAX_LINE) {
            continue;
        }
        const text = raw.replace(/(^|\s)#.*$/, '').trim();
        const at = { file: file.path, line: index + 1 };
        const group = /^group\s+(.+?)\s+do\b/.exec(text);
        if (group?.[1]) {
            groupStack.push([...group[1].matchAll(/:(\w+)|["'](\w+)["']/g)].map((match) => match[1] ?? match[2] ?? ''));
            continue;
        }
        if (/\bdo\s*(\|[^|]*\|)?\s*$/.test(text) || /^(?:if|unless|case|begin|while|until)\b/.test(text)) {
            groupStack.push(null);
            continue;
        }
        if (text === 'end') {
            groupStack.pop();
            continue;
        }
        const gem = /^gem\s*\(?\s*["']([^"']+)["']\s*(.*)$/.exec(text);
        if (gem?.[1]) {
            const rest = gem[2] ?? '';
            const options = rest.search(/\b\w+:\s|:\w+\s*=>/);
            const requirements = quoted(options === -1 ? rest : rest.slice(0, options));
            const inline = /\bgroups?:\s*(\[[^\]]*\]|:\w+)/.exec(rest)?.[1];
            const groups = [
                ...groupStack.flatMap((entry) => entry ?? []),
                ...(inline ? [...inline.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '') : []),
            ];
            gems.push({ name: gem[1], requirements, groups, at });
            continue;
        }
        const rubyLine = /^ruby\s*\(?\s*(.+?)\)?$/.exec(text);
        if (rubyLine?.[1] && !ruby) {
            // `ruby file: ".ruby-version"` (Bundler 2.4+) and the older `ruby File.read(".ruby-version").strip`.
            const fileOption = /\bfile:\s*["']([^"']+)["']|\bFile\.read\(\s*["']([^"']+)["']\s*\)/.exec(rubyLine[1]);
            const args = fileOption ? '' : rubyLine[1].replace(/\b\w+:\s*["'][^"']*["']/g, '');
            const requirements = quoted(args);
            ruby = {
                raw: fileOption || requirements.length === 0 ? rubyLine[1] : requirements.join(', '),
                requirements,
                file: fileOption ? (fileOption[1] ?? fileOption[2] ?? null) : null,
                at,
            };
            continue;
        }
        if (/^gemspec\b/.test(text)) {
            gemspec = true;
        }
    }
    return { gems, ruby, gemspec };
}
