import type { SandboxContext } from "./context";
import { htmlResponse } from "../common/html";
import { renderDeclinedPage, renderNotFoundPage, renderPaymentPage, type PageOptions } from "./pages";
import type { SandboxPayment, SandboxStatus } from "./types";

// GET /pay/{id} and the form posts of its buttons. No auth, like a real hosted page: the unguessable
// payment id is the only key.

const SUCCESS_CARD = "4242424242424242";
const DECLINED_CARD = "4000000000000002";

const ACTIONS_BY_TYPE: Record<SandboxPayment["type"], readonly string[]> = {
  "dynamic-qr": ["approve", "decline", "cancel"],
  card: ["card", "cancel"],
  mobile: ["pin", "reject", "cancel"],
};

function pageOptions(ctx: SandboxContext, error?: string): PageOptions {
  return {
    basePath: new URL(ctx.publicUrl).pathname.replace(/\/$/, ""),
    merchantName: ctx.settings().qrMerchant.name,
    error,
  };
}

function lookup(ctx: SandboxContext, id: string): SandboxPayment | undefined {
  const p = ctx.store.payments.get(id);
  if (p) ctx.engine.settle(p);
  return p;
}

export async function showPayPage(ctx: SandboxContext, id: string): Promise<Response> {
  const p = lookup(ctx, id);
  if (!p) return htmlResponse(404, renderNotFoundPage());
  return htmlResponse(200, await renderPaymentPage(p, pageOptions(ctx)));
}

const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });

export async function payAction(
  ctx: SandboxContext,
  id: string,
  action: string,
  request: Request,
): Promise<Response> {
  const p = lookup(ctx, id);
  if (!p) return htmlResponse(404, renderNotFoundPage());
  const form = new URLSearchParams(await request.text());
  const page = `${pageOptions(ctx).basePath}/pay/${p.id}`;
  if (!ACTIONS_BY_TYPE[p.type].includes(action)) return htmlResponse(404, renderNotFoundPage());
  if (p.status !== "pending" && p.status !== "processing") {
    return htmlResponse(409, await renderPaymentPage(p, pageOptions(ctx)));
  }
  const move = (to: SandboxStatus) => ctx.engine.transition(p, to, "psp");

  switch (action) {
    case "approve":
      move("completed");
      return seeOther(p.redirectUrl ?? page);
    case "decline":
    case "reject":
      move("failed");
      return seeOther(page);
    case "cancel":
      move("cancelled");
      return seeOther(p.cancelUrl ?? page);
    case "pin": {
      if (!/^\d{4}$/.test(form.get("pin")?.trim() ?? "")) {
        return htmlResponse(400, await renderPaymentPage(p, pageOptions(ctx, "Enter a 4-digit PIN.")));
      }
      move("completed");
      return seeOther(page);
    }
    default: {
      const card = (form.get("card_number") ?? "").replace(/[\s-]/g, "");
      if (card === SUCCESS_CARD) {
        move("completed");
        return seeOther(p.redirectUrl ?? page);
      }
      if (card === DECLINED_CARD) {
        move("failed");
        return htmlResponse(200, renderDeclinedPage(p, pageOptions(ctx)));
      }
      const error = "Use a test card: 4242 4242 4242 4242 (success) or 4000 0000 0000 0002 (declined).";
      return htmlResponse(400, await renderPaymentPage(p, pageOptions(ctx, error)));
    }
  }
}
