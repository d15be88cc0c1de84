import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "../node-server";
import { controlAllowed, isControlPath, isLoopbackAddress } from "./control-access";

describe("standalone sandbox control access", () => {
  it("knows both simulators' control paths", () => {
    expect(isControlPath("/control/settings")).toBe(true);
    expect(isControlPath("/splashpay/control/settings")).toBe(true);
    expect(isControlPath("/control")).toBe(true);
    expect(isControlPath("/api/v1/payments")).toBe(false);
    expect(isControlPath("/controls")).toBe(false);
    expect(isControlPath("/pay/x/control")).toBe(false);
  });

  it("lets loopback in, and others only with the token", () => {
    for (const a of ["127.0.0.1", "127.8.0.1", "::1", "::ffff:127.0.0.1"])
      expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ["192.0.2.2", "10.0.0.1", "::ffff:10.0.0.1", "fe80::1", undefined]) {
      expect(isLoopbackAddress(a)).toBe(false);
    }
    expect(controlAllowed("192.0.2.2", null, undefined)).toBe(false);
    expect(controlAllowed("192.0.2.2", "", "")).toBe(false);
    expect(controlAllowed("192.0.2.2", "wrong", "secret-token")).toBe(false);
    expect(controlAllowed("192.0.2.2", "secret-token", "secret-token")).toBe(true);
    expect(controlAllowed("127.0.0.1", null, undefined)).toBe(true);
  });
});

// Through the real server: reached over this machine's own non-loopback address, a caller is "elsewhere".
const external = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === "IPv4" && !i.internal)?.address;

describe.skipIf(!external)("the standalone sandbox server gates /control", () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer({ port: 0, host: "0.0.0.0", controlToken: "secret-token" });
  });
  afterAll(async () => server.close());

  const port = () => new URL(server.url).port;
  const auth = { authorization: "Bearer sk_test_malipo_sandbox" };

  it("answers its controls on loopback, refuses them from elsewhere without the token", async () => {
    const local = await fetch(`http://127.0.0.1:${port()}/control/settings`, { headers: auth });
    expect(local.status).toBe(200);
    for (const path of ["/control/settings", "/splashpay/control/settings"]) {
      const remote = await fetch(`http://${external}:${port()}${path}`, {
        method: "PUT",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ apiKeys: ["sk_test_stolen"] }),
      });
      expect(remote.status).toBe(403);
    }
    const wrong = await fetch(`http://${external}:${port()}/control/settings`, {
      headers: { ...auth, "x-sandbox-control-token": "guess" },
    });
    expect(wrong.status).toBe(403);
    const withToken = await fetch(`http://${external}:${port()}/control/settings`, {
      headers: { ...auth, "x-sandbox-control-token": "secret-token" },
    });
    expect(withToken.status).toBe(200);
    // The provider API itself is not a control: it still answers from elsewhere.
    const api = await fetch(`http://${external}:${port()}/api/v1/payments`, { headers: auth });
    expect(api.status).toBe(200);
  });
});
