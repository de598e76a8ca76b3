// Lints every .cypher file with Neo4j's parser (@neo4j-cypher/language-support, lintCypherQuery).
// Parameters come from each file's `// :param name => value` lines (declared params get null if
// no example is given); labels and relationship types from graphkit/model.py's fixed list, so a
// typo in a label is reported. Exits 1 on any error or warning. Usage: node tools/lint_cypher.mjs [files]
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const model = readFileSync(join(root, 'graphkit', 'model.py'), 'utf8');
const tuple = (name) => {
  const m = model.match(new RegExp(name + ' = \\(([^)]*)\\)', 's'));
  return [...m[1].matchAll(/"(\w+)"/g)].map((x) => x[1]);
};
const labels = tuple('LABELS');
const relationshipTypes = tuple('REL_TYPES');

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(join(root, 'cypher')).filter((f) => f.endsWith('.cypher')).sort().map((f) => join(root, 'cypher', f));

let failed = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const parameters = {};
  const declared = text.match(/^\/\/ params:(.*)$/m);
  if (declared) for (const p of declared[1].split(',').map((s) => s.trim()).filter(Boolean)) parameters[p] = null;
  for (const m of text.matchAll(/^\/\/ :param (\w+) =>/gm)) parameters[m[1]] = 'example';
  const result = lintCypherQuery(text, { labels, relationshipTypes, parameters });
  // Errors fail; of the warnings, those that name a label or type fail (typos in the fixed list).
  // Cartesian-product hints on `MATCH (a {key}), (b {key})` of unique keys are intended.
  const diagnostics = (result.diagnostics || result).filter((d) =>
    d.severity === 1 || (d.severity === 2 && /(Label|Relationship type) \S+ is not present/.test(d.message)));
  for (const d of diagnostics) {
    const pos = d.range ? `${d.range.start.line + 1}:${d.range.start.character + 1}` : '?';
    console.log(`${file}:${pos}: ${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`);
  }
  failed += diagnostics.length ? 1 : 0;
}
console.log(`${files.length} files checked, ${failed} with problems`);
process.exit(failed ? 1 : 0);
