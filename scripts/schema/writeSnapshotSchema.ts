// npm run schema: regenerates schemas/snapshot.schema.json from src/core/snapshot/Snapshot.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotJsonSchema } from './snapshotJsonSchema';

const file = join(__dirname, '..', '..', 'schemas', 'snapshot.schema.json');
writeFileSync(file, snapshotJsonSchema());
process.stdout.write(`Wrote ${file}\n`);
