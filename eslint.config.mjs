import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// The project's structural rules live here, and test/lint-rules.test.ts proves each one fires.

// Client bundles (components/ and the universal files at the top of lib/) import neither lib/server, which
// holds provider keys, nor lib/sandbox, which runs on Node only.
const noServerInClient = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          group: ["@/lib/server/*", "@/lib/server/**", "**/lib/server/**"],
          message:
            "lib/server is server-only: import it from route handlers, server components or lib/server.",
        },
        {
          group: ["@/lib/sandbox/*", "@/lib/sandbox/**", "**/lib/sandbox/**"],
          message:
            "lib/sandbox runs on Node only: the app mounts it in app/sandbox/mount-sandbox.ts, nothing else imports it.",
        },
      ],
    },
  ],
};

// Imports point down. Folder rules go by resolved file, so `@/…`, `./…` and `../…` spellings are caught alike.
const clientWithoutServer = {
  target: ["./components", "./lib/*.{ts,tsx}"],
  from: ["./lib/server", "./lib/sandbox"],
  message: "Client code imports neither lib/server (provider keys) nor lib/sandbox (Node only).",
};
const libBelowUi = {
  target: "./lib",
  from: ["./app", "./components"],
  message: "lib/ sits below app/ and components/: move the shared piece into lib/ instead.",
};
const serverWithoutSandbox = {
  target: "./lib/server",
  from: "./lib/sandbox",
  message:
    "lib/server never imports the sandbox: it is a guest, mounted by app/sandbox/mount-sandbox.ts; shared keys live in lib/sandbox-credentials.ts.",
};
const sandboxWithoutServer = {
  target: "./lib/sandbox",
  from: "./lib/server",
  message:
    "The sandbox stands alone (it also runs as `npm run sandbox`): take what it needs as settings from app/sandbox/mount-sandbox.ts.",
};

// Zones resolve against the repository, not the directory ESLint happens to be started from.
const restrictedPaths = (...zones) => ({ basePath: import.meta.dirname, zones });

// process.env has one reader, lib/server/env.ts; everything else asks getEnv(). Tooling that runs outside
// the app configures itself from the environment and is named here.
const ENV_READERS = [
  "lib/server/env.ts",
  // Next.js's start hook: the NEXT_RUNTIME check must stay literal so the edge bundle drops the Node code.
  "instrumentation.ts",
  "playwright.config.ts",
  "vitest.config.mts",
  "e2e/support/e2e-env.ts",
  "scripts/**",
  "bench/**",
  // A shop's own program, configured by its own environment (it is not part of the app).
  "examples/**",
  "chaos/**",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-ignore": true, "ts-nocheck": true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message:
            "Read configuration through getEnv() from lib/server/env.ts, the one reader of process.env.",
        },
      ],
      "import/no-restricted-paths": [
        "error",
        restrictedPaths(libBelowUi, sandboxWithoutServer, clientWithoutServer),
      ],
    },
  },
  {
    files: ENV_READERS,
    rules: { "no-restricted-properties": "off" },
  },
  // Tests may start the standalone sandbox to play the provider (as a production-only build would drop them).
  {
    files: ["lib/server/**"],
    ignores: ["**/*.test.ts"],
    rules: { "import/no-restricted-paths": ["error", restrictedPaths(libBelowUi, serverWithoutSandbox)] },
  },
  // Shipped to browsers: components/ and the universal files directly in lib/. The sandbox (lib/sandbox) is
  // not among them: it runs on Node only (node:crypto, node:fs, node:http…), inside the app's nodejs-runtime
  // routes and as `npm run sandbox`. It cannot say so with `import "server-only"`, which throws outside a
  // react-server bundle and so would break the standalone server under tsx; the rule above keeps it out of
  // client code instead.
  {
    files: ["components/**/*.{ts,tsx}", "lib/*.{ts,tsx}"],
    rules: noServerInClient,
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
