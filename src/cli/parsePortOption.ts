import { parsePort } from '../core/plan/parsePort';
import { CliUsageError } from './CliUsageError';

/** `--port N` or `--port none` (a worker); anything else is one usage error that says what is accepted. */
export function parsePortOption(text: string): number | null {
    const port = parsePort(text);
    if (port === undefined) {
        throw new CliUsageError(portUsage(text));
    }
    return port;
}

/** The one message for a --port value that is neither a port nor none. */
export function portUsage(text: string): string {
    return `--port takes a port number from 1 to 65535, or "none" for an app that listens on no port (a worker), not "${text}"`;
}
