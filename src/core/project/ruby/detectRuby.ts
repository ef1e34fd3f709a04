import type { EcosystemDetection, EcosystemDetector } from '../EcosystemDetection';
import type { LockfileFact, PackageManagerFacts } from '../../snapshot/Snapshot';
import { readToolPins } from '../toolVersions';
import { detectRubyApp } from './detectRubyApp';
import { parseGemfile } from './parseGemfile';
import { parseGemfileLock } from './parseGemfileLock';
import { rubyDeclarations } from './rubyDeclarations';
import { rubyNativeGems } from './rubyNativeGems';

const GEMFILE = 'Gemfile';
const LOCKFILE = 'Gemfile.lock';

/** Ruby: version pins, Bundler, native gems and the Rails/Sinatra/Rack app. */
export const detectRuby: EcosystemDetector = async (files, walk): Promise<EcosystemDetection | null> => {
    const pins = (await readToolPins(files)).filter((pin) => pin.tool === 'ruby');
    if (
        !walk.has(GEMFILE) &&
        !walk.has(LOCKFILE) &&
        !walk.has('.ruby-version') &&
        !walk.has('config.ru') &&
        pins.length === 0
    ) {
        return null;
    }
    const gemfileText = walk.has(GEMFILE) ? await files.readText(GEMFILE) : null;
    const gemfile = gemfileText ? parseGemfile(gemfileText) : null;
    const lockText = walk.has(LOCKFILE) ? await files.readText(LOCKFILE) : null;
    const lock = lockText ? parseGemfileLock(lockText) : null;
    if (lockText && lock && lock.specs.length === 0 && !lock.bundledWith) {
        files.issues.add({
            severity: 'warning',
            message: `${LOCKFILE} has no GEM specs and no BUNDLED WITH section; it does not look like a Bundler lockfile.`,
            at: { file: lockText.path, line: 1 },
        });
    }
    const packageManagers: PackageManagerFacts[] =
        gemfile || lock
            ? [
                  {
                      name: 'bundler',
                      ecosystem: 'ruby',
                      declared: lock?.bundledWith
                          ? {
                                file: LOCKFILE,
                                line: lock.bundledWith.line,
                                raw: lock.bundledWith.raw,
                                source: 'Gemfile.lock#BUNDLED WITH',
                            }
                          : null,
                      evidence: lock ? 'lockfile' : GEMFILE,
                  },
              ]
            : [];
    const lockfiles: LockfileFact[] = lock ? [{ file: LOCKFILE, manager: 'bundler', packageRoot: '.' }] : [];
    return {
        ecosystem: 'ruby',
        declared: await rubyDeclarations(files, pins, GEMFILE, gemfile, LOCKFILE, lock),
        packageManagers,
        lockfiles,
        nativeDependencies: rubyNativeGems(gemfile?.gems ?? [], lock?.specs ?? [], lock ? LOCKFILE : null),
        app: await detectRubyApp(files, walk, gemfile, new Set(lock?.specs.map((spec) => spec.name) ?? [])),
    };
};
