import { button, errorLine, escapeHtml, formatDisplayAmount, htmlResponse, layout } from "../common/html";
import type { SplashPayContext } from "./context";
import type { SplashPayment, SplashPayStatus } from "./types";

// The simulated customer (§10.3): "the customer's banking app" at /pay/{reference} shows the QR, the amount
// and the merchant; Scan → processing, Pay → success, Decline → failed, Cancel → cancelled. No auth, like
// a scan in a real banking app: the reference is the only key.

const ACTIONS: Record<string, SplashPayStatus> = {
  scan: "processing",
  pay: "success",
  decline: "failed",
  cancel: "cancelled",
};

const DONE_TEXT: Partial<Record<SplashPayStatus, string>> = {
  success: "This payment is completed.",
  failed: "This payment failed.",
  cancelled: "This payment was cancelled.",
  expired: "This payment has expired.",
};

function basePath(ctx: SplashPayContext): string {
  return new URL(ctx.publicUrl).pathname.replace(/\/$/, "");
}

function renderPage(ctx: SplashPayContext, p: SplashPayment, error?: string): string {
  const merchant = ctx.settings().qrMerchant.name;
  const header = `<h1>${escapeHtml(merchant)}</h1><p class="sub">Customer's banking app · SplashPay sandbox · Ref ${escapeHtml(p.reference)}</p><p class="amount">${escapeHtml(formatDisplayAmount(p))}</p>`;
  const done = DONE_TEXT[p.status];
  if (done) {
    return layout(
      `Payment ${p.status}`,
      `${header}<p class="status" role="status" data-status="${p.status}">${escapeHtml(done)}</p>`,
    );
  }
  const action = (name: string) => `${basePath(ctx)}/pay/${encodeURIComponent(p.reference)}/${name}`;
  const status =
    p.status === "processing"
      ? `<p class="status" role="status" data-status="processing">Processing…</p>`
      : `<p class="status" role="status" data-status="pending">Waiting for the customer to scan.</p>`;
  const scan = p.status === "pending" ? button(action("scan"), "Scan", "plain") : "";
  return layout(
    "Customer's banking app",
    `${header}${status}<div class="qr"><img src="data:image/png;base64,${p.qr}" alt="SplashPay TANQR"></div>${errorLine({ error })}${scan}${button(action("pay"), "Pay", "primary")}${button(action("decline"), "Decline", "danger")}${button(action("cancel"), "Cancel", "plain")}`,
  );
}

const notFoundPage = () =>
  htmlResponse(404, layout("Payment not found", "<h1>Payment not found</h1><p>This QR is not valid.</p>"));

function lookup(ctx: SplashPayContext, reference: string): SplashPayment | undefined {
  const p = ctx.store.payments.get(reference);
  if (p) ctx.engine.settle(p);
  return p;
}

export function showPayPage(ctx: SplashPayContext, reference: string): Response {
  const p = lookup(ctx, reference);
  return p ? htmlResponse(200, renderPage(ctx, p)) : notFoundPage();
}

export function payAction(ctx: SplashPayContext, reference: string, action: string): Response {
  const p = lookup(ctx, reference);
  const to = ACTIONS[action];
  if (!p || !to) return notFoundPage();
  if (!ctx.engine.transition(p, to)) {
    return htmlResponse(409, renderPage(ctx, p, `A ${p.status} payment cannot be changed.`));
  }
  return new Response(null, {
    status: 303,
    headers: {
      location: `${basePath(ctx)}/pay/${encodeURIComponent(p.reference)}`,
      "cache-control": "no-store",
    },
  });
}
