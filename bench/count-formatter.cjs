// A formatter for benchmarks: prints one JSON line of counts instead of the messages, so that
// formatting output (and the file sources the json formatter embeds) does not weigh on the timing.
module.exports = function countFormatter(results) {
  const counts = { files: results.length, messages: 0, fatal: 0, byRule: {} };
  for (const result of results) {
    for (const message of result.messages) {
      counts.messages++;
      if (message.fatal) counts.fatal++;
      const rule = message.ruleId ?? "(parse)";
      counts.byRule[rule] = (counts.byRule[rule] ?? 0) + 1;
    }
  }
  return `BENCH_COUNTS ${JSON.stringify(counts)}`;
};
