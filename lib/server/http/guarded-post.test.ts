import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardedPost } from "./guarded-post";

// Send-time SSRF guard: the address is checked when the socket connects, and redirects are not followed.

let hits: string[] = [];
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    if (req.url === "/redirect") {
      res.writeHead(302, { location: `http://127.0.0.1:${port}/followed` }).end();
      return;
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const send = (url: string, allowLoopback: boolean) =>
  guardedPost(url, {
    headers: { "content-type": "application/json" },
    body: "{}",
    timeoutMs: 5000,
    allowLoopback,
  });

describe("guardedPost", () => {
  it("refuses loopback outside sandbox mode, by literal address and by a name that resolves to it", async () => {
    hits = [];
    await expect(send(`http://127.0.0.1:${port}/a`, false)).rejects.toThrow(/refused/);
    await expect(send(`http://localhost:${port}/b`, false)).rejects.toThrow(/refused/);
    await expect(send(`http://[::ffff:127.0.0.1]:${port}/c`, false)).rejects.toThrow(/refused/);
    await expect(send("http://169.254.169.254/latest/meta-data/", false)).rejects.toThrow(/refused/);
    expect(hits).toEqual([]);
  });

  it("sends to loopback in sandbox mode and never follows a redirect", async () => {
    hits = [];
    expect(await send(`http://127.0.0.1:${port}/ok`, true)).toBe(204);
    expect(await send(`http://localhost:${port}/redirect`, true)).toBe(302);
    expect(hits).toEqual(["/ok", "/redirect"]);
  });
});
