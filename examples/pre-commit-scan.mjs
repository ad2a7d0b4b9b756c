#!/usr/bin/env node
// A pre-commit check built on keyguard/detect: refuses a commit that stages a secret file (.env,
// *.pem, *.key) or any text in which the detector finds a key. It reads the staged content (what
// will be committed, not the working tree) and prints masked keys only.
//
// Install: copy to your repository and call it from .git/hooks/pre-commit (or husky, lefthook):
//   #!/bin/sh
//   exec node scripts/pre-commit-scan.mjs
import { execFileSync } from "node:child_process";
import { detect } from "keyguard/detect";

const git = (...args) => execFileSync("git", args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });

// Files that hold secrets by their nature; templates such as .env.example are meant to be committed.
const SECRET_FILE = /(^|\/)\.env(\.[\w-]{1,40})?$|\.(pem|key|p12|pfx)$/;
const TEMPLATE = /\.(example|sample|template)$/;

const staged = git("diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z").split("\0").filter(Boolean);
const problems = [];
for (const file of staged) {
  if (SECRET_FILE.test(file) && !TEMPLATE.test(file)) {
    problems.push(`${file}: a secret file is staged; unstage it (git rm --cached) and add it to .gitignore`);
    continue;
  }
  const text = git("show", `:${file}`);
  if (text.includes("\0")) continue; // binary
  for (const finding of detect(text)) {
    const line = text.slice(0, finding.start).split("\n").length;
    const where = finding.envVar ? `; load it from ${finding.envVar} (keyguard/secret: secretFromEnv)` : "";
    problems.push(`${file}:${line}: ${finding.providerName} ${finding.masked}${where}`);
  }
}

if (problems.length > 0) {
  console.error(`keyguard: commit refused\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
