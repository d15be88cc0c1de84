import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv } from "./env";

// The merchant API's settings: a key of the other mode and an unreadable brand colour stop the start
// with a message that says what to change (docs/api.md#modes, README "Branding").

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-env-m-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const message = (source: Record<string, string>) => {
  try {
    parseEnv({ DATA_DIR: tempDir(), ...source });
    return "";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("merchant settings", () => {
  it("refuses a live merchant key on a sandbox Malipo, naming the mode to use", () => {
    expect(message({ MERCHANT_API_KEY: "mk_live_0123456789abcdef" })).toContain(
      "MERCHANT_API_KEY: is a live key (mk_live_…) but Malipo runs in sandbox (test) mode; use an mk_test_ key",
    );
    expect(message({ MERCHANT_API_KEY: "mk_live_0123456789abcdef" })).not.toContain("0123456789abcdef");
  });

  it("keeps an unprefixed key from before modes, and a test key in the sandbox", () => {
    expect(
      parseEnv({ DATA_DIR: tempDir(), MERCHANT_API_KEY: "an-old-key-without-mode" }).merchantApiKey,
    ).toBe("an-old-key-without-mode");
    expect(parseEnv({ DATA_DIR: tempDir(), MERCHANT_API_KEY: "mk_test_0123456789abcdef" }).sandbox).toBe(
      true,
    );
  });

  it("reads the logo and a readable brand colour", () => {
    const env = parseEnv({
      DATA_DIR: tempDir(),
      MERCHANT_LOGO_URL: "https://duka.example/logo.png",
      MERCHANT_BRAND_COLOR: "#2563EB",
    });
    expect(env.merchantLogoUrl).toBe("https://duka.example/logo.png");
    expect(env.merchantBrandColor).toBe("#2563eb");
  });

  it.each([
    ["#ffeb3b", "unreadable on white"],
    ["#111111", "unreadable in dark mode"],
    ["blue", "#rrggbb"],
  ])("refuses MERCHANT_BRAND_COLOR=%s (%s)", (color, why) => {
    const text = message({ MERCHANT_BRAND_COLOR: color });
    expect(text).toContain("MERCHANT_BRAND_COLOR");
    expect(text).toContain(why);
  });

  it("refuses a logo that is not an http(s) URL", () => {
    expect(message({ MERCHANT_LOGO_URL: "javascript:alert(1)" })).toContain("MERCHANT_LOGO_URL");
  });
});
