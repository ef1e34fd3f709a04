// npm run schema: regenerates schemas/config.schema.json from src/core/diff/DiffConfig.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema } from './configJsonSchema';

const file = join(__dirname, '..', '..', 'schemas', 'config.schema.json');
writeFileSync(file, configJsonSchema());
process.stdout.write(`Wrote ${file}\n`);
