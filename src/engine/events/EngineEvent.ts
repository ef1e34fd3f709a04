/** One entry of the engine's `GET /events` stream (the fields Parity reads). */
export interface EngineEvent {
    /** container, image, network, volume, daemon, … */
    readonly Type: string;
    /** create, start, die, destroy, tag, untag, delete, …; some carry a detail after a colon ("exec_start: sh"). */
    readonly Action: string;
    readonly Actor?: { readonly ID?: string; readonly Attributes?: Readonly<Record<string, string>> };
    /** Seconds and nanoseconds since the epoch, by the engine's clock. */
    readonly time?: number;
    readonly timeNano?: number;
}

/**
 * Splits the event stream — JSON objects one per line, arriving in arbitrary chunks — into events. A line
 * that is not an event (it never happens with a real engine) is skipped rather than ending the stream.
 */
export class EventLineDecoder {
    private pending = '';

    push(chunk: string): EngineEvent[] {
        const lines = (this.pending + chunk).split('\n');
        this.pending = lines.pop() ?? '';
        return lines.flatMap((line) => {
            const event = parseEvent(line);
            return event ? [event] : [];
        });
    }

    /** Whatever arrived without a final newline. */
    end(): EngineEvent[] {
        const event = parseEvent(this.pending);
        this.pending = '';
        return event ? [event] : [];
    }
}

function parseEvent(line: string): EngineEvent | undefined {
    const text = line.trim();
    if (text === '') {
        return undefined;
    }
    try {
        const value = JSON.parse(text) as Partial<EngineEvent> | null;
        return value && typeof value.Type === 'string' && typeof value.Action === 'string'
            ? (value as EngineEvent)
            : undefined;
    } catch {
        return undefined;
    }
}
