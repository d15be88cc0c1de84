import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,components,app,scripts,test}/**/*.test.{ts,tsx}"],
          exclude: [
            "**/*.integration.test.ts",
            "**/*.security.test.ts",
            "**/*.cluster.test.ts",
            "node_modules/**",
          ],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{lib,app,scripts}/**/*.integration.test.ts"],
          exclude: ["{lib,app,test}/**/*.security.test.ts", "node_modules/**"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // PGlite instances and sandbox servers are heavy; two cores.
          maxWorkers: 2,
          // The one place tests learn about the outside world: set by .ci/run (and the test command).
          provide: { testDatabaseUrl: process.env.TEST_DATABASE_URL ?? "" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "security",
          include: ["{lib,app,test}/**/*.security.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 240_000,
          maxWorkers: 1,
          provide: {
            testDatabaseUrl: process.env.TEST_DATABASE_URL ?? "",
            // Tries per endpoint for the fuzzer: small in the everyday suite, 10,000 with `test:security -- --full`.
            fuzzRuns: Number(process.env.SECURITY_FUZZ_RUNS ?? 200),
          },
        },
      },
      {
        resolve: { alias },
        test: {
          // npm run test:cluster: three production-build instances on one PostgreSQL (test/cluster).
          name: "cluster",
          include: ["test/cluster/**/*.cluster.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 240_000,
          maxWorkers: 1,
          provide: {
            testDatabaseUrl: process.env.TEST_DATABASE_URL ?? "",
            // Moves the suite's ports (3600–3651) for a second checkout running beside this one.
            clusterPortOffset: Number(process.env.CLUSTER_PORT_OFFSET ?? 0),
          },
        },
      },
    ],
  },
});
