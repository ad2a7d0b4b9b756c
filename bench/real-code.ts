/**
 * `npm run bench:real`: lints every TypeScript/JavaScript file shipped by openai,
 * @anthropic-ai/sdk, groq-sdk and ai with no-hardcoded-key and prints the count of findings
 * (target 0; each finding is printed masked). Exits 1 when there is any finding or parse error.
 */
import { lintSources, PACKAGES, shippedSources } from "./sources.js";

let total = 0;
let failed = false;
for (const name of PACKAGES) {
  const files = shippedSources(name);
  const started = Date.now();
  const result = lintSources(files);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${name.padEnd(20)} ${String(result.files).padStart(5)} files  ${(result.bytes / 1e6).toFixed(1).padStart(5)} MB  ` +
      `${result.findings.length} finding(s)  ${result.parseErrors.length} parse error(s)  ${seconds} s`,
  );
  for (const line of result.findings) console.log(`  ${line}`);
  for (const line of result.parseErrors) console.log(`  parse error: ${line}`);
  total += result.findings.length;
  if (result.findings.length > 0 || result.parseErrors.length > 0) failed = true;
}
console.log(`\nno-hardcoded-key findings in the SDKs' shipped sources: ${total} (target 0)`);
if (failed) process.exit(1);
