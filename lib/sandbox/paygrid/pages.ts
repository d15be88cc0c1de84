import QRCode from "qrcode";
import { toFixedAmount } from "./record";
import type { SandboxPayment } from "./types";

// The simulated customer (§17.4): the hosted card checkout, the "customer's phone" that scans a dynamic QR,
// and the USSD prompt of a mobile payment. Plain HTML forms, so they work in any browser and in tests.

export interface PageOptions {
  /** Path of the sandbox root as the browser sees it, e.g. "/sandbox/paygrid" or "". */
  basePath: string;
  merchantName: string;
  error?: string;
}

const STYLE = `
body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0;padding:24px;color:#111827}
main{max-width:420px;margin:0 auto;background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 4px #0002}
h1{font-size:1.2rem;margin:0 0 4px}.sub{color:#6b7280;font-size:.9rem;margin:0 0 16px}
.amount{font-size:1.8rem;font-weight:700;margin:8px 0}.status{font-weight:600;padding:8px 12px;border-radius:8px;background:#eef2ff}
label{display:block;margin:12px 0 4px;font-weight:600}input{width:100%;box-sizing:border-box;padding:10px;font-size:1rem;border:1px solid #d1d5db;border-radius:8px}
button{width:100%;padding:12px;margin-top:12px;font-size:1rem;border:0;border-radius:8px;cursor:pointer}
.primary{background:#047857;color:#fff}.danger{background:#b91c1c;color:#fff}.plain{background:#e5e7eb}
.error{color:#b91c1c;font-weight:600}.qr svg{width:100%;max-width:280px;display:block;margin:0 auto}
.hint{color:#6b7280;font-size:.85rem}form{margin:0}`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function formatDisplayAmount(p: Pick<SandboxPayment, "amount" | "currency">): string {
  const [whole = "0", cents = "00"] = toFixedAmount(p.amount).split(".");
  return `${p.currency} ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function button(action: string, label: string, cls: string, fields = ""): string {
  return `<form method="post" action="${escapeHtml(action)}">${fields}<button type="submit" class="${cls}">${escapeHtml(label)}</button></form>`;
}

function header(p: SandboxPayment, o: PageOptions, subtitle: string): string {
  const ref = p.reference ?? p.externalId;
  return `<h1>${escapeHtml(o.merchantName)}</h1><p class="sub">${escapeHtml(subtitle)} · PayGrid sandbox · Ref ${escapeHtml(ref)}</p><p class="amount">${escapeHtml(formatDisplayAmount(p))}</p>`;
}

const errorLine = (o: PageOptions) =>
  o.error ? `<p class="error" role="alert">${escapeHtml(o.error)}</p>` : "";

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

export function htmlResponse(status: number, html: string, headers: Record<string, string> = {}): Response {
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}
