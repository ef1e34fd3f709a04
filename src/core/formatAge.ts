/** "3 days ago" from two epoch-millisecond times; future or equal times read "just now". */
export function formatAge(thenMs: number, nowMs: number): string {
    const seconds = Math.max(0, Math.round((nowMs - thenMs) / 1000));
    const steps: [number, string][] = [
        [60, 'second'],
        [60, 'minute'],
        [24, 'hour'],
        [30, 'day'],
        [12, 'month'],
        [Infinity, 'year'],
    ];
    let value = seconds;
    for (const [size, unit] of steps) {
        if (value < size) {
            return value === 0 && unit === 'second' ? 'just now' : `${value} ${unit}${value === 1 ? '' : 's'} ago`;
        }
        value = Math.floor(value / size);
    }
    return 'long ago';
}
