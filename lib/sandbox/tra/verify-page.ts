import { escapeHtml, htmlResponse, layout } from "../common/html";
import type { TraState } from "./state";

// TRA's public verification page for a receipt: `/verify/{RCTVNUM}_{HHMMSS}` (or the code alone) shows the
// receipt TRA holds, or says it does not know it.

function amount(cents: number): string {
  return `TZS ${(cents / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
}

export function verifyPage(state: TraState, code: string): Response {
  const [rctvnum = "", hhmmss] = code.split("_");
  for (const device of state.devices) {
    const receipt = device.ledger.receipts.find(
      (r) => r.rctvnum === rctvnum && (hhmmss === undefined || r.time.replace(/:/g, "") === hhmmss),
    );
    if (!receipt) continue;
    const body = `<h1>Receipt verified</h1><p class="sub">TRA VFD sandbox</p>
<p class="status" role="status">Verification code ${escapeHtml(receipt.rctvnum)}</p>
<p>TIN ${escapeHtml(device.tin)} · Serial ${escapeHtml(device.certKey)}</p>
<p>Receipt ${receipt.gc} · Z ${escapeHtml(receipt.znum)} · ${escapeHtml(receipt.date)} ${escapeHtml(receipt.time)}</p>
<p class="amount">${escapeHtml(amount(receipt.totalCents))}</p>`;
    return htmlResponse(200, layout("Receipt verified", body));
  }
  return htmlResponse(
    404,
    layout(
      "Receipt not found",
      `<h1>Receipt not found</h1><p class="error">No receipt with code ${escapeHtml(code)}.</p>`,
    ),
  );
}
