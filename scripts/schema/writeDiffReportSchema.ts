// npm run schema: regenerates schemas/diff-report.schema.json from src/core/diff/report/DiffReportSchema.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffReportJsonSchema } from './diffReportJsonSchema';

const file = join(__dirname, '..', '..', 'schemas', 'diff-report.schema.json');
writeFileSync(file, diffReportJsonSchema());
process.stdout.write(`Wrote ${file}\n`);
