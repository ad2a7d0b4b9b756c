// A formatter for benchmarks: prints one JSON line of counts instead of the messages, so that
// formatting output (and the file sources the json formatter embeds) does not weigh on the timing.
module.exports = function countFormatter(results) {
  const counts = { files: results.length, messages: 0, fatal: 0, byRule: {}, stats: { parse: 0, rules: {}, total: 0 } };
  for (const result of results) {
    // With --stats: ESLint's own per-file times (ms), summed.
    for (const pass of result.stats?.times?.passes ?? []) {
      counts.stats.parse += pass.parse?.total ?? 0;
      counts.stats.total += pass.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) counts.stats.rules[rule] = (counts.stats.rules[rule] ?? 0) + time.total;
    }
    for (const message of result.messages) {
      counts.messages++;
      if (message.fatal) counts.fatal++;
      const rule = message.ruleId ?? "(parse)";
      counts.byRule[rule] = (counts.byRule[rule] ?? 0) + 1;
    }
  }
  return `BENCH_COUNTS ${JSON.stringify(counts)}`;
};
