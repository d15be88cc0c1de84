import { cents, child, expectChildren, readXml, textOf, XmlFormatError, type XmlNode } from "./xml-reader";
import { Refusal } from "./receipt-checks";
import { eatNow, type AcceptedZ, type Device } from "./state";

// What the simulator checks on a Z report: TRA's element order, one per day, not before the registration
// nor in the future, totals equal to the receipts it accepted for that day, GROSS running on from the
// previous report, and all five VAT rates and payment types present.

const Z_ORDER = [
  "DATE",
  "TIME",
  "HEADER",
  "VRN",
  "TIN",
  "TAXOFFICE",
  "REGID",
  "ZNUMBER",
  "EFDSERIAL",
  "REGISTRATIONDATE",
  "USER",
  "SIMIMSI",
  "TOTALS",
  "VATTOTALS",
  "PAYMENTS",
  "CHANGES",
  "ERRORS",
  "FWVERSION",
  "FWCHECKSUM",
];
const TOTALS_ORDER = [
  "DAILYTOTALAMOUNT",
  "GROSS",
  "CORRECTIONS",
  "DISCOUNTS",
  "SURCHARGES",
  "TICKETSVOID",
  "TICKETSVOIDTOTAL",
  "TICKETSFISCAL",
  "TICKETSNONFISCAL",
];
const PAYMENT_TYPES = ["CASH", "CHEQUE", "CCARD", "EMONEY", "INVOICE"];

export function checkZReport(inner: string, device: Device, now: number): AcceptedZ {
  const reg = device.registration!;
  let z: XmlNode;
  let parsed: {
    date: string;
    znum: string;
    daily: number;
    gross: number;
    fiscal: number;
    vat: Record<string, number>;
    pay: Record<string, number>;
  };
  try {
    z = readXml(inner);
    if (z.name !== "ZREPORT") throw new XmlFormatError("root must be ZREPORT");
    expectChildren(z, Z_ORDER);
    const totals = child(z, "TOTALS");
    expectChildren(totals, TOTALS_ORDER);
    const vatNode = child(z, "VATTOTALS");
    expectChildren(
      vatNode,
      ["A", "B", "C", "D", "E"].flatMap(() => ["VATRATE", "NETTAMOUNT", "TAXAMOUNT"]),
    );
    const vat: Record<string, number> = {};
    for (let i = 0; i < 15; i += 3) {
      const label = vatNode.children[i]!.text;
      if (!/^[A-E]-\d+\.\d{2}$/.test(label)) throw new XmlFormatError("VATRATE label");
      vat[label[0]!] =
        cents(vatNode.children[i + 1]!.text, "NETTAMOUNT") +
        cents(vatNode.children[i + 2]!.text, "TAXAMOUNT");
    }
    const payNode = child(z, "PAYMENTS");
    expectChildren(
      payNode,
      PAYMENT_TYPES.flatMap(() => ["PMTTYPE", "PMTAMOUNT"]),
    );
    const pay: Record<string, number> = {};
    for (let i = 0; i < 10; i += 2) {
      if (payNode.children[i]!.text !== PAYMENT_TYPES[i / 2]) throw new XmlFormatError("PMTTYPE order");
      pay[payNode.children[i]!.text] = cents(payNode.children[i + 1]!.text, "PMTAMOUNT");
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(textOf(z, "DATE"))) throw new XmlFormatError("DATE");
    if (textOf(z, "TIN") !== device.tin || textOf(z, "REGID") !== reg.regId)
      throw new XmlFormatError("TIN/REGID");
    parsed = {
      date: textOf(z, "DATE"),
      znum: textOf(z, "ZNUMBER"),
      daily: cents(textOf(totals, "DAILYTOTALAMOUNT"), "DAILYTOTALAMOUNT"),
      gross: cents(textOf(totals, "GROSS"), "GROSS"),
      fiscal: Number(textOf(totals, "TICKETSFISCAL")),
      vat,
      pay,
    };
  } catch (error) {
    throw new Refusal(94, `format: ${(error as Error).message}`);
  }
  const ledger = device.ledger;
  if (parsed.znum !== parsed.date.replace(/-/g, "")) throw new Refusal(92, "dates: ZNUMBER must be the DATE");
  if (parsed.date < reg.registeredOn) throw new Refusal(92, "dates: before the registration");
  if (parsed.date > eatNow(now).date) throw new Refusal(92, "dates: in the future");
  const previous = ledger.zreports.at(-1);
  if (previous && parsed.znum <= previous.znum) throw new Refusal(92, "dates: Z report for that day exists");
  const day = ledger.receipts.filter((r) => r.znum === parsed.znum);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (parsed.fiscal !== day.length) throw new Refusal(93, "arithmetic: TICKETSFISCAL");
  if (parsed.daily !== sum(day.map((r) => r.totalCents)))
    throw new Refusal(93, "arithmetic: DAILYTOTALAMOUNT");
  if (parsed.gross !== (previous?.grossCents ?? 0) + parsed.daily) throw new Refusal(93, "arithmetic: GROSS");
  if (sum(Object.values(parsed.pay)) !== parsed.daily) throw new Refusal(93, "arithmetic: payments");
  for (const letter of ["A", "B", "C", "D", "E"]) {
    const expected = sum(day.map((r) => (r.vat[letter] ? r.vat[letter].net + r.vat[letter].tax : 0)));
    if (parsed.vat[letter] !== expected) throw new Refusal(93, `arithmetic: VAT ${letter}`);
  }
  for (const type of PAYMENT_TYPES) {
    if (parsed.pay[type] !== sum(day.map((r) => r.payments[type] ?? 0)))
      throw new Refusal(93, `arithmetic: ${type}`);
  }
  return { znum: parsed.znum, inner, dailyCents: parsed.daily, grossCents: parsed.gross };
}
