/**
 * The command under test is the built binary (`npm run build` first): every test spawns
 * `node dist/src/cli/main.js` in a throwaway git repository, as a user or a hook would.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect } from "vitest";
import { knownPrefix } from "../../src/detect/mask.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = join(ROOT, "dist", "src", "cli", "main.js");

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface Repo {
  readonly dir: string;
  git(...args: string[]): SpawnSyncReturns<string>;
  write(name: string, text: string | Uint8Array): void;
  run(...args: string[]): SpawnSyncReturns<string>;
  /** Commits through git (hooks included); returns git's result. */
  commit(message: string): SpawnSyncReturns<string>;
  /** Installs the built command as `node_modules/.bin/keyguard`, as `npm install keyguard` would. */
  installBin(): void;
  /** Makes a package installed in this repository's node_modules available in the temporary one (a symbolic link). */
  linkPackage(name: string): void;
  /** Runs a program in the repository, with the environment git runs in. */
  exec(command: string, ...args: string[]): SpawnSyncReturns<string>;
}

const GIT_IDENTITY = ["-c", "user.name=keyguard test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"];

/** A temporary directory, a git repository unless `git: false`; removed after the test. */
export function tempRepo(options: { git?: boolean } = {}): Repo {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), "keyguard-cli-"));
  made.push(dir);
  // The pre-commit framework's cache stays inside the throwaway repository.
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    PRE_COMMIT_HOME: join(dir, ".git", "pre-commit-home"),
  };
  const repo: Repo = {
    dir,
    git: (...args) => spawnSync("git", [...GIT_IDENTITY, ...args], { cwd: dir, encoding: "utf8", env }),
    write(name, text) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    },
    run: (...args) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env }),
    commit: (message) => repo.git("commit", "-qm", message),
    installBin() {
      repo.write("node_modules/.bin/keyguard", `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
      chmodSync(join(dir, "node_modules/.bin/keyguard"), 0o755);
      repo.write(".gitignore", "node_modules/\n");
    },
    linkPackage(name) {
      const target = join(dir, "node_modules", name);
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(join(ROOT, "node_modules", name), target, "dir");
    },
    exec: (command, ...args) => spawnSync(command, args, { cwd: dir, encoding: "utf8", env }),
  };
  if (options.git !== false) {
    const init = repo.git("init", "-q", "-b", "main");
    if (init.status !== 0) throw new Error(init.stderr);
  }
  return repo;
}

/** Asserts that no key, nor any 8-character run of one after its public prefix, is in `output`. */
export function expectNoKey(output: string, keys: readonly string[]): void {
  for (const key of keys) {
    expect(output.includes(key), "the output holds a whole key").toBe(false);
    for (let i = knownPrefix(key).length; i + 8 <= key.length; i += 4) {
      expect(output.includes(key.slice(i, i + 8)), `the output holds part of a key (at ${i})`).toBe(false);
    }
  }
}
