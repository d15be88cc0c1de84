import "server-only";
import type { FiscalReceipt } from "@/lib/fiscal-receipt";
import type { FiscalRegistrationRow } from "@/lib/server/db/schema";
import { el, fiscalAmount, verificationUrl, type EatStamp } from "./fiscal-format";
import type { FiscalLine, VatGroup } from "./receipt-lines";

// The <RCT> element exactly as TRA's documents order it (README "Fiscal receipts"), compact, every number
// with two decimals, every text escaped. The caller signs these very bytes and stores them.

export interface ReceiptInput {
  registration: FiscalRegistrationRow;
  stamp: EatStamp;
  gc: number;
  dc: number;
  customerName: string;
  mobile: string;
  lines: FiscalLine[];
  groups: VatGroup[];
  payment: { type: string; amountMinor: number };
  verifyUrl: string;
}

export function receiptXml(input: ReceiptInput): string {
  const { registration: reg, stamp, gc } = input;
  const rctvnum = `${reg.receiptCode}${gc}`;
  const incl = input.lines.reduce((sum, l) => sum + l.amountMinor, 0);
  const excl = input.groups.reduce((sum, g) => sum + g.netMinor, 0);
  const items = input.lines
    .map(
      (l) =>
        `<ITEM>${el("ID", l.id)}${el("DESC", l.description)}${el("QTY", l.quantity)}${el("TAXCODE", l.taxCode)}${el("AMT", fiscalAmount(l.amountMinor))}</ITEM>`,
    )
    .join("");
  const vat = input.groups
    .map(
      (g) =>
        `${el("VATRATE", g.letter)}${el("NETTAMOUNT", fiscalAmount(g.netMinor))}${el("TAXAMOUNT", fiscalAmount(g.taxMinor))}`,
    )
    .join("");
  return (
    "<RCT>" +
    el("DATE", stamp.date) +
    el("TIME", stamp.time) +
    el("TIN", reg.tin) +
    el("REGID", reg.regId) +
    el("EFDSERIAL", reg.serial) +
    el("CUSTIDTYPE", 6) +
    el("CUSTID", "") +
    el("CUSTNAME", input.customerName) +
    el("MOBILENUM", input.mobile) +
    el("RCTNUM", gc) +
    el("DC", input.dc) +
    el("GC", gc) +
    el("ZNUM", stamp.znum) +
    el("RCTVNUM", rctvnum) +
    `<ITEMS>${items}</ITEMS>` +
    `<TOTALS>${el("TOTALTAXEXCL", fiscalAmount(excl))}${el("TOTALTAXINCL", fiscalAmount(incl))}${el("DISCOUNT", "0.00")}</TOTALS>` +
    `<PAYMENTS>${el("PMTTYPE", input.payment.type)}${el("PMTAMOUNT", fiscalAmount(input.payment.amountMinor))}</PAYMENTS>` +
    `<VATTOTALS>${vat}</VATTOTALS>` +
    "</RCT>"
  );
}

/** The fiscal block's data for this receipt (status is added when it is read). */
export function receiptBlock(input: ReceiptInput): Omit<FiscalReceipt, "status"> {
  const { registration: reg, stamp, gc } = input;
  const rctvnum = `${reg.receiptCode}${gc}`;
  const excl = input.groups.reduce((sum, g) => sum + g.netMinor, 0);
  const tax = input.groups.reduce((sum, g) => sum + g.taxMinor, 0);
  const letter = (code: number) => input.groups.find((g) => g.taxCode === code)?.letter ?? "A";
  return {
    seller: {
      name: reg.name,
      tin: reg.tin,
      vrn: reg.vrn,
      serial: reg.serial,
      uin: reg.uin,
      tax_office: reg.taxOffice,
    },
    receipt_number: gc,
    z_number: stamp.znum,
    daily_counter: input.dc,
    date: stamp.date,
    time: stamp.time,
    items: input.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      amount: fiscalAmount(l.amountMinor),
      tax: letter(l.taxCode),
    })),
    totals: {
      excl_tax: fiscalAmount(excl),
      tax: fiscalAmount(tax),
      incl_tax: fiscalAmount(excl + tax),
      discount: "0.00",
    },
    vat: input.groups.map((g) => ({
      rate: g.letter,
      net: fiscalAmount(g.netMinor),
      tax: fiscalAmount(g.taxMinor),
    })),
    payments: [{ type: input.payment.type, amount: fiscalAmount(input.payment.amountMinor) }],
    verification_code: rctvnum,
    verification_url: verificationUrl(input.verifyUrl, rctvnum, stamp.time),
  };
}
