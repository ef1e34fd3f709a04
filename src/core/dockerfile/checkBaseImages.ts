import { DIFF_RULE_TABLE } from '../diff/DIFF_RULE_TABLE';
import type { Snapshot } from '../snapshot/Snapshot';
import { baseImageLibc, baseImageRuntime, versionDistance } from './baseImageRuntime';
import { describeSide } from './describeSide';
import type { DockerfileCheckContext } from './DockerfileCheckContext';
import type { ModelFrom } from './DockerfileModel';
import type { DocumentProblem, ProblemFix } from './DockerfileProblem';

const RULE_OF_DISTANCE = { major: 'runtime.major', minor: 'runtime.minor', patch: 'runtime.patch' } as const;
/** Debian variants of the official runtime images, to leave musl for glibc. */
const GLIBC_VARIANT: Readonly<Record<string, string>> = {
    node: '-bookworm-slim',
    python: '-slim-bookworm',
    ruby: '-slim-bookworm',
    go: '-bookworm',
};

/**
 * The base images against the environments: the runtime version their tag carries vs what runs locally and on
 * the target, a musl base where the app runs on glibc, and `--platform` vs the local / target architecture.
 */
export function checkBaseImages(context: DockerfileCheckContext): DocumentProblem[] {
    const problems: DocumentProblem[] = [];
    for (const from of context.model.froms) {
        if (!from.image || from.isStage) {
            continue;
        }
        problems.push(
            ...runtimeProblems(from, context),
            ...libcProblems(from, context),
            ...platformProblems(from, context),
        );
    }
    return problems;
}

function sides(context: DockerfileCheckContext): [Snapshot, 'local' | 'target'][] {
    return [
        ...(context.local ? [[context.local, 'local'] as [Snapshot, 'local']] : []),
        ...(context.target ? [[context.target, 'target'] as [Snapshot, 'target']] : []),
    ];
}

function runtimeProblems(from: ModelFrom, context: DockerfileCheckContext): DocumentProblem[] {
    const image = from.image;
    const base = image && baseImageRuntime(image.text);
    if (!image || !base) {
        return [];
    }
    const fixes: ProblemFix[] = [];
    const gaps: string[] = [];
    let worst: 'major' | 'minor' | 'patch' | undefined;
    for (const [snapshot, side] of sides(context)) {
        const installed = snapshot.runtimes[base.runtime]?.installed?.version;
        const distance = installed === undefined ? undefined : versionDistance(base.runtime, base.version, installed);
        if (!installed || !distance) {
            continue;
        }
        gaps.push(`${base.runtime} ${installed} runs ${describeSide(snapshot, side)}`);
        worst =
            worst === 'major' || distance === 'major'
                ? 'major'
                : worst === 'minor' || distance === 'minor'
                  ? 'minor'
                  : 'patch';
        const pinned = `${base.repository}:${installed.replace(/^v/, '')}${base.variant}`;
        fixes.push({
            title: `Pin FROM to ${pinned} (the ${base.runtime} that runs ${side === 'local' ? 'locally' : 'on the target'})`,
            changes: [{ span: image.span, newText: pinned }],
            preferred: side === 'local',
        });
    }
    if (!worst) {
        return [];
    }
    const rule = RULE_OF_DISTANCE[worst];
    return [
        {
            code: 'parity.base-runtime',
            severity: DIFF_RULE_TABLE[rule].severity,
            rule,
            facet: 'runtimes',
            key: base.runtime,
            span: image.span,
            fixes,
            message: `${image.text} runs ${base.runtime} ${base.version}, but ${gaps.join(' and ')}.`,
        },
    ];
}

function libcProblems(from: ModelFrom, context: DockerfileCheckContext): DocumentProblem[] {
    const image = from.image;
    const local = context.local;
    if (!image || !local || baseImageLibc(image.text) !== 'musl' || local.platform.libc.family !== 'glibc') {
        return [];
    }
    const native = local.nativeDependencies.map((dependency) => dependency.name);
    const base = baseImageRuntime(image.text);
    const variant = base && GLIBC_VARIANT[base.runtime];
    const fixes: ProblemFix[] =
        base && variant
            ? [
                  {
                      title: `Use ${base.repository}:${base.version}${variant} (glibc)`,
                      changes: [{ span: image.span, newText: `${base.repository}:${base.version}${variant}` }],
                      preferred: true,
                  },
              ]
            : [];
    return [
        {
            code: 'parity.base-libc',
            severity: native.length > 0 ? 'error' : 'warning',
            rule: 'platform.libc-family',
            facet: 'platform',
            key: 'libc',
            span: image.span,
            fixes,
            message:
                native.length > 0
                    ? `${image.text} uses musl, but the app runs on glibc here and has native dependencies (${native.slice(0, 3).join(', ')}${native.length > 3 ? ' …' : ''}) that are built for one C library and do not load on the other.`
                    : `${image.text} uses musl, but the app runs on glibc here: behaviour (DNS, locales, threads) and any later native dependency differ.`,
        },
    ];
}

function platformProblems(from: ModelFrom, context: DockerfileCheckContext): DocumentProblem[] {
    const platform = from.platform;
    if (!platform || platform.text.includes('$')) {
        return [];
    }
    const arch = platform.text.split('/')[1];
    const problems: DocumentProblem[] = [];
    for (const [snapshot, side] of sides(context)) {
        if (arch === undefined || snapshot.platform.arch === arch) {
            continue;
        }
        const wanted = `linux/${snapshot.platform.arch}`;
        problems.push({
            code: 'parity.platform',
            severity: DIFF_RULE_TABLE['platform.arch'].severity,
            rule: 'platform.arch',
            facet: 'platform',
            key: `arch:${side}`,
            span: platform.span,
            message: `--platform=${platform.text} builds for ${arch}, but the app runs on ${snapshot.platform.arch} ${describeSide(snapshot, side)}: native code and emulation differ.`,
            fixes: [
                {
                    title: `Build for ${wanted}`,
                    changes: [{ span: platform.span, newText: wanted }],
                    preferred: side === 'target',
                },
            ],
        });
    }
    return problems;
}
