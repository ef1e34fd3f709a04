import * as vscode from 'vscode';
import type { Plan, PlanDecision } from '../../../core/plan/Plan';
import { parsePort as parsePortText } from '../../../core/plan/parsePort';

/** What the user changed in the plan; the caller re-plans with these as overrides. */
export interface PlanOverrides {
    readonly runtimeVersion?: string;
    readonly startCommand?: string[];
    readonly port?: number | null;
}

type Choice = 'build' | 'runtime' | 'start' | 'port' | 'json';

interface ChoiceItem extends vscode.QuickPickItem {
    readonly choice?: Choice;
}

/**
 * Shows the plan as a quick pick — every decision with its reason — and lets the user change the runtime
 * version, start command and port before anything is written. Resolves with the overrides to apply
 * ({} to build as planned) or undefined when dismissed; `replan` recomputes the plan after each change;
 * `given` are overrides already made (the port asked for when none was found).
 */
export async function reviewPlan(
    initial: Plan,
    replan: (overrides: PlanOverrides) => Plan,
    showJson: (plan: Plan) => Promise<void>,
    given: PlanOverrides = {},
): Promise<{ plan: Plan; overrides: PlanOverrides } | undefined> {
    let plan = initial;
    let overrides: PlanOverrides = given;
    for (;;) {
        const picked = await vscode.window.showQuickPick(items(plan), {
            title: vscode.l10n.t(
                'Parity: Package App — plan for {0}',
                plan.appRoot === '.' ? basename(plan.projectRoot) : plan.appRoot,
            ),
            placeHolder: vscode.l10n.t('Build with this plan, or pick a decision to change it'),
            ignoreFocusOut: true,
        });
        switch (picked?.choice) {
            case undefined:
                return undefined;
            case 'build':
                return { plan, overrides };
            case 'json':
                await showJson(plan);
                break;
            case 'runtime': {
                const version = plan.base.runtime
                    ? await pickValue(
                          plan.base.runtime.version,
                          vscode.l10n.t('Runtime version'),
                          (value) => value,
                          (text) => (/^\d+(\.\d+){0,2}$/.test(text.trim()) ? text.trim() : undefined),
                      )
                    : undefined;
                if (version !== undefined) {
                    overrides = { ...overrides, runtimeVersion: version };
                }
                break;
            }
            case 'start': {
                const command = await pickValue(
                    plan.startCommand,
                    vscode.l10n.t('Start command'),
                    (value) => value.join(' '),
                    (text) => text.trim().split(/\s+/).filter(Boolean),
                );
                if (command !== undefined) {
                    overrides = { ...overrides, startCommand: [...command] };
                }
                break;
            }
            case 'port': {
                const port = await pickValue(
                    plan.port,
                    vscode.l10n.t('Port the app listens on'),
                    (value) => (value === null ? 'none' : String(value)),
                    parsePort,
                );
                if (port !== undefined) {
                    overrides = { ...overrides, port };
                }
                break;
            }
        }
        plan = replan(overrides);
    }
}

function items(plan: Plan): ChoiceItem[] {
    const runtime = plan.base.runtime;
    return [
        { label: `$(rocket) ${vscode.l10n.t('Build with this plan')}`, description: plan.base.image, choice: 'build' },
        { label: '', kind: vscode.QuickPickItemKind.Separator },
        ...(runtime
            ? [decisionItem('runtime', `$(versions) ${runtime.name} ${runtime.version.value}`, runtime.version)]
            : []),
        decisionItem(
            'start',
            `$(play) ${plan.startCommand.value.length > 0 ? plan.startCommand.value.join(' ') : vscode.l10n.t('no start command')}`,
            plan.startCommand,
        ),
        decisionItem(
            'port',
            `$(plug) ${plan.port.value === null ? vscode.l10n.t('no port') : vscode.l10n.t('port {0}', plan.port.value)}`,
            plan.port,
        ),
        ...plan.warnings.map((warning): ChoiceItem => ({ label: `$(warning) ${warning}` })),
        ...plan.todo.map((todo): ChoiceItem => ({ label: `$(edit) ${todo}` })),
        { label: '', kind: vscode.QuickPickItemKind.Separator },
        { label: `$(json) ${vscode.l10n.t('Open the whole plan (.parity/plan.json)')}`, choice: 'json' },
    ];
}

function decisionItem<T>(choice: Choice, label: string, decision: PlanDecision<T>): ChoiceItem {
    return {
        label,
        ...(decision.at ? { description: `${decision.at.file}:${decision.at.line}` } : {}),
        detail: decision.why,
        choice,
    };
}

/** The decision's alternatives, plus free entry when `parse` is given. Undefined when dismissed. */
async function pickValue<T>(
    decision: PlanDecision<T>,
    title: string,
    show: (value: T) => string,
    parse?: (text: string) => T | undefined,
): Promise<T | undefined> {
    type ValueItem = vscode.QuickPickItem & { readonly value?: T; readonly custom?: true };
    const options: ValueItem[] = [
        {
            label: show(decision.value),
            description: vscode.l10n.t('current'),
            detail: decision.why,
            value: decision.value,
        },
        ...(decision.alternatives ?? []).map(
            (alternative): ValueItem => ({
                label: show(alternative.value),
                detail: alternative.why,
                value: alternative.value,
            }),
        ),
        ...(parse ? [{ label: `$(edit) ${vscode.l10n.t('Enter another value…')}`, custom: true } as const] : []),
    ];
    const picked = await vscode.window.showQuickPick(options, { title, ignoreFocusOut: true });
    if (!picked) {
        return undefined;
    }
    if (!picked.custom || !parse) {
        return picked.value;
    }
    const text = await vscode.window.showInputBox({
        title,
        value: show(decision.value),
        ignoreFocusOut: true,
        validateInput: (input) => (parse(input) === undefined ? vscode.l10n.t('Not a valid value') : undefined),
    });
    return text === undefined ? undefined : parse(text);
}

/** An empty box means no port, as "none" does. */
function parsePort(text: string): number | null | undefined {
    return text.trim() === '' ? null : parsePortText(text);
}

function basename(path: string): string {
    return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
