import QRCode from "qrcode";
import { button, errorLine, escapeHtml, formatDisplayAmount, layout } from "../common/html";
import type { SandboxPayment } from "./types";

// The simulated customer (§17.4): the hosted card checkout, the "customer's phone" that scans a dynamic QR,
// and the USSD prompt of a mobile payment. Plain HTML forms, so they work in any browser and in tests.

export interface PageOptions {
  /** Path of the sandbox root as the browser sees it, e.g. "/sandbox/paygrid" or "". */
  basePath: string;
  merchantName: string;
  error?: string;
}

function header(p: SandboxPayment, o: PageOptions, subtitle: string): string {
  const ref = p.reference ?? p.externalId;
  return `<h1>${escapeHtml(o.merchantName)}</h1><p class="sub">${escapeHtml(subtitle)} · PayGrid sandbox · Ref ${escapeHtml(ref)}</p><p class="amount">${escapeHtml(formatDisplayAmount(p))}</p>`;
}

const STATUS_TEXT: Record<string, string> = {
  completed: "This payment is completed.",
  failed: "This payment failed.",
  cancelled: "This payment was cancelled.",
  expired: "This payment has expired.",
  partially_refunded: "This payment is completed (partially refunded).",
  refunded: "This payment is completed (refunded).",
};

async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

export async function renderPaymentPage(p: SandboxPayment, o: PageOptions): Promise<string> {
  const action = (name: string) => `${o.basePath}/pay/${p.id}/${name}`;
  const done = STATUS_TEXT[p.status];
  if (done) {
    return layout(
      `Payment ${p.status}`,
      `${header(p, o, "Payment")}<p class="status" role="status" data-status="${p.status}">${escapeHtml(done)}</p>`,
    );
  }
  const processing =
    p.status === "processing"
      ? `<p class="status" role="status" data-status="processing">Processing…</p>`
      : "";

  if (p.type === "card") {
    const fields = `<label for="card_number">Card number</label><input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required>
<label for="expiry">Expiry (MM/YY)</label><input id="expiry" name="expiry" autocomplete="cc-exp" placeholder="12/34">
<label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123">`;
    return layout(
      "Card checkout",
      `${header(p, o, "Card checkout")}${processing}${errorLine(o)}${button(action("card"), "Pay now", "primary", fields)}${button(action("cancel"), "Cancel payment", "plain")}<p class="hint">Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined.</p>`,
    );
  }

  if (p.type === "mobile") {
    const fields = `<p>Pay ${escapeHtml(formatDisplayAmount(p))} to ${escapeHtml(o.merchantName)} from ${escapeHtml(p.phone)}?</p><label for="pin">Enter wallet PIN</label><input id="pin" name="pin" type="password" inputmode="numeric" pattern="\\d{4}" maxlength="4" autocomplete="off" required>`;
    return layout(
      "USSD prompt",
      `${header(p, o, "Mobile money prompt")}${processing}${errorLine(o)}${button(action("pin"), "Confirm payment", "primary", fields)}${button(action("reject"), "Reject payment", "danger")}${button(action("cancel"), "Cancel payment", "plain")}<p class="hint">Any 4-digit PIN approves.</p>`,
    );
  }

  const svg = await qrSvg(p.qrCode ?? p.paymentUrl ?? p.id);
  return layout(
    "Customer's phone",
    `${header(p, o, "Customer's phone — scan to pay")}${processing}<div class="qr" role="img" aria-label="Payment QR code">${svg}</div>${errorLine(o)}${button(action("approve"), "Approve payment", "primary")}${button(action("decline"), "Decline payment", "danger")}${button(action("cancel"), "Cancel payment", "plain")}`,
  );
}

export function renderDeclinedPage(p: SandboxPayment, o: PageOptions): string {
  const back = p.cancelUrl ? `<p><a href="${escapeHtml(p.cancelUrl)}">Return to the shop</a></p>` : "";
  return layout(
    "Card declined",
    `${header(p, o, "Card checkout")}<p class="status" role="status" data-status="failed">Your card was declined. No money was taken.</p>${back}`,
  );
}

export function renderNotFoundPage(): string {
  return layout("Payment not found", `<h1>Payment not found</h1><p>This payment link is not valid.</p>`);
}
