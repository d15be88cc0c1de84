import {
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  X509Certificate,
} from "node:crypto";
import { z } from "zod";
import { JsonStateFile } from "../common/json-state-file";
import { checkReceipt, Refusal } from "./receipt-checks";
import { checkZReport } from "./zreport-checks";
import { emptyLedger, emptyState, eatNow, type Device, type TraState } from "./state";
import { verifyPage } from "./verify-page";

// The TRA VFD simulator (README "Fiscal receipts", simulator): registration, token, receipt and Z report
// endpoints at TRA's paths, checking what EFDMS checks and answering with its envelopes, plus levers
// (`/control/…`) to make it fail in the ways the real one does, and a verification page for a receipt code.

export type TraFault = "none" | "down" | "500" | "timeout" | "ack" | "drop-after-store";

export interface TraSettings {
  fault: TraFault;
  /** Requests the fault still applies to; null = until cleared. */
  faultCount: number | null;
  /** The ACKCODE answered under the "ack" fault. */
  faultAckCode: number;
  /** How long "timeout" and "drop-after-store" hold the request before giving up. */
  hangMs: number;
  tokenExpiresIn: number;
  /** Accept ITEM children in the other order one TRA sample uses (ID, DESC, TAXCODE, AMT, QTY). */
  allowAltItemOrder: boolean;
}

export interface DeviceSpec {
  tin: string;
  certKey: string;
  certificatePem: string;
}

export interface TraSandboxOptions {
  publicUrl: string;
  /** Devices TRA has issued, read when a request names an unknown serial (the app's sandbox certificate). */
  devices?: () => DeviceSpec[];
  stateFile?: string;
  now?: () => number;
  settings?: Partial<TraSettings>;
}

export interface TraSandbox {
  handle(request: Request, path: string): Promise<Response>;
  state(): TraState;
  settings(): TraSettings;
  updateSettings(patch: Partial<TraSettings>): TraSettings;
  addDevice(spec: DeviceSpec): void;
  close(): Promise<void>;
}

/** A response the node server turns into a dropped connection (the Next.js mount answers 503). */
export const DROP_HEADER = "x-sandbox-drop-connection";

const settingsPatch = z
  .object({
    fault: z.enum(["none", "down", "500", "timeout", "ack", "drop-after-store"]),
    faultCount: z.number().int().min(1).nullable(),
    faultAckCode: z.number().int().min(1).max(999),
    hangMs: z.number().int().min(0).max(120_000),
    tokenExpiresIn: z.number().int().min(1).max(172_800),
    allowAltItemOrder: z.boolean(),
  })
  .partial()
  .strict();

const deviceSpec = z.object({
  tin: z.string().regex(/^\d{9}$/),
  certKey: z.string().min(2).max(20),
  certificatePem: z.string().min(100).max(10_000),
});

function serialHeader(pem: string): string {
  let hex = new X509Certificate(pem).serialNumber.toLowerCase();
  while (hex.startsWith("00") && hex.length > 2) hex = hex.slice(2);
  return Buffer.from(hex.match(/../g)!.join(" ")).toString("base64");
}

export function createTraSandbox(options: TraSandboxOptions): TraSandbox {
  const now = options.now ?? Date.now;
  let state: TraState = emptyState();
  const file = new JsonStateFile<TraState>(options.stateFile, () => state, "tra sandbox");
  state = file.load(z.custom<TraState>((v) => typeof v === "object" && v !== null)) ?? state;
  let settings: TraSettings = {
    fault: "none",
    faultCount: null,
    faultAckCode: 9,
    hangMs: 15_000,
    tokenExpiresIn: 86_399,
    allowAltItemOrder: false,
    ...options.settings,
  };
  // TRA signs its answers too; the simulator uses a key of its own (no source documents TRA's).
  const { privateKey: answerKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
  const timers = new Set<NodeJS.Timeout>();

  const addDevice = (spec: DeviceSpec) => {
    const existing = state.devices.find((d) => d.certKey === spec.certKey);
    if (existing) Object.assign(existing, { tin: spec.tin, certificatePem: spec.certificatePem });
    else state.devices.push({ ...spec, ledger: emptyLedger() });
    file.changed();
  };

  const deviceBySerial = (header: string | null): Device | undefined => {
    if (!header) return undefined;
    const match = (d: Device) => serialHeader(d.certificatePem) === header.trim();
    let found = state.devices.find(match);
    if (!found) {
      for (const spec of options.devices?.() ?? [])
        if (!state.devices.some((d) => d.certKey === spec.certKey)) addDevice(spec);
      found = state.devices.find(match);
    }
    return found;
  };

  const answer = (element: string, fields: string) => {
    const inner = `<${element}>${fields}</${element}>`;
    const signature = sign("sha1", Buffer.from(inner), answerKey).toString("base64");
    return new Response(
      `<?xml version="1.0" encoding="UTF-8"?><EFDMS>${inner}<EFDMSSIGNATURE>${signature}</EFDMSSIGNATURE></EFDMS>`,
      { status: 200, headers: { "content-type": "application/xml" } },
    );
  };

  const hang = () =>
    new Promise<Response>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve(new Response("", { status: 504, headers: { [DROP_HEADER]: "1" } }));
      }, settings.hangMs);
      timers.add(timer);
    });

  /** The fault for this request, counting it down; ACKCODE and drop faults hit receipts and Z reports only. */
  const takeFault = (isDocument: boolean): TraFault => {
    const fault = settings.fault;
    if (fault === "none") return fault;
    if (!isDocument && (fault === "ack" || fault === "drop-after-store")) return "none";
    if (settings.faultCount !== null) {
      settings.faultCount -= 1;
      if (settings.faultCount <= 0) settings = { ...settings, fault: "none", faultCount: null };
    }
    return fault;
  };

  /** The signed inner element of an EFDMS envelope, verified with the device's certificate. */
  const signedInner = (body: string, element: string, device: Device): string | undefined => {
    const match = new RegExp(
      `^<\\?xml version="1\\.0" encoding="UTF-8"\\?><EFDMS>(<${element}>[\\s\\S]*</${element}>)<EFDMSSIGNATURE>([A-Za-z0-9+/=]+)</EFDMSSIGNATURE></EFDMS>$`,
    ).exec(body);
    if (!match) return undefined;
    const publicKey = createPublicKey(device.certificatePem);
    const ok = verify("sha1", Buffer.from(match[1]!, "utf8"), publicKey, Buffer.from(match[2]!, "base64"));
    return ok ? match[1] : undefined;
  };

  async function register(request: Request): Promise<Response> {
    const client = request.headers.get("client");
    if (!client)
      return answer("EFDMSRESP", "<ACKCODE>4</ACKCODE><ACKMSG>VFD Registration Approval required</ACKMSG>");
    if (client.toLowerCase() !== "webapi")
      return answer("EFDMSRESP", "<ACKCODE>7</ACKCODE><ACKMSG>Invalid client header</ACKMSG>");
    const device = deviceBySerial(request.headers.get("cert-serial"));
    if (!device)
      return answer(
        "EFDMSRESP",
        "<ACKCODE>8</ACKCODE><ACKMSG>Wrong Certificate used to Register Web API</ACKMSG>",
      );
    const inner = signedInner(await request.text(), "REGDATA", device);
    if (!inner) return answer("EFDMSRESP", "<ACKCODE>1</ACKCODE><ACKMSG>Invalid Signature</ACKMSG>");
    const tin = /<TIN>([^<]*)<\/TIN>/.exec(inner)?.[1];
    const certKey = /<CERTKEY>([^<]*)<\/CERTKEY>/.exec(inner)?.[1];
    if (tin !== device.tin) return answer("EFDMSRESP", "<ACKCODE>3</ACKCODE><ACKMSG>Invalid TIN</ACKMSG>");
    if (certKey !== device.certKey)
      return answer(
        "EFDMSRESP",
        "<ACKCODE>6</ACKCODE><ACKMSG>Invalid Serial or Serial not Registered to Web API/TIN</ACKMSG>",
      );
    device.registration ??= {
      regId: `TZ01${randomBytes(4).readUInt32BE() % 100_000_000}`.padEnd(12, "0"),
      uin: `09VFDWEBAPI-${device.tin}${device.certKey}`,
      receiptCode: randomBytes(3).toString("hex").toUpperCase(),
      username: `vfd_${randomBytes(6).toString("hex")}`,
      password: randomBytes(12).toString("base64url"),
      registeredOn: eatNow(now()).date,
      vrn: "40000999A",
      taxCodes: { A: "18", B: "0", C: "0", D: "0" },
    };
    file.changed();
    const r = device.registration;
    return answer(
      "EFDMSRESP",
      `<ACKCODE>0</ACKCODE><ACKMSG>Registration Successful</ACKMSG><REGID>${r.regId}</REGID><SERIAL>${device.certKey}</SERIAL><UIN>${r.uin}</UIN><TIN>${device.tin}</TIN><VRN>${r.vrn}</VRN><MOBILE>0712000000</MOBILE><ADDRESS>P.O.BOX 1</ADDRESS><STREET>SAMORA AVENUE</STREET><CITY>DAR ES SALAAM</CITY><COUNTRY>TANZANIA</COUNTRY><NAME>MALIPO SANDBOX SHOP</NAME><RECEIPTCODE>${r.receiptCode}</RECEIPTCODE><REGION>DAR ES SALAAM</REGION><ROUTINGKEY>vfdrct</ROUTINGKEY><GC>${device.ledger.lastGc + 1}</GC><TAXOFFICE>Tax Office Ilala</TAXOFFICE><USERNAME>${r.username}</USERNAME><PASSWORD>${r.password}</PASSWORD><TOKENPATH>vfdtoken</TOKENPATH><TAXCODES><CODEA>${r.taxCodes.A}</CODEA><CODEB>${r.taxCodes.B}</CODEB><CODEC>${r.taxCodes.C}</CODEC><CODED>${r.taxCodes.D}</CODED></TAXCODES>`,
    );
  }

  async function token(request: Request): Promise<Response> {
    state.tokenRequests += 1;
    const form = new URLSearchParams(await request.text());
    const username = form.get("username") ?? form.get("Username");
    const password = form.get("password") ?? form.get("Password");
    if (form.get("grant_type") !== "password")
      return Response.json({ error: "unsupported_grant_type" }, { status: 400 });
    const device = state.devices.find(
      (d) => d.registration?.username === username && d.registration?.password === password,
    );
    if (!device) return Response.json({ error: "invalid_grant" }, { status: 400 });
    const at = now();
    if (state.tokens.some((t) => t.certKey === device.certKey && t.expiresAt > at))
      state.earlyTokenRequests += 1;
    const value = randomBytes(24).toString("base64url");
    state.tokens = state.tokens.filter((t) => t.expiresAt > at);
    state.tokens.push({
      token: value,
      certKey: device.certKey,
      expiresAt: at + settings.tokenExpiresIn * 1000,
    });
    file.changed();
    return Response.json(
      { access_token: value, token_type: "bearer", expires_in: settings.tokenExpiresIn },
      { headers: { ACKCODE: "0", ACKMSG: "Success" } },
    );
  }

  async function document(request: Request, kind: "receipt" | "zreport", fault: TraFault): Promise<Response> {
    const element = kind === "receipt" ? "RCTACK" : "ZACK";
    const auth = /^bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    const held = state.tokens.find((t) => t.token === auth);
    if (!held || held.expiresAt <= now()) return new Response("", { status: 401 });
    const device = deviceBySerial(request.headers.get("cert-serial"));
    if (!device?.registration || device.certKey !== held.certKey) return new Response("", { status: 401 });
    const routing = (request.headers.get("routing-key") ?? "").toLowerCase();
    const stamp = eatNow(now());
    const ack = (code: number, message: string, extra: string) =>
      answer(
        element,
        `${extra}<DATE>${stamp.date}</DATE><TIME>${stamp.time}</TIME><ACKCODE>${code}</ACKCODE><ACKMSG>${message.slice(0, 50)}</ACKMSG>`,
      );
    const body = await request.text();
    const inner = signedInner(body, kind === "receipt" ? "RCT" : "ZREPORT", device);
    const label =
      kind === "receipt"
        ? `<RCTNUM>${/<RCTNUM>(\d*)</.exec(body)?.[1] ?? ""}</RCTNUM>`
        : `<ZNUMBER>${/<ZNUMBER>(\d*)</.exec(body)?.[1] ?? ""}</ZNUMBER>`;
    if (routing !== (kind === "receipt" ? "vfdrct" : "vfdzreport"))
      return ack(94, "format: Routing-Key", label);
    if (!inner) return ack(1, "Invalid Signature", label);
    if (fault === "ack") return ack(settings.faultAckCode, "Simulated failure", label);
    const ledger = device.ledger;
    // A byte-identical resend of an accepted document is a duplicate: success again, counted once.
    const duplicate =
      kind === "receipt"
        ? ledger.receipts.some((r) => r.inner === inner)
        : ledger.zreports.some((z) => z.inner === inner);
    if (duplicate) {
      ledger.duplicates += 1;
      file.changed();
      return ack(0, "Success", label);
    }
    try {
      if (kind === "receipt") {
        const accepted = checkReceipt(inner, device, {
          now: now(),
          allowAltItemOrder: settings.allowAltItemOrder,
        });
        ledger.receipts.push(accepted);
        ledger.lastGc = accepted.gc;
        ledger.lastDc = accepted.dc;
        ledger.lastZnum = accepted.znum;
        ledger.lastDateTime = `${accepted.date} ${accepted.time}`;
      } else {
        ledger.zreports.push(checkZReport(inner, device, now()));
      }
    } catch (error) {
      if (error instanceof Refusal) return ack(error.code, error.message, label);
      throw error;
    }
    file.changed();
    if (fault === "drop-after-store") return hang();
    return ack(0, "Success", label);
  }

  async function control(request: Request, segments: string[]): Promise<Response> {
    if (segments[0] === "state" && request.method === "GET") return Response.json(state);
    if (segments[0] === "settings" && request.method === "GET") return Response.json(settings);
    if (request.method !== "POST") return new Response("Not found", { status: 404 });
    const json = await request.json().catch(() => undefined);
    if (segments[0] === "settings") {
      const patch = settingsPatch.safeParse(json);
      if (!patch.success) return Response.json({ error: patch.error.issues[0]?.message }, { status: 400 });
      return Response.json(updateSettings(patch.data));
    }
    if (segments[0] === "devices") {
      const spec = deviceSpec.safeParse(json);
      if (!spec.success) return Response.json({ error: spec.error.issues[0]?.message }, { status: 400 });
      addDevice(spec.data);
      return Response.json({ ok: true });
    }
    return new Response("Not found", { status: 404 });
  }

  const updateSettings = (patch: Partial<TraSettings>) => (settings = { ...settings, ...patch });

  async function handle(request: Request, path: string): Promise<Response> {
    const segments = path.split("/").filter(Boolean).map(decodeURIComponent);
    if (segments[0] === "control") return control(request, segments.slice(1));
    if (segments[0] === "verify" && request.method === "GET") return verifyPage(state, segments[1] ?? "");
    const route = segments.join("/").toLowerCase();
    const known = ["api/vfdregreq", "vfdtoken", "api/efdmsrctinfo", "api/efdmszreport"];
    if (!known.includes(route) || request.method !== "POST")
      return new Response("Not found", { status: 404 });
    const fault = takeFault(route.startsWith("api/efdms"));
    if (fault === "down") return new Response("", { status: 503, headers: { [DROP_HEADER]: "1" } });
    if (fault === "500")
      return new Response("<Error><Message>An error has occurred.</Message></Error>", { status: 500 });
    if (fault === "timeout") return hang();
    try {
      if (route === "api/vfdregreq") return await register(request);
      if (route === "vfdtoken") return await token(request);
      return await document(request, route === "api/efdmsrctinfo" ? "receipt" : "zreport", fault);
    } catch (error) {
      console.error("[tra sandbox] unexpected error", error);
      return new Response("<Error><Message>An error has occurred.</Message></Error>", { status: 500 });
    }
  }

  return {
    handle,
    state: () => state,
    settings: () => settings,
    updateSettings,
    addDevice,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await file.flush();
    },
  };
}
