// Preloaded (node --import) into each benchmarked process: reports the process's peak resident
// set size on stderr as it exits, so both engines are measured the same way without changes to them.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
