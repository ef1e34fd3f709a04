import { canonicalImageReference } from '../images/imageReference';
import { type DockerfileInstruction, expandArgs, type ParsedDockerfile, parseDockerfile } from './parseDockerfile';

/** What a builder's step name says about the step. */
export interface StepName {
    readonly builder: 'buildkit' | 'classic';
    /** BuildKit's own work (`[internal] load metadata for …`, `exporting to image`): no instruction of its own. */
    readonly internal: boolean;
    /** The stage as BuildKit names it (`deps`, `stage-1`); absent for single-stage builds and classic steps. */
    readonly stage?: string;
    /** `[3/6]` in BuildKit (per stage), `Step 3/7` in the classic builder (whole file). */
    readonly index?: number;
    readonly total?: number;
    /** The instruction as printed: `RUN npm ci`. */
    readonly instruction: string;
}

export interface BuildStepLocation {
    /** 1-based lines of the instruction in the Dockerfile. */
    readonly line: number;
    readonly endLine: number;
    readonly instruction: DockerfileInstruction;
}

/** Instructions BuildKit numbers within a stage: the ones that become a step of their own. */
const BUILDKIT_COUNTED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR']);

/**
 * Reads a step name from either builder: BuildKit's vertex names (`[deps 3/6] RUN npm ci`,
 * `[ 2/11] WORKDIR /w`, `[linux/arm64 build 2/4] COPY . .`, `[internal] load build definition`) and the
 * classic builder's step lines (`Step 3/7 : RUN npm ci`).
 */
export function parseStepName(name: string): StepName {
    const classic = /^Step\s+(\d+)\/(\d+)\s*:\s*(.*)$/s.exec(name.trim());
    if (classic) {
        return {
            builder: 'classic',
            internal: false,
            index: Number(classic[1]),
            total: Number(classic[2]),
            instruction: (classic[3] ?? '').trim(),
        };
    }
    const bracketed = /^\[([^\]]*)\]\s*(.*)$/s.exec(name.trim());
    if (!bracketed) {
        return { builder: 'buildkit', internal: true, instruction: name.trim() };
    }
    const words = (bracketed[1] ?? '').trim().split(/\s+/);
    const instruction = (bracketed[2] ?? '').trim();
    const counter = /^(\d+)\/(\d+)$/.exec(words.at(-1) ?? '');
    if (!counter) {
        return { builder: 'buildkit', internal: true, instruction };
    }
    // Before the counter: an optional platform (it has a slash, stage names cannot) and the stage name.
    const stage = words
        .slice(0, -1)
        .filter((word) => !word.includes('/'))
        .at(-1);
    return {
        builder: 'buildkit',
        internal: false,
        ...(stage ? { stage } : {}),
        index: Number(counter[1]),
        total: Number(counter[2]),
        instruction,
    };
}

/**
 * Finds the Dockerfile instruction a build step came from. Classic steps are numbered over the whole file;
 * BuildKit steps are numbered per stage over FROM/RUN/COPY/ADD/WORKDIR, and their text is compared too,
 * so a builder that numbers differently still lands on the right line. `[internal] load metadata for
 * IMAGE` points at the FROM line that names IMAGE. Undefined when the step has no line of its own.
 */
export function locateBuildStep(
    stepName: string,
    dockerfile: ParsedDockerfile | string,
    buildArgs: Readonly<Record<string, string>> = {},
): BuildStepLocation | undefined {
    const parsed = typeof dockerfile === 'string' ? parseDockerfile(dockerfile) : dockerfile;
    const step = parseStepName(stepName);
    const found =
        step.builder === 'classic'
            ? locateClassic(step, parsed)
            : step.internal
              ? locateInternal(step, parsed, buildArgs)
              : locateBuildkit(step, parsed);
    return found ? { line: found.line, endLine: found.endLine, instruction: found } : undefined;
}

/** The FROM line of the stage that uses `image` (a reference as BuildKit prints it, e.g. `docker.io/library/node:20`). */
export function locateBaseImage(
    image: string,
    dockerfile: ParsedDockerfile | string,
    buildArgs: Readonly<Record<string, string>> = {},
): BuildStepLocation | undefined {
    const parsed = typeof dockerfile === 'string' ? parseDockerfile(dockerfile) : dockerfile;
    const values = new Map([...parsed.metaArgs, ...Object.entries(buildArgs)]);
    const wanted = canonicalImageReference(image);
    const stage = parsed.stages.find(
        (candidate) => canonicalImageReference(expandArgs(candidate.image, values)) === wanted,
    );
    const from =
        stage &&
        parsed.instructions.find((instruction) => instruction.keyword === 'FROM' && instruction.stage === stage.index);
    return from ? { line: from.line, endLine: from.endLine, instruction: from } : undefined;
}

function locateClassic(step: StepName, parsed: ParsedDockerfile): DockerfileInstruction | undefined {
    const candidate = step.index === undefined ? undefined : parsed.instructions[step.index - 1];
    if (candidate && sameKeyword(candidate, step.instruction)) {
        return candidate;
    }
    return uniqueTextMatch(parsed.instructions, step.instruction);
}

function locateBuildkit(step: StepName, parsed: ParsedDockerfile): DockerfileInstruction | undefined {
    const stages = stagesFor(step.stage, parsed);
    for (const stage of stages) {
        const counted = parsed.instructions.filter(
            (instruction) => instruction.stage === stage && BUILDKIT_COUNTED.has(instruction.keyword),
        );
        const candidate = step.index === undefined ? undefined : counted[step.index - 1];
        if (candidate && counted.length === step.total && sameKeyword(candidate, step.instruction)) {
            return candidate;
        }
    }
    const inStages = parsed.instructions.filter((instruction) => stages.includes(instruction.stage));
    return (
        uniqueTextMatch(inStages, step.instruction) ??
        (step.stage === undefined ? undefined : uniqueTextMatch(parsed.instructions, step.instruction))
    );
}

function locateInternal(
    step: StepName,
    parsed: ParsedDockerfile,
    buildArgs: Readonly<Record<string, string>>,
): DockerfileInstruction | undefined {
    const metadata = /^load metadata for (\S+)$/.exec(step.instruction);
    return metadata?.[1] ? locateBaseImage(metadata[1], parsed, buildArgs)?.instruction : undefined;
}

/** BuildKit names stages by their `AS` name, or `stage-N` when they have none; one stage is not named. */
function stagesFor(stage: string | undefined, parsed: ParsedDockerfile): number[] {
    if (stage === undefined) {
        return parsed.stages.length <= 1 ? [0] : parsed.stages.map((candidate) => candidate.index).reverse();
    }
    const named = parsed.stages.find((candidate) => candidate.name === stage.toLowerCase());
    if (named) {
        return [named.index];
    }
    const numbered = /^stage-(\d+)$/.exec(stage);
    return numbered ? [Number(numbered[1])] : parsed.stages.map((candidate) => candidate.index);
}

function uniqueTextMatch(
    instructions: readonly DockerfileInstruction[],
    printed: string,
): DockerfileInstruction | undefined {
    const matches = instructions.filter((instruction) => sameText(instruction, printed));
    return matches.length === 1 ? matches[0] : undefined;
}

function sameKeyword(instruction: DockerfileInstruction, printed: string): boolean {
    return instruction.keyword === (/^\S+/.exec(printed)?.[0] ?? '').toUpperCase();
}

/** Same instruction text, whitespace runs ignored (builders keep the source's spacing, mostly). */
function sameText(instruction: DockerfileInstruction, printed: string): boolean {
    const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
    return sameKeyword(instruction, printed) && squash(instruction.args) === squash(printed.replace(/^\S+/, ''));
}
