// The VFD simulator's memory: the devices TRA "issued" (TIN, serial, certificate), what each registered,
// the tokens handed out, and every receipt and Z report accepted, so each new one can be checked against
// the last (counters, dates, the day's totals) the way EFDMS does.

export interface Device {
  tin: string;
  certKey: string;
  certificatePem: string;
  registration?: Registration;
  ledger: Ledger;
}

export interface Registration {
  regId: string;
  uin: string;
  receiptCode: string;
  username: string;
  password: string;
  registeredOn: string; // YYYY-MM-DD
  vrn: string;
  taxCodes: { A: string; B: string; C: string; D: string };
}

export interface AcceptedReceipt {
  gc: number;
  dc: number;
  znum: string;
  date: string;
  time: string;
  rctvnum: string;
  inner: string;
  totalCents: number;
  vat: Record<string, { net: number; tax: number }>;
  payments: Record<string, number>;
}

export interface AcceptedZ {
  znum: string;
  inner: string;
  dailyCents: number;
  grossCents: number;
}

export interface Ledger {
  lastGc: number;
  lastDc: number;
  lastZnum: string;
  lastDateTime: string;
  receipts: AcceptedReceipt[];
  zreports: AcceptedZ[];
  /** Byte-identical resends of accepted documents: answered with success and counted here. */
  duplicates: number;
}

export interface TraState {
  devices: Device[];
  tokens: { token: string; certKey: string; expiresAt: number }[];
  tokenRequests: number;
  /** Tokens asked for while the device's previous one was still valid (TRA's rule: reuse until expiry). */
  earlyTokenRequests: number;
}

export function emptyLedger(): Ledger {
  return { lastGc: 0, lastDc: 0, lastZnum: "", lastDateTime: "", receipts: [], zreports: [], duplicates: 0 };
}

export function emptyState(): TraState {
  return { devices: [], tokens: [], tokenRequests: 0, earlyTokenRequests: 0 };
}

/** "YYYY-MM-DD" and "HH:MM:SS" of an instant in East Africa Time (UTC+3). */
export function eatNow(ms: number): { date: string; time: string } {
  const iso = new Date(ms + 3 * 3_600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
}
