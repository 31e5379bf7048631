// Heft closes its jest run with "Successes: N / Failures: N"; this prints the plain
// "spfx: N passed, N failed" line for CI, from the JUnit reports of jest and of the .sppkg test.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const report of process.argv.slice(2)) {
  for (const [testCase] of readFileSync(report, 'utf8').matchAll(/<testcase\b[\s\S]*?(?:\/>|<\/testcase>)/g)) {
    if (/<(failure|error)\b/.test(testCase)) failed += 1;
    else passed += 1;
  }
}
console.log(`spfx: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
