import "server-only";
import { xmlField } from "./fiscal-format";

// The four calls of TRA's VFD API over HTTP (README "Fiscal receipts"). Answers are read, never trusted for
// more than their ACKCODE and fields; bodies and tokens are never logged.

export interface VfdTransport {
  baseUrl: string;
  certSerial: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type PostOutcome =
  | { kind: "ack"; ackCode: number; ackMsg: string; text: string }
  /** No usable answer: timeout, connection error, 5xx, or something that is not TRA's envelope. */
  | { kind: "no-answer"; error: string }
  | { kind: "unauthorized" };

async function post(
  transport: VfdTransport,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string; headers: Headers } | { error: string }> {
  const send = transport.fetch ?? fetch;
  try {
    const response = await send(`${transport.baseUrl}${path}`, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(transport.timeoutMs ?? 30_000),
    });
    return { status: response.status, text: await response.text(), headers: response.headers };
  } catch (error) {
    return { error: error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network error" };
  }
}

function ackOf(answer: { status: number; text: string }): PostOutcome {
  if (answer.status === 401) return { kind: "unauthorized" };
  if (answer.status >= 500) return { kind: "no-answer", error: `HTTP ${answer.status}` };
  const code = xmlField(answer.text, "ACKCODE");
  if (code === undefined || !/^\d+$/.test(code)) return { kind: "no-answer", error: `HTTP ${answer.status}` };
  return {
    kind: "ack",
    ackCode: Number(code),
    ackMsg: xmlField(answer.text, "ACKMSG") ?? "",
    text: answer.text,
  };
}

export async function postRegistration(transport: VfdTransport, body: string): Promise<PostOutcome> {
  const answer = await post(
    transport,
    "/api/vfdRegReq",
    { "content-type": "application/xml", "cert-serial": transport.certSerial, client: "webapi" },
    body,
  );
  return "error" in answer ? { kind: "no-answer", error: answer.error } : ackOf(answer);
}

export async function fetchToken(
  transport: VfdTransport,
  tokenPath: string,
  username: string,
  password: string,
): Promise<{ token: string; expiresIn: number } | { error: string }> {
  const form = new URLSearchParams({ username, password, grant_type: "password" }).toString();
  const answer = await post(
    transport,
    `/${tokenPath.replace(/^\/+/, "")}`,
    { "content-type": "application/x-www-form-urlencoded" },
    form,
  );
  if ("error" in answer) return answer;
  if (answer.status !== 200) return { error: `token refused (HTTP ${answer.status})` };
  try {
    const json = JSON.parse(answer.text) as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token !== "string" || json.access_token === "") return { error: "no token" };
    const expiresIn = Number(json.expires_in);
    return { token: json.access_token, expiresIn: Number.isFinite(expiresIn) ? expiresIn : 3600 };
  } catch {
    return { error: "token answer is not JSON" };
  }
}

export async function postDocument(
  transport: VfdTransport,
  kind: "receipt" | "zreport",
  routingKey: string,
  token: string,
  body: string,
): Promise<PostOutcome> {
  const answer = await post(
    transport,
    kind === "receipt" ? "/api/efdmsRctInfo" : "/api/efdmszreport",
    {
      "content-type": "application/xml",
      "routing-key": kind === "receipt" ? routingKey : "vfdzreport",
      "cert-serial": transport.certSerial,
      authorization: `bearer ${token}`,
    },
    body,
  );
  return "error" in answer ? { kind: "no-answer", error: answer.error } : ackOf(answer);
}
