import type { NativeDependencyFact } from '../../snapshot/Snapshot';
import { lineAt } from '../lineAt';
import type { ProjectFiles } from '../ProjectFiles';
import type { ProjectWalk } from '../walkProject';
import type { GoMod } from './parseGoMod';

const CGO_BUILD = ['gcc', 'libc6-dev'];
const MAX_SCANNED_FILES = 300;

/** Modules that only build with cgo, and the system libraries they link. */
const KNOWN: Readonly<Record<string, { readonly needs: readonly string[]; readonly reason: string }>> = {
    'github.com/mattn/go-sqlite3': { needs: CGO_BUILD, reason: 'cgo: compiles SQLite from C (needs CGO_ENABLED=1)' },
    'github.com/confluentinc/confluent-kafka-go': {
        needs: CGO_BUILD,
        reason: 'cgo: links the bundled librdkafka (needs CGO_ENABLED=1)',
    },
    'gopkg.in/gographics/imagick.v3': {
        needs: [...CGO_BUILD, 'pkg-config', 'libmagickwand-dev'],
        reason: "cgo: links ImageMagick's MagickWand",
    },
    'gopkg.in/gographics/imagick.v2': {
        needs: [...CGO_BUILD, 'pkg-config', 'libmagickwand-dev'],
        reason: "cgo: links ImageMagick's MagickWand",
    },
    'github.com/h2non/bimg': { needs: [...CGO_BUILD, 'pkg-config', 'libvips-dev'], reason: 'cgo: links libvips' },
    'github.com/davidbyttow/govips': {
        needs: [...CGO_BUILD, 'pkg-config', 'libvips-dev'],
        reason: 'cgo: links libvips',
    },
};

/** cgo in the project's own sources (`import "C"`) and required modules known to need it. */
export async function goNativeDependencies(
    files: ProjectFiles,
    walk: ProjectWalk,
    goModPath: string,
    goMod: GoMod | null,
): Promise<NativeDependencyFact[]> {
    const facts: NativeDependencyFact[] = [];
    for (const required of goMod?.requires ?? []) {
        const known = Object.entries(KNOWN).find(
            ([path]) => required.path === path || required.path.startsWith(`${path}/`),
        )?.[1];
        if (known) {
            facts.push({
                name: required.path,
                ecosystem: 'go',
                reason: known.reason,
                needs: known.needs,
                declaredAt: { file: goModPath, line: required.line },
            });
        }
    }
    const goFiles = walk.files
        .filter((path) => path.endsWith('.go') && !path.endsWith('_test.go'))
        .slice(0, MAX_SCANNED_FILES);
    for (const path of goFiles) {
        const file = await files.readText(path);
        const cgo = file ? /^[ \t]*(?:import[ \t]+)?"C"[ \t]*(?:\/\/.*)?$/m.exec(file.text) : null;
        if (file && cgo) {
            const libraries = [...file.text.matchAll(/^#cgo\b[^:\n]*LDFLAGS:(.*)$/gm)].flatMap((line) =>
                [...(line[1] ?? '').matchAll(/-l(\S+)/g)].map((lib) => lib[1] ?? ''),
            );
            const pkgConfig = [...file.text.matchAll(/^#cgo\b[^:\n]*pkg-config:(.*)$/gm)].flatMap((line) =>
                (line[1] ?? '').trim().split(/\s+/),
            );
            const links = [...libraries.map((lib) => `-l${lib}`), ...pkgConfig].filter((item) => item !== '');
            facts.push({
                name: file.path,
                ecosystem: 'go',
                reason: `cgo: import "C"${links.length > 0 ? `, links ${links.join(' ')}` : ''} (needs CGO_ENABLED=1 and a C toolchain)`,
                needs: pkgConfig.length > 0 ? [...CGO_BUILD, 'pkg-config'] : CGO_BUILD,
                declaredAt: { file: file.path, line: lineAt(file.text, cgo.index) },
            });
        }
    }
    return facts;
}
