import { cents, child, expectChildren, readXml, textOf, XmlFormatError, type XmlNode } from "./xml-reader";
import { eatNow, type AcceptedReceipt, type Device } from "./state";

// What EFDMS checks on a receipt (README "Fiscal receipts", simulator): shape and element order, number
// format, the seller's identity, counters and dates against the last accepted receipt, and the arithmetic.
// Codes: 91 counters, 92 dates, 93 arithmetic, 94 format (our own; TRA documents only 0 and 1).

export const RCT_ORDER = [
  "DATE",
  "TIME",
  "TIN",
  "REGID",
  "EFDSERIAL",
  "CUSTIDTYPE",
  "CUSTID",
  "CUSTNAME",
  "MOBILENUM",
  "RCTNUM",
  "DC",
  "GC",
  "ZNUM",
  "RCTVNUM",
  "ITEMS",
  "TOTALS",
  "PAYMENTS",
  "VATTOTALS",
] as const;
export const ITEM_ORDER = ["ID", "DESC", "QTY", "TAXCODE", "AMT"] as const;
const ITEM_ORDER_ALT = ["ID", "DESC", "TAXCODE", "AMT", "QTY"] as const;
const LETTERS = ["A", "B", "C", "D", "E"];

export class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message.slice(0, 50));
  }
}

function groups<T>(node: XmlNode, names: readonly string[], read: (values: string[]) => T): T[] {
  const out: T[] = [];
  if (node.children.length === 0 || node.children.length % names.length !== 0) {
    throw new XmlFormatError(`<${node.name}> must repeat ${names.join(",")}`);
  }
  for (let i = 0; i < node.children.length; i += names.length) {
    const slice = node.children.slice(i, i + names.length);
    if (slice.some((c, j) => c.name !== names[j])) throw new XmlFormatError(`<${node.name}> order`);
    out.push(read(slice.map((c) => c.text)));
  }
  return out;
}

export interface ReceiptCheckOptions {
  now: number;
  allowAltItemOrder: boolean;
}

/** The accepted receipt, or a Refusal naming the first broken rule. */
export function checkReceipt(inner: string, device: Device, options: ReceiptCheckOptions): AcceptedReceipt {
  const reg = device.registration!;
  const ledger = device.ledger;
  let rct: XmlNode;
  try {
    rct = readXml(inner);
    if (rct.name !== "RCT") throw new XmlFormatError("root must be RCT");
    expectChildren(rct, RCT_ORDER);
  } catch (error) {
    throw new Refusal(94, `format: ${(error as Error).message}`);
  }
  const t = (name: string) => textOf(rct, name);
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(t("DATE")) || !/^\d{2}:\d{2}:\d{2}$/.test(t("TIME"))) {
      throw new XmlFormatError("DATE/TIME format");
    }
    if (t("TIN") !== device.tin) throw new XmlFormatError("TIN is not the seller's");
    if (t("REGID") !== reg.regId || t("EFDSERIAL") !== device.certKey)
      throw new XmlFormatError("REGID/EFDSERIAL");
    if (!/^[1-6]$/.test(t("CUSTIDTYPE"))) throw new XmlFormatError("CUSTIDTYPE");
    if (t("CUSTIDTYPE") === "1" && !/^\d{9}$/.test(t("CUSTID"))) throw new XmlFormatError("CUSTID for TIN");
    if (t("CUSTIDTYPE") !== "6" && t("CUSTID") === "") throw new XmlFormatError("CUSTID required");
    if (t("MOBILENUM") !== "" && !/^(255\d{9}|0\d{9})$/.test(t("MOBILENUM")))
      throw new XmlFormatError("MOBILENUM");
    for (const name of ["RCTNUM", "DC", "GC", "ZNUM"])
      if (!/^\d+$/.test(t(name))) throw new XmlFormatError(name);
  } catch (error) {
    throw new Refusal(94, `format: ${(error as Error).message}`);
  }
  const gc = Number(t("GC"));
  const dc = Number(t("DC"));
  const znum = t("ZNUM");
  const date = t("DATE");
  const time = t("TIME");

  // Counters: GC follows the last accepted one without a gap; RCTNUM and RCTVNUM follow GC.
  if (Number(t("RCTNUM")) !== gc) throw new Refusal(91, "counters: RCTNUM must equal GC");
  if (gc !== ledger.lastGc + 1) throw new Refusal(91, `counters: GC ${gc}, expected ${ledger.lastGc + 1}`);
  if (t("RCTVNUM") !== `${reg.receiptCode}${gc}`) throw new Refusal(91, "counters: RCTVNUM is not code+GC");
  if (znum !== date.replace(/-/g, "")) throw new Refusal(92, "dates: ZNUM must be the DATE");
  const expectedDc = znum === ledger.lastZnum ? ledger.lastDc + 1 : 1;
  if (dc !== expectedDc) throw new Refusal(91, `counters: DC ${dc}, expected ${expectedDc}`);

  // Dates: never before the last receipt, the registration or a closed day; never in the future.
  const stamp = `${date} ${time}`;
  if (stamp < ledger.lastDateTime) throw new Refusal(92, "dates: before the previous receipt");
  if (date < reg.registeredOn) throw new Refusal(92, "dates: before the registration");
  const lastZ = ledger.zreports.at(-1)?.znum ?? "";
  if (znum <= lastZ) throw new Refusal(92, "dates: that day's Z report is already in");
  const skew = eatNow(options.now + 5 * 60_000);
  if (stamp > `${skew.date} ${skew.time}`) throw new Refusal(92, "dates: in the future");

  // Items, totals, payments, VAT: number format first (94), then arithmetic (93).
  let items: { code: number; amt: number }[];
  let excl: number, incl: number, discount: number;
  let payments: { type: string; amount: number }[];
  let vat: { letter: string; net: number; tax: number }[];
  try {
    const itemsNode = child(rct, "ITEMS");
    if (itemsNode.children.length === 0) throw new XmlFormatError("no ITEM");
    items = itemsNode.children.map((item) => {
      if (item.name !== "ITEM") throw new XmlFormatError("ITEMS holds ITEM only");
      try {
        expectChildren(item, ITEM_ORDER);
      } catch (error) {
        if (!options.allowAltItemOrder) throw error;
        expectChildren(item, ITEM_ORDER_ALT);
      }
      if (!/^[1-5]$/.test(textOf(item, "TAXCODE"))) throw new XmlFormatError("TAXCODE");
      if (!/^\d+$/.test(textOf(item, "QTY"))) throw new XmlFormatError("QTY");
      return { code: Number(textOf(item, "TAXCODE")), amt: cents(textOf(item, "AMT"), "AMT") };
    });
    const totals = child(rct, "TOTALS");
    expectChildren(totals, ["TOTALTAXEXCL", "TOTALTAXINCL", "DISCOUNT"]);
    excl = cents(textOf(totals, "TOTALTAXEXCL"), "TOTALTAXEXCL");
    incl = cents(textOf(totals, "TOTALTAXINCL"), "TOTALTAXINCL");
    discount = cents(textOf(totals, "DISCOUNT"), "DISCOUNT");
    payments = groups(child(rct, "PAYMENTS"), ["PMTTYPE", "PMTAMOUNT"], ([type, amount]) => {
      if (!["CASH", "CHEQUE", "CCARD", "EMONEY", "INVOICE"].includes(type!))
        throw new XmlFormatError("PMTTYPE");
      return { type: type!, amount: cents(amount!, "PMTAMOUNT") };
    });
    vat = groups(child(rct, "VATTOTALS"), ["VATRATE", "NETTAMOUNT", "TAXAMOUNT"], ([letter, net, tax]) => {
      if (!LETTERS.includes(letter!)) throw new XmlFormatError("VATRATE");
      return { letter: letter!, net: cents(net!, "NETTAMOUNT"), tax: cents(tax!, "TAXAMOUNT") };
    });
  } catch (error) {
    throw new Refusal(94, `format: ${(error as Error).message}`);
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  if (!near(sum(vat.map((v) => v.net)), excl)) throw new Refusal(93, "arithmetic: net totals");
  if (!near(excl + sum(vat.map((v) => v.tax)), incl)) throw new Refusal(93, "arithmetic: incl = excl + tax");
  if (!near(sum(items.map((i) => i.amt)) - discount, incl))
    throw new Refusal(93, "arithmetic: items - discount");
  if (!near(sum(payments.map((p) => p.amount)), incl)) throw new Refusal(93, "arithmetic: payments");
  const rates: Record<string, number> = {
    A: Number(reg.taxCodes.A),
    B: Number(reg.taxCodes.B),
    C: 0,
    D: 0,
    E: 0,
  };
  for (const group of vat) {
    const used = items.filter((i) => LETTERS[i.code - 1] === group.letter);
    if (used.length === 0) throw new Refusal(93, `arithmetic: VATRATE ${group.letter} unused`);
    if (discount === 0 && !near(sum(used.map((i) => i.amt)), group.net + group.tax)) {
      throw new Refusal(93, `arithmetic: group ${group.letter}`);
    }
    if (!near((group.net * rates[group.letter]!) / 100, group.tax))
      throw new Refusal(93, `arithmetic: tax ${group.letter}`);
  }

  return {
    gc,
    dc,
    znum,
    date,
    time,
    rctvnum: t("RCTVNUM"),
    inner,
    totalCents: incl,
    vat: Object.fromEntries(vat.map((v) => [v.letter, { net: v.net, tax: v.tax }])),
    payments: payments.reduce<Record<string, number>>(
      (all, p) => ({ ...all, [p.type]: (all[p.type] ?? 0) + p.amount }),
      {},
    ),
  };
}
