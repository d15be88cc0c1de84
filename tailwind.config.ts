import type { Config } from "tailwindcss";

// Design tokens. Loaded from app/globals.css through Tailwind v4's @config.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "media",
  theme: {
    extend: {
      colors: {
        // 500–700 through CSS variables, so a page can wear the shop's colour (components/brand/brand-header.tsx
        // sets them); with a JS config Tailwind would otherwise write the hex into every class.
        brand: {
          50: "#e8f6f2",
          100: "#c5e9df",
          500: "var(--color-brand-500, #0e7c66)",
          600: "var(--color-brand-600, #0b6654)",
          700: "var(--color-brand-700, #08503f)",
        },
        surface: { DEFAULT: "var(--surface)", raised: "var(--surface-raised)" },
        ink: { DEFAULT: "var(--ink)", muted: "var(--ink-muted)" },
        success: "#15803d",
        danger: "#b91c1c",
        warning: "#b45309",
      },
      fontSize: { amount: ["3.5rem", { lineHeight: "1", fontWeight: "700" }] },
      minHeight: { touch: "44px" },
      minWidth: { touch: "44px" },
    },
  },
};

export default config;
