import "server-only";
import type { FiscalRegistrationRow } from "@/lib/server/db/schema";
import { el, fiscalAmount, znumToDate } from "./fiscal-format";
import { TAX_LETTERS, type TaxLetter } from "./receipt-lines";

// The daily <ZREPORT> in the element order of TRA's example (README "Fiscal receipts"): always five VAT
// triples and five payment pairs, zeros included, so a day without sales still has its report.

export const PAYMENT_TYPES = ["CASH", "CHEQUE", "CCARD", "EMONEY", "INVOICE"] as const;

export interface DaySummary {
  znum: string;
  receipts: number;
  totalMinor: number;
  /** Running total since the device's first day, including this one. */
  grossMinor: number;
  vat: Record<TaxLetter, { netMinor: number; taxMinor: number }>;
  payments: Record<(typeof PAYMENT_TYPES)[number], number>;
}

export function emptyDay(znum: string): DaySummary {
  return {
    znum,
    receipts: 0,
    totalMinor: 0,
    grossMinor: 0,
    vat: { A: zero(), B: zero(), C: zero(), D: zero(), E: zero() },
    payments: { CASH: 0, CHEQUE: 0, CCARD: 0, EMONEY: 0, INVOICE: 0 },
  };
}

function zero() {
  return { netMinor: 0, taxMinor: 0 };
}

function headerLines(reg: FiscalRegistrationRow): string[] {
  return [reg.name, reg.street, `MOBILE: ${reg.mobile}`, `${reg.city},${reg.country}`].map((l) =>
    l.toUpperCase(),
  );
}

export function zreportXml(reg: FiscalRegistrationRow, day: DaySummary): string {
  const rate = (letter: TaxLetter) => {
    const percent = reg.taxCodes[letter] ?? "0";
    return `${letter}-${Number(percent).toFixed(2)}`;
  };
  return (
    "<ZREPORT>" +
    el("DATE", znumToDate(day.znum)) +
    el("TIME", "23:59:59") +
    `<HEADER>${headerLines(reg)
      .map((line) => el("LINE", line))
      .join("")}</HEADER>` +
    el("VRN", reg.vrn) +
    el("TIN", reg.tin) +
    el("TAXOFFICE", reg.taxOffice) +
    el("REGID", reg.regId) +
    el("ZNUMBER", day.znum) +
    el("EFDSERIAL", reg.serial) +
    el("REGISTRATIONDATE", reg.registeredOn) +
    el("USER", reg.uin) +
    el("SIMIMSI", "WEBAPI") +
    "<TOTALS>" +
    el("DAILYTOTALAMOUNT", fiscalAmount(day.totalMinor)) +
    el("GROSS", fiscalAmount(day.grossMinor)) +
    el("CORRECTIONS", "0.00") +
    el("DISCOUNTS", "0.00") +
    el("SURCHARGES", "0.00") +
    el("TICKETSVOID", 0) +
    el("TICKETSVOIDTOTAL", "0.00") +
    el("TICKETSFISCAL", day.receipts) +
    el("TICKETSNONFISCAL", 0) +
    "</TOTALS>" +
    `<VATTOTALS>${TAX_LETTERS.map(
      (letter) =>
        el("VATRATE", rate(letter)) +
        el("NETTAMOUNT", fiscalAmount(day.vat[letter].netMinor)) +
        el("TAXAMOUNT", fiscalAmount(day.vat[letter].taxMinor)),
    ).join("")}</VATTOTALS>` +
    `<PAYMENTS>${PAYMENT_TYPES.map(
      (type) => el("PMTTYPE", type) + el("PMTAMOUNT", fiscalAmount(day.payments[type])),
    ).join("")}</PAYMENTS>` +
    `<CHANGES>${el("VATCHANGENUM", 0)}${el("HEADCHANGENUM", 0)}</CHANGES>` +
    "<ERRORS></ERRORS>" +
    el("FWVERSION", "3.0") +
    el("FWCHECKSUM", "WEBAPI") +
    "</ZREPORT>"
  );
}
