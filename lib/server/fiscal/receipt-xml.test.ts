import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { FiscalRegistrationRow } from "@/lib/server/db/schema";
import { eatStamp, fiscalAmount, verificationUrl } from "./fiscal-format";
import { paymentType, saleLines, vatGroups } from "./receipt-lines";
import { receiptXml } from "./receipt-xml";
import { certSerialHeader } from "./signing-key";

// The worked example of TRA's receipt as our provider notes give it (docs: README "Fiscal receipts"):
// byte for byte, since the signature covers these exact bytes.
const GOLDEN =
  "<RCT><DATE>2024-05-02</DATE><TIME>10:15:30</TIME><TIN>123456789</TIN><REGID>TZ0100000001</REGID><EFDSERIAL>10TZ100001</EFDSERIAL><CUSTIDTYPE>6</CUSTIDTYPE><CUSTID></CUSTID><CUSTNAME></CUSTNAME><MOBILENUM></MOBILENUM><RCTNUM>42</RCTNUM><DC>3</DC><GC>42</GC><ZNUM>20240502</ZNUM><RCTVNUM>ABC12342</RCTVNUM><ITEMS><ITEM><ID>1</ID><DESC>Soda 500ml</DESC><QTY>2</QTY><TAXCODE>1</TAXCODE><AMT>1180.00</AMT></ITEM></ITEMS><TOTALS><TOTALTAXEXCL>1000.00</TOTALTAXEXCL><TOTALTAXINCL>1180.00</TOTALTAXINCL><DISCOUNT>0.00</DISCOUNT></TOTALS><PAYMENTS><PMTTYPE>EMONEY</PMTTYPE><PMTAMOUNT>1180.00</PMTAMOUNT></PAYMENTS><VATTOTALS><VATRATE>A</VATRATE><NETTAMOUNT>1000.00</NETTAMOUNT><TAXAMOUNT>180.00</TAXAMOUNT></VATTOTALS></RCT>";

const registration = {
  tin: "123456789",
  regId: "TZ0100000001",
  serial: "10TZ100001",
  receiptCode: "ABC123",
  taxCodes: { A: "18" },
} as unknown as FiscalRegistrationRow;

describe("receipt XML", () => {
  it("matches the worked example byte for byte", () => {
    const lines = saleLines(
      {
        amountMinor: 118_000,
        reference: "R",
        lineItems: [{ name: "Soda 500ml", quantity: 2, unit_amount: "590" }],
      },
      1,
    );
    const xml = receiptXml({
      registration,
      stamp: eatStamp(new Date("2024-05-02T07:15:30Z")),
      gc: 42,
      dc: 3,
      customerName: "",
      mobile: "",
      lines,
      groups: vatGroups(lines, () => "18"),
      payment: { type: paymentType("paygrid", "mobile"), amountMinor: 118_000 },
      verifyUrl: "https://verify.tra.go.tz",
    });
    expect(xml).toBe(GOLDEN);
    expect(Buffer.byteLength(xml)).toBe(715);
    expect(createHash("sha1").update(xml).digest("hex")).toBe("9c7649b11d0c270ac61fdcf4d79af5dd03b68f5b");
    expect(verificationUrl("https://verify.tra.go.tz", "ABC12342", "10:15:30")).toBe(
      "https://verify.tra.go.tz/ABC12342_101530",
    );
  });

  it("writes fixed two decimals, never exponents, and dates in EAT", () => {
    expect(fiscalAmount(150_000_000_00)).toBe("150000000.00");
    expect(fiscalAmount(5)).toBe("0.05");
    expect(eatStamp(new Date("2026-03-10T21:00:00Z"))).toEqual({
      date: "2026-03-11",
      time: "00:00:00",
      znum: "20260311",
    });
  });

  it("maps methods to TRA payment types and writes Cert-Serial as spaced hex", () => {
    expect(paymentType("cash", "cash")).toBe("CASH");
    expect(paymentType("paygrid", "card")).toBe("CCARD");
    expect(paymentType("splashpay", "tanqr")).toBe("EMONEY");
    expect(Buffer.from(certSerialHeader("00F1A2"), "base64").toString()).toBe("f1 a2");
  });
});
