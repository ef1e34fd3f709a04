import { shellCommand } from './dockerfileText';
import type { BaseImageChoice, Plan, PlanDecision } from './Plan';

/** The plan as text for the CLI and the log: each decision with its reason and alternatives, then warnings and TODOs. */
export function planToText(plan: Plan): string {
    const lines = [
        `Plan for ${plan.projectRoot}${plan.appRoot === '.' ? '' : ` (app in ${plan.appRoot})`}: ${plan.ecosystem}, from snapshot ${plan.snapshot.ref} (${plan.snapshot.capturedAt})`,
    ];
    if (plan.builder) {
        lines.push(...image('Build image', plan.builder));
    }
    lines.push(...image(plan.builder ? 'Final image' : 'Base image', plan.base));

    const manager = plan.packageManager;
    if (manager) {
        lines.push(
            `Package manager: ${manager.name}${manager.version ? ` ${manager.version}` : ''}`,
            `  why: ${manager.why}`,
        );
        if (manager.manifests.length > 0) {
            lines.push(`  copied first: ${manager.manifests.join(', ')}`);
        }
        const steps: [string, readonly string[] | null][] = [
            ...manager.setup.map((command): [string, readonly string[]] => ['setup', command]),
            ['install', manager.install],
            ['build', manager.build],
            ['prune', manager.prune],
        ];
        for (const [label, command] of steps) {
            if (command) {
                lines.push(`  ${label}: ${shellCommand(command)}`);
            }
        }
    } else if (plan.ecosystem !== 'generic') {
        lines.push('Package manager: none (nothing to install)');
    }
    const system = plan.systemPackages;
    if (system) {
        lines.push('System packages for native dependencies:');
        if (system.build.length > 0) {
            lines.push(`  build stage only: ${system.build.join(' ')}`);
        }
        if (system.runtime.length > 0) {
            lines.push(`  final image: ${system.runtime.join(' ')}`);
        }
        lines.push(...system.why.map((line) => `  - ${line}`));
    }

    lines.push(
        ...decision('Start command', plan.startCommand, (value) => (value.length > 0 ? shellCommand(value) : '(none)')),
    );
    lines.push(...decision('Port', plan.port, (value) => (value === null ? '(none)' : String(value))));
    lines.push(`User: ${plan.user}`);
    const env = Object.entries(plan.env);
    if (env.length > 0) {
        lines.push(`Environment: ${env.map(([name, value]) => `${name}=${value}`).join(' ')}`);
    }
    lines.push(
        ...decision('Locale', plan.locale, (value) =>
            Object.keys(value).length > 0
                ? Object.entries(value)
                      .map(([name, setting]) => `${name}=${setting}`)
                      .join(' ')
                : '(image default, C)',
        ),
    );
    lines.push(...decision('Time zone', plan.timezone, (value) => (value === null ? '(UTC)' : `TZ=${value}`)));
    if (plan.ca.needed) {
        const count = plan.ca.subjects.length;
        lines.push(
            `Extra CAs: ${count} (${plan.ca.subjects.join('; ')}) — offered to dependency installs as the secret "${plan.ca.secretId}"; ${plan.ca.bakeIntoImage ? 'also baked into the final image' : 'not kept in the image'}`,
        );
    }
    if (plan.byDesign.length > 0) {
        lines.push('Different from this machine by design:', ...byDesign(plan));
    }
    if (plan.warnings.length > 0) {
        lines.push('Warnings:', ...plan.warnings.map((warning) => `  - ${warning}`));
    }
    if (plan.todo.length > 0) {
        lines.push('To do:', ...plan.todo.map((item) => `  - ${item}`));
    }
    return `${lines.join('\n')}\n`;
}

/** One line per reason, with the keys it covers: the notes come in families that share one. */
function byDesign(plan: Plan): string[] {
    const byReason = new Map<string, string[]>();
    for (const note of plan.byDesign) {
        byReason.set(note.reason, [...(byReason.get(note.reason) ?? []), `${note.facet}.${note.key}`]);
    }
    return [...byReason.entries()].map(
        ([reason, keys]) =>
            `  - ${keys.length > 4 ? `${keys.slice(0, 4).join(', ')} and ${keys.length - 4} more` : keys.join(', ')}: ${reason}`,
    );
}

function image(label: string, choice: BaseImageChoice): string[] {
    const lines = [`${label}: ${choice.image}`, `  why: ${choice.why}`];
    if (choice.runtime) {
        lines.push(...decision(`  ${choice.runtime.name} version`, choice.runtime.version, (value) => value));
    }
    return lines;
}

function decision<T>(label: string, made: PlanDecision<T>, show: (value: T) => string): string[] {
    const indent = label.startsWith('  ') ? '    ' : '  ';
    const lines = [
        `${label}: ${show(made.value)}${made.at ? ` (${made.at.file}:${made.at.line})` : ''}`,
        `${indent}why: ${made.why}`,
    ];
    for (const alternative of made.alternatives ?? []) {
        lines.push(`${indent}or ${show(alternative.value)}: ${alternative.why}`);
    }
    return lines;
}
