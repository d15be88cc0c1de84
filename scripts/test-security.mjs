#!/usr/bin/env node
// `npm run test:security [-- --full]`: the security project (every *.security.test.ts). The fuzzer tries
// 200 malformed requests per endpoint by default (SECURITY_FUZZ_RUNS), 10,000 with --full.
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const full = args.includes("--full");
const rest = args.filter((a) => a !== "--full");
const runs = full ? "10000" : (process.env.SECURITY_FUZZ_RUNS ?? "200");
console.log(`security suite: ${runs} fuzzer tries per endpoint${full ? " (full)" : ""}`);
const result = spawnSync("npx", ["vitest", "run", "--project", "security", ...rest], {
  stdio: "inherit",
  env: { ...process.env, SECURITY_FUZZ_RUNS: runs },
});
process.exit(result.status ?? 1);
