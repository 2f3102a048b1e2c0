// Validates Dockerfiles with dockerfile-utils and fails on any diagnostic, warnings included.
// Usage: node lint.mjs FILE...
import { readFileSync } from 'node:fs';
import { validate } from 'dockerfile-utils';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

let problems = 0;
for (const file of process.argv.slice(2)) {
  const diagnostics = validate(readFileSync(file, 'utf8'));
  for (const d of diagnostics) {
    const { line, character } = d.range.start;
    console.log(`${file}:${line + 1}:${character + 1}: ${SEVERITY[d.severity] ?? 'problem'}: ${d.message}`);
  }
  problems += diagnostics.length;
  if (diagnostics.length === 0) {
    console.log(`${file}: ok`);
  }
}
process.exitCode = problems === 0 ? 0 : 1;
