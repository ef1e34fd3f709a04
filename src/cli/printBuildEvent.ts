import type { BuildEvent } from '../core/build/BuildEvent';

/**
 * Build progress for a terminal: one line when a step starts and one when it ends (cached, done with its
 * time, or failed); the steps' own output only with --verbose. Failures print their log tail separately.
 */
export function printBuildEvent(write: (line: string) => void, verbose: boolean): (event: BuildEvent) => void {
    return (event) => {
        switch (event.type) {
            case 'step-started':
                if (!event.step.internal) {
                    write(`=> ${event.step.name}`);
                }
                break;
            case 'step-cached':
                if (!event.step.internal) {
                    write(`=> ${event.step.name}: cached`);
                }
                break;
            case 'step-completed':
                if (!event.step.internal) {
                    write(
                        `=> ${event.step.name}: done${event.durationMs === undefined ? '' : ` in ${(event.durationMs / 1000).toFixed(1)} s`}`,
                    );
                }
                break;
            case 'step-failed':
                write(`=> ${event.step.name}: FAILED`);
                break;
            case 'log':
                if (verbose) {
                    write(`   ${event.text.trimEnd()}`);
                }
                break;
            case 'warning':
                write(`warning: ${event.message}${event.line === undefined ? '' : ` (Dockerfile:${event.line})`}`);
                break;
            case 'image':
                break;
        }
    };
}
