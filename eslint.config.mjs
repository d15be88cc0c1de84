import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// Server code holds provider keys; client bundles must never import it.
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
      ],
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-ignore": true, "ts-nocheck": true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // components/ and the universal part of lib/ are shipped to browsers.
  {
    files: ["components/**/*.{ts,tsx}", "lib/*.{ts,tsx}", "lib/sandbox/**/*.{ts,tsx}"],
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
