// A web shop's backend in one file, with nothing but Node and standardwebhooks: it sells one item, sends the
// shopper to Malipo's hosted checkout, and marks the order paid when the signed webhook says so.
//
//   MALIPO_URL=http://localhost:3000 MALIPO_API_KEY=mk_test_… MALIPO_WEBHOOK_SECRET=whsec_… \
//     npx tsx examples/shop/shop.ts        (then open http://localhost:4242)
//
// Orders live in memory; a real shop keeps them in its database and marks them paid in the same way.

import http from "node:http";
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { MalipoClient, type WebhookEvent } from "../../clients/typescript/malipo-client";

const port = Number(process.env.PORT ?? 4242);
const shopUrl = process.env.SHOP_URL ?? `http://127.0.0.1:${port}`;
const malipo = new MalipoClient({ baseUrl: process.env.MALIPO_URL!, apiKey: process.env.MALIPO_API_KEY! });
const webhook = new Webhook(process.env.MALIPO_WEBHOOK_SECRET!);

const orders = new Map<string, { id: string; status: "awaiting payment" | "paid"; session: string }>();

const page = (body: string) =>
  `<!doctype html><meta charset="utf-8"><title>Duka la Kanga</title><body><h1>Duka la Kanga</h1>${body}</body>`;

async function readBody(req: http.IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body;
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? "/", shopUrl);
  if (req.method === "GET" && url.pathname === "/") {
    res.end(
      page(
        '<form method="post" action="/buy"><p>Kanga, Zanzibar print: TZS 12,500</p><button>Buy</button></form>',
      ),
    );
    return;
  }
  if (req.method === "POST" && url.pathname === "/buy") {
    const order = `ord_${randomUUID().slice(0, 8)}`;
    const session = await malipo.createCheckoutSession(
      {
        amount: "12500",
        currency: "TZS",
        reference: order,
        client_reference_id: order,
        metadata: { order_id: order },
        line_items: [{ name: "Kanga", quantity: 1, unit_amount: "12500" }],
        success_url: `${shopUrl}/orders/${order}`,
        cancel_url: `${shopUrl}/`,
        webhook_url: `${shopUrl}/webhooks/malipo`,
      },
      order, // the idempotency key: a retried request cannot open a second checkout for this order
    );
    orders.set(order, { id: order, status: "awaiting payment", session: session.id });
    res.writeHead(303, { location: session.url }).end();
    return;
  }
  if (req.method === "POST" && url.pathname === "/webhooks/malipo") {
    let event: WebhookEvent;
    try {
      // Verified on the raw body: a forged or replayed call never marks an order paid.
      event = webhook.verify(await readBody(req), req.headers as Record<string, string>) as WebhookEvent;
    } catch {
      res.writeHead(400).end();
      return;
    }
    const order = orders.get(event.data.client_reference_id ?? "");
    if (order && event.type === "checkout.session.completed") order.status = "paid";
    res.writeHead(204).end(); // any 2xx acknowledges; Malipo retries anything else
    return;
  }
  const order = url.pathname.startsWith("/orders/") ? orders.get(url.pathname.slice(8)) : undefined;
  if (req.method === "GET" && order) {
    res.end(page(`<p data-order-status="${order.status}">Order ${order.id}: ${order.status}</p>`));
    return;
  }
  res.writeHead(404).end(page("<p>Not found</p>"));
}

http
  .createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent)
        res.writeHead(502).end(page("<p>The checkout could not be opened. Try again.</p>"));
    });
  })
  .listen(port, "127.0.0.1", () => console.log(`shop listening on ${shopUrl}`));
