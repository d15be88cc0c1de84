import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { addressAllowed } from "./outbound-url";

// The send-time half of the outbound URL check: the address is checked again at the moment the socket
// connects, on the very address it connects to, so a host that resolved to a public address at creation
// and to 127.0.0.1 now (DNS rebinding) is still refused. Node's http client never follows redirects, so a
// 3xx is just an answer.

function guardedLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as unknown as dns.LookupAddress[];
      const refused = list.find((a) => !addressAllowed(a.address, allowLoopback));
      if (refused || list.length === 0) {
        const denied = Object.assign(new Error("refused: the host resolves to an internal address"), {
          code: "EADDRNOTALLOWED",
        });
        return callback(denied, "", 4);
      }
      // node asks for either one address or all of them, depending on its autoSelectFamily setting.
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export interface GuardedPostOptions {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowLoopback: boolean;
}

/** POSTs `body` and answers the status code; throws on a refused address, a network error or a timeout. */
export function guardedPost(rawUrl: string, options: GuardedPostOptions): Promise<number> {
  const url = new URL(rawUrl);
  const client = url.protocol === "https:" ? https : http;
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return Promise.reject(new Error("refused: not an http(s) URL"));
  }
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve, reject) => {
    // A literal IP never goes through lookup: check it here.
    if (/^[\d.]+$|:/.test(literal) && !addressAllowed(literal, options.allowLoopback)) {
      reject(new Error("refused: the URL names an internal address"));
      return;
    }
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": Buffer.byteLength(options.body).toString() },
        lookup: guardedLookup(options.allowLoopback),
        timeout: options.timeoutMs,
      },
      (response) => {
        response.resume(); // the body is not needed; drain it so the socket is released
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", reject);
    request.end(options.body);
  });
}
