import { exitFailed } from '../core/sandbox/exitReason';
import type { SandboxEventListener } from '../core/sandbox/SandboxEvent';
import type { CliContext } from './CliContext';

/**
 * A sandbox's life for a terminal, all on stderr: what is locked down, the app's own output (when `logs`),
 * limits hit, and how it ended with its last lines when it failed. "Ready at" is the command's to print.
 */
export function printSandboxEvent(context: CliContext, options: { logs: boolean }): SandboxEventListener {
    let name = 'sandbox';
    return (event) => {
        switch (event.type) {
            case 'created':
                name = event.name;
                context.log.info(`Sandbox ${event.name} from ${event.image}:`);
                for (const line of event.summary) {
                    context.stderr(`  ${line}`);
                }
                break;
            case 'started':
                context.log.debug(`Sandbox ${name} started${event.url ? `; waiting for ${event.url}` : ''}`);
                break;
            case 'log':
                if (options.logs) {
                    context.stderr(event.line);
                }
                break;
            case 'ready':
                context.log.debug(`Sandbox ${name} answered ${event.status} on ${event.path} after ${event.ms} ms`);
                break;
            case 'limit-hit':
                context.log.warn(
                    `Sandbox ${name} hit its limit of ${event.max} processes (seen in ${event.evidence}); stopping it.`,
                );
                break;
            case 'stopping':
                context.log.debug(`Sandbox ${name}: stopping (${event.why})`);
                break;
            case 'exited': {
                const failed = exitFailed(event);
                context.log[failed ? 'error' : 'info'](`Sandbox ${name} ${event.reason}.`);
                if (failed && !options.logs && event.lastLines.length > 0) {
                    for (const line of event.lastLines) {
                        context.stderr(`   ${line}`);
                    }
                }
                break;
            }
            case 'removed':
                context.log.debug(`Sandbox ${event.name} removed`);
                break;
            case 'warning':
                context.log.warn(event.message);
                break;
        }
    };
}
