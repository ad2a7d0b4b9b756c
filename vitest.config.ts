import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Vitest starts the files that took longest last time first, and, without that record (a fresh
 * clone), the largest files first. The SDK-sources shards are small files that take the longest:
 * start them first anyway, so that the other files fill the workers around them.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (file: TestSpecification) => /sdk-sources\.shard\d+\.test\.ts$/.test(file.moduleId);
    return [...sorted.filter(long), ...sorted.filter((file) => !long(file))];
  }
}

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/fixtures/**", "node_modules/**"],
    setupFiles: ["tests/setup/fast-check.ts"],
    // Two workers share the cores with the processes some tests start (ESLint CLI runs, the demo):
    // on a busy machine a test of a few seconds can take a minute. A hang still fails.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Vitest's default for `vitest run` is one worker less than the cores: one worker on a
    // two-core machine. The test files are CPU-bound and independent: one worker per core.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongestFirst },
  },
});
