/**
 * Splits a stream of JSON objects, one per line, arriving in arbitrary chunks (the engine's pull and push
 * progress). A line that is not a JSON object is skipped rather than ending the stream.
 */
export class JsonLineDecoder<T extends object> {
    private pending = '';

    push(chunk: string): T[] {
        const lines = (this.pending + chunk).split('\n');
        this.pending = lines.pop() ?? '';
        return lines.flatMap((line) => parseLine<T>(line));
    }

    /** Whatever arrived without a final newline. */
    end(): T[] {
        const rest = parseLine<T>(this.pending);
        this.pending = '';
        return rest;
    }
}

function parseLine<T extends object>(line: string): T[] {
    const text = line.trim();
    if (text === '') {
        return [];
    }
    try {
        const value = JSON.parse(text) as unknown;
        return typeof value === 'object' && value !== null ? [value as T] : [];
    } catch {
        return [];
    }
}
