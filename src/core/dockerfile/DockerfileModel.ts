import { DockerfileParser, Env, From, type Instruction, ModifiableInstruction } from 'dockerfile-ast';
import type { Span } from './DockerfileProblem';

export interface ModelFrom {
    readonly span: Span;
    /** The image reference as written, with its span; absent for `FROM` with nothing after it. */
    readonly image?: { readonly text: string; readonly span: Span };
    readonly alias?: string;
    readonly platform?: { readonly text: string; readonly span: Span };
    /** The image names an earlier stage (`FROM build`), so it has no base image of its own. */
    readonly isStage: boolean;
    readonly stage: number;
}

export interface ModelWord {
    readonly text: string;
    readonly span: Span;
}

export interface ModelEnv {
    readonly name: string;
    readonly value: string | null;
    readonly span: Span;
    readonly valueSpan: Span | null;
    readonly instructionSpan: Span;
    readonly stage: number;
}

export interface ModelInstruction {
    readonly keyword: string;
    readonly span: Span;
    readonly stage: number;
    /** Arguments without flags (`--from=…`, `--chown=…`). */
    readonly words: readonly ModelWord[];
    /** Flags by name with their values, e.g. from → build. */
    readonly flags: Readonly<Record<string, string | null>>;
}

/** What Parity's checks and hovers read from a Dockerfile, from one dockerfile-ast parse. */
export interface DockerfileModel {
    readonly froms: readonly ModelFrom[];
    readonly envs: readonly ModelEnv[];
    readonly instructions: readonly ModelInstruction[];
    /** Index of the last stage, the one that becomes the image (-1 without a FROM). */
    readonly finalStage: number;
    readonly lineCount: number;
}

/** Reads a Dockerfile into the model the checks use. Never throws: broken lines are simply not in it. */
export function readDockerfileModel(text: string): DockerfileModel {
    const dockerfile = DockerfileParser.parse(text);
    const froms: ModelFrom[] = [];
    const envs: ModelEnv[] = [];
    const instructions: ModelInstruction[] = [];
    const stageNames = new Set<string>();
    for (const instruction of dockerfile.getInstructions()) {
        const stage = froms.length - (instruction instanceof From ? 0 : 1);
        if (instruction instanceof From) {
            froms.push(fromOf(instruction, stage, stageNames));
        } else if (instruction instanceof Env) {
            for (const property of instruction.getProperties()) {
                envs.push({
                    name: property.getName(),
                    value: property.getUnescapedValue(),
                    span: property.getRange(),
                    valueSpan: property.getValueRange(),
                    instructionSpan: instruction.getRange(),
                    stage,
                });
            }
        }
        instructions.push(instructionOf(instruction, stage));
    }
    return { froms, envs, instructions, finalStage: froms.length - 1, lineCount: text.split('\n').length };
}

function fromOf(from: From, stage: number, stageNames: Set<string>): ModelFrom {
    const image = from.getImage();
    const imageSpan = from.getImageRange();
    const alias = from.getBuildStage() ?? undefined;
    const platform = from.getPlatformFlag();
    const platformSpan = platform?.getValueRange();
    const isStage = image !== null && stageNames.has(image.toLowerCase());
    if (alias) {
        stageNames.add(alias.toLowerCase());
    }
    return {
        span: from.getRange(),
        ...(image !== null && imageSpan ? { image: { text: image, span: imageSpan } } : {}),
        ...(alias ? { alias } : {}),
        ...(platform && platformSpan ? { platform: { text: platform.getValue() ?? '', span: platformSpan } } : {}),
        isStage,
        stage,
    };
}

function instructionOf(instruction: Instruction, stage: number): ModelInstruction {
    const flags: Record<string, string | null> = {};
    if (instruction instanceof ModifiableInstruction) {
        for (const flag of instruction.getFlags()) {
            flags[flag.getName().toLowerCase()] = flag.getValue();
        }
    }
    return {
        keyword: instruction.getKeyword(),
        span: instruction.getRange(),
        stage,
        words: instruction.getArguments().map((argument) => ({ text: argument.getValue(), span: argument.getRange() })),
        flags,
    };
}
