import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import {
  clearedCookieHeaders,
  registerCookieHeader,
  requestAuthCookie,
  SESSION_COOKIE,
  sessionCookieHeader,
} from "@/lib/server/auth/cookies";

const dirs: string[] = [];
function serveAt(publicBaseUrl: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "malipo-cookies-"));
  dirs.push(dataDir);
  resetEnvForTests({ DATA_DIR: dataDir, SANDBOX: "1", PUBLIC_BASE_URL: publicBaseUrl });
}

const withCookie = (cookie: string) => new Request("https://pos.duka.tz/api/me", { headers: { cookie } });

afterEach(() => {
  resetEnvForTests();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("auth cookies", () => {
  it("over https: __Host- names, Secure, Path=/ and no Domain", () => {
    serveAt("https://pos.duka.tz");
    for (const line of [sessionCookieHeader("tok"), registerCookieHeader("reg")]) {
      expect(line).toMatch(/^__Host-malipo_(session|register)=/);
      expect(line).toContain("; Secure");
      expect(line).toContain("; Path=/;");
      expect(line).not.toMatch(/Domain=/i);
      expect(line).toContain("HttpOnly");
    }
  });

  it("over plain http (a shop's LAN or the demo): plain names, not Secure", () => {
    serveAt("http://localhost:3000");
    expect(sessionCookieHeader("tok")).toMatch(/^malipo_session=tok; /);
    expect(sessionCookieHeader("tok")).not.toContain("Secure");
  });

  it("reads the __Host- cookie first and the plain one set before the move to https", () => {
    serveAt("https://pos.duka.tz");
    expect(
      requestAuthCookie(withCookie("__Host-malipo_session=new; malipo_session=old"), SESSION_COOKIE),
    ).toBe("new");
    expect(requestAuthCookie(withCookie("malipo_session=old"), SESSION_COOKIE)).toBe("old");
    expect(requestAuthCookie(withCookie("other=1"), SESSION_COOKIE)).toBeUndefined();
  });

  it("clears both names at sign-out", () => {
    serveAt("https://pos.duka.tz");
    const lines = clearedCookieHeaders(SESSION_COOKIE);
    expect(lines.map((l) => l.split("=")[0])).toEqual(["__Host-malipo_session", "malipo_session"]);
    expect(lines.every((l) => l.includes("Max-Age=0"))).toBe(true);
  });
});
