// The schema's version and bounds as plain values, apart from Snapshot.ts: capturing a snapshot needs them, and
// Snapshot.ts loads typebox to build the schema, which only validating one needs.

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** Largest uid/gid Linux knows (uid_t is 32 bits). */
export const MAX_ID = 4294967295;
/** Largest byte count or limit a JavaScript number holds exactly. */
export const MAX_EXACT = 2 ** 53;
/** The longest name, version or path a snapshot holds. */
export const MAX_LINE = 4096;
