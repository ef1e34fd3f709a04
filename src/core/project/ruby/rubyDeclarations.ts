import type { RuntimeDeclaration } from '../../snapshot/Snapshot';
import type { ProjectFiles } from '../ProjectFiles';
import type { ToolPin } from '../toolVersions';
import type { Gemfile } from './parseGemfile';
import type { GemfileLock } from './parseGemfileLock';
import { rubyPinRange, rubyRequirementRange, type RubyRange } from './rubyRange';

/**
 * Ruby pins, first wins: .ruby-version (rbenv, chruby, rvm), asdf, mise — what picks the ruby binary —
 * then the Gemfile's `ruby` directive (Bundler refuses other versions) and Gemfile.lock's RUBY VERSION.
 */
export async function rubyDeclarations(files: ProjectFiles, pins: readonly ToolPin[], gemfilePath: string, gemfile: Gemfile | null, lockPath: string, lock: GemfileLock | null): Promise<RuntimeDeclaration[]> {
    const declared: RuntimeDeclaration[] = [];
    const rubyVersion = await files.readText('.ruby-version');
    const rubyVersionLine = rubyVersion ? firstLine(rubyVersion.text) : null;
    if (rubyVersion && rubyVersionLine) {
        declared.push(declaration(rubyVersion.path, rubyVersionLine.line, '.ruby-version', rubyVersionLine.text, rubyPinRange(rubyVersionLine.text)));
    } else if (rubyVersion) {
        files.issues.add({ severity: 'warning', message: '.ruby-version is empty; version managers ignore it.', at: { file: rubyVersion.path, line: 1 } });
    }
    for (const pin of pins) {
        declared.push(declaration(pin.file, pin.line, pin.source, pin.version, rubyPinRange(pin.version)));
    }
    const ruby = gemfile?.ruby;
    if (ruby) {
        let range: RubyRange;
        if (ruby.file) {
            const named = await files.readText(ruby.file);
            const line = named ? firstLine(named.text) : null;
            range = line ? { ...rubyPinRange(line.text), note: `the Gemfile reads ${ruby.file}: ${line.text}` } : { range: null, note: `the Gemfile reads ${ruby.file}, which is missing or empty` };
        } else {
            range = rubyRequirementRange(ruby.requirements);
        }
        declared.push(declaration(gemfilePath, ruby.at.line, 'Gemfile#ruby', ruby.raw, range));
    }
    if (lock?.ruby) {
        declared.push(declaration(lockPath, lock.ruby.line, 'Gemfile.lock#RUBY VERSION', lock.ruby.raw, rubyPinRange(lock.ruby.raw)));
    }
    return declared;
}

function firstLine(text: string): { text: string; line: number } | null {
    const lines = text.split(/\r?\n/);
    const index = lines.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('#'));
    const found = lines[index]?.trim();
    return found ? { text: found, line: index + 1 } : null;
}

function declaration(file: string, line: number, source: string, raw: string, range: RubyRange): RuntimeDeclaration {
    return { file, line, source, raw, range: range.range, ...(range.note ? { note: range.note } : {}) };
}
