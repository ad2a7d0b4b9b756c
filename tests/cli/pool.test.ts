// The default number of scanning threads (src/cli/pool.ts): the cores the load leaves free, less
// one for what Node runs beside each thread, at least one. (That two threads find what one finds
// is tested through the binary in scan.test.ts.)
import { describe, expect, it } from "vitest";
import { defaultThreads } from "../../src/cli/pool.js";

describe("defaultThreads", () => {
  it.each([
    [1, 0, 1],
    [2, 0, 1],
    [2, 0.4, 1],
    [2, 5, 1],
    [4, 0, 3],
    [4, 1.2, 3],
    [4, 2.6, 1],
    [8, 0.4, 7],
    [8, 3.5, 5],
    [16, 30, 1],
  ])("%i cores, load average %d: %i thread(s)", (cores, load, threads) => {
    expect(defaultThreads(cores, load)).toBe(threads);
  });

  it("reads the machine's cores and load when given none, and answers within them", () => {
    const n = defaultThreads();
    expect(Number.isInteger(n)).toBe(true);
    expect(n).toBeGreaterThanOrEqual(1);
  });
});
