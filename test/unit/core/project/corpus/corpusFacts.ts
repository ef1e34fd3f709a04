import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFromSnapshot } from '../../../../../src/core/plan/planFromSnapshot';
import type { Fact, Snapshot } from '../../../../../src/core/snapshot/Snapshot';
import { repoRoot, snapshotFor } from '../../plan/snapshotFor';

export const CORPUS = join(repoRoot, 'test', 'fixtures', 'corpus');

/** The facts a person checks first in a plan, each as one comparable value. */
export interface CorpusFacts {
    readonly ecosystem: string | null;
    /** The runtime pin that wins, as "file:line raw", or "host" when nothing pins it. */
    readonly runtime: string;
    readonly packageManager: string | null;
    readonly appRoot: string;
    readonly startCommand: readonly string[] | null;
    /** "3000 at file:line" when the project says it, "3000 (default)" for a framework's or tool's default. */
    readonly port: string | null;
    readonly framework: string | null;
    readonly title: string;
}

export const FIELDS: readonly (keyof CorpusFacts)[] = [
    'ecosystem',
    'runtime',
    'packageManager',
    'appRoot',
    'startCommand',
    'port',
    'framework',
    'title',
];

export interface CorpusFixture {
    readonly name: string;
    readonly dir: string;
    /** The public repository whose shape the fixture reproduces, and what that shape is. */
    readonly from: string;
    readonly shape: string;
    readonly expected: CorpusFacts;
}

/** Every fixture of the corpus with its expected.json. */
export function corpusFixtures(): CorpusFixture[] {
    return readdirSync(CORPUS, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
        .map((name) => {
            const dir = join(CORPUS, name);
            const { from, shape, ...expected } = JSON.parse(
                readFileSync(join(dir, 'expected.json'), 'utf8'),
            ) as CorpusFacts & { from: string; shape: string };
            return { name, dir, from, shape, expected };
        });
}

const where = (fact: Fact<unknown>): string => (fact.at ? ` at ${fact.at.file}:${fact.at.line}` : ' (default)');

/** The detected app facts of a snapshot, and the title label planning gives it (planners are not compared). */
export function factsOf(snapshot: Snapshot): CorpusFacts {
    const app = snapshot.app;
    const ecosystem = app?.ecosystem ?? null;
    const pin = ecosystem ? snapshot.runtimes[ecosystem]?.declared[0] : undefined;
    const port = app?.ports[0];
    const plan = planFromSnapshot(snapshot, { projectRoot: snapshot.meta.projectRoot ?? '.' });
    return {
        ecosystem,
        runtime: pin ? `${pin.file}:${pin.line} ${pin.raw}` : 'host',
        packageManager: snapshot.packageManagers.find((manager) => manager.ecosystem === ecosystem)?.name ?? null,
        appRoot: app?.root ?? '.',
        startCommand: app?.startCommand?.value ?? null,
        port: port ? `${port.value}${where(port)}` : null,
        framework: app?.framework?.value ?? null,
        title: plan.labels['org.opencontainers.image.title'] ?? '',
    };
}

/** Detects and plans one fixture the way Package App does, with no runtime installed here (pins decide). */
export async function corpusFactsOf(dir: string): Promise<CorpusFacts> {
    return factsOf(await snapshotFor(dir));
}
