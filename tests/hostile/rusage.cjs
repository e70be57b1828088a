// Preloaded into the CLI child by hostile.test.ts: writes the process's own resource usage
// (peak RSS in KiB, CPU time in µs) to $SHNOR_RUSAGE_FILE when it exits.
"use strict";
const file = process.env.SHNOR_RUSAGE_FILE;
if (file) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    require("fs").writeFileSync(file, JSON.stringify({ maxRSS: u.maxRSS, userCPUTime: u.userCPUTime, systemCPUTime: u.systemCPUTime }));
  });
}
