#!/usr/bin/env node
/**
 * The `keyguard` command: `scan`, `init` and `check`. Exit codes: 0 nothing found, 1 findings (or,
 * for init and check, something left to do), 2 usage errors and failures to run. Nothing it prints
 * holds more of a key than its masked form.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Worker } from "node:worker_threads";
import { VERSION } from "../version.js";
import type { FailLevel } from "./check.js";
import { GitError } from "./git.js";
import type { FileJob } from "./files.js";
import type { Format } from "./report.js";
import { startListing, UsageError } from "./sources.js";

const USAGE = `Usage: keyguard <command> [options]

Commands:
  scan [paths...]         Find keys in every text file (default: the files git knows, honouring .gitignore)
    --staged              Scan what will be committed (the index); refuse staged secret files (.env, *.pem, *.key...)
    --history [revs...]   Scan the lines each commit added (default: all refs)
    --format <f>          text (default), json or sarif
    --baseline <file>     Report only findings not in this baseline (fingerprints, never keys)
    --update-baseline     Write the current findings to the baseline file
    --max-size <n>        Skip files larger than n bytes (suffix k or m; default 1m)
    --threads <n>         Scanning threads (default: the cores not busy, less one, at least 1)
  init                    Add the guide's .gitignore entries and a pre-commit hook running keyguard scan --staged
    --dry-run             Say what would change without changing anything
  check                   The guide's security checklist, evaluated on this repository
    --json                Machine-readable output
    --fail-on <level>     Exit 1 on: error (default), warning, or never
    --key-file <path>     A secret file whose age to check (repeatable; default: the files the code reads with
                          secretFromFile/fileSecretStore, when they are on this machine)
    --rotation-state <f>  A rotation state file (fileRotationState) to check for an unfinished rotation (repeatable)
    --max-key-age <days>  Days after which a key is due for rotation (default 90)

Exit codes: 0 clean, 1 findings, 2 usage error or failure to run.
Lines that contain "keyguard-ignore" are not reported.`;

function parse<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseSize(value: string): number {
  const m = /^(\d+)([kKmM]?)$/.exec(value);
  if (!m) throw new UsageError(`--max-size must be a number of bytes, optionally with k or m (got "${value}")`);
  const n = Number(m[1]) * (m[2] === "" ? 1 : m[2]!.toLowerCase() === "k" ? 1024 : 1024 * 1024);
  if (n <= 0) throw new UsageError("--max-size must be positive");
  return n;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value as T;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const cwd = process.cwd();
  switch (command) {
    case "scan": {
      const { values, positionals } = parse(
        rest,
        {
          staged: { type: "boolean" },
          history: { type: "boolean" },
          format: { type: "string" },
          baseline: { type: "string" },
          "update-baseline": { type: "boolean" },
          "max-size": { type: "string" },
          threads: { type: "string" },
        },
        true,
      );
      if (values.help) return help();
      const threads = values.threads === undefined ? undefined : Number(values.threads);
      if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64)) {
        throw new UsageError(`--threads must be a whole number from 1 to 64 (got "${values.threads}")`);
      }
      // Each command loads its own modules only: start-up is a large share of a hook's run. A scan
      // of files starts listing them (`git ls-files`) and its worker threads first, so that they
      // run while this thread loads the scanner.
      let workers: Worker[] | undefined;
      let listing: Promise<FileJob[]> | undefined;
      if (!values.staged && !values.history) {
        listing = startListing(cwd, positionals);
        const { defaultThreads, startWorkers } = await import("./pool.js");
        workers = startWorkers((threads ?? defaultThreads()) - 1);
      }
      const [{ runScan }, { FORMATS }] = await Promise.all([import("./scan.js"), import("./report.js")]);
      const outcome = await runScan({
        ...(workers === undefined ? {} : { workers }),
        ...(listing === undefined ? {} : { listing }),
        cwd,
        paths: positionals,
        staged: values.staged ?? false,
        history: values.history ?? false,
        format: oneOf<Format>("--format", values.format, FORMATS, "text"),
        ...(values.baseline === undefined ? {} : { baseline: values.baseline }),
        updateBaseline: values["update-baseline"] ?? false,
        ...(values["max-size"] === undefined ? {} : { maxBytes: parseSize(values["max-size"]) }),
        ...(threads === undefined ? {} : { threads }),
      });
      process.stdout.write(outcome.output);
      return outcome.exitCode;
    }
    case "init": {
      const { values, positionals } = parse(rest, { "dry-run": { type: "boolean" } }, false);
      if (values.help) return help();
      void positionals;
      const { runInit } = await import("./init.js");
      const outcome = runInit({ cwd, dryRun: values["dry-run"] ?? false });
      process.stdout.write(outcome.output);
      return outcome.exitCode;
    }
    case "check": {
      const { values } = parse(
        rest,
        {
          json: { type: "boolean" },
          "fail-on": { type: "string" },
          "key-file": { type: "string", multiple: true },
          "rotation-state": { type: "string", multiple: true },
          "max-key-age": { type: "string" },
        },
        false,
      );
      if (values.help) return help();
      const maxKeyAge = values["max-key-age"];
      if (maxKeyAge !== undefined && !(/^\d+$/.test(maxKeyAge) && Number(maxKeyAge) > 0)) {
        throw new UsageError(`--max-key-age must be a whole number of days > 0 (got "${maxKeyAge}")`);
      }
      const { runCheck, CHECK_FAIL_LEVELS } = await import("./check.js");
      const outcome = await runCheck({
        cwd,
        json: values.json ?? false,
        failOn: oneOf<FailLevel>("--fail-on", values["fail-on"], CHECK_FAIL_LEVELS, "error"),
        ...(values["key-file"] === undefined ? {} : { keyFiles: values["key-file"] }),
        ...(values["rotation-state"] === undefined ? {} : { rotationStates: values["rotation-state"] }),
        ...(maxKeyAge === undefined ? {} : { maxKeyAgeDays: Number(maxKeyAge) }),
      });
      process.stdout.write(outcome.output);
      return outcome.exitCode;
    }
    default:
      throw new UsageError(`unknown command "${command}"; the commands are scan, init and check`);
  }
}

function help(): number {
  process.stdout.write(`${USAGE}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`keyguard: ${error.message}\nRun "keyguard --help" for the commands and options.\n`);
    } else if (error instanceof GitError) {
      process.stderr.write(`keyguard: ${error.message}\n`);
    } else {
      process.stderr.write(`keyguard: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exitCode = 2;
  },
);
