import { expect } from "vitest";

/**
 * Runs `fn` as the user and group "nobody" when this process is root (restored before returning),
 * as itself otherwise: permission checks (an unreadable file) hold under root too. Synchronous
 * `fn` only: the effective ids are process-wide.
 */
export function asUnprivileged<T>(fn: () => T): T {
  if (process.getuid?.() !== 0) return fn();
  if (typeof process.seteuid !== "function" || typeof process.setegid !== "function") {
    return expect.fail("running as root, but process.seteuid is unavailable here (a worker thread?): cannot test an unreadable file");
  }
  const NOBODY = 65534;
  process.setegid(NOBODY);
  process.seteuid(NOBODY);
  try {
    return fn();
  } finally {
    process.seteuid(0);
    process.setegid(0);
  }
}
