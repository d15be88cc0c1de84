// A sandbox route answers each HTTP method it knows and refuses the rest with a 405 naming the allowed ones,
// in the provider's own error shape.

export type MethodHandlers = Partial<Record<string, () => Response | Promise<Response>>>;

export function byMethod(
  method: string,
  handlers: MethodHandlers,
  notAllowed: (method: string, allow: string) => Response,
): Response | Promise<Response> {
  const handler = handlers[method];
  if (handler) return handler();
  return notAllowed(method, Object.keys(handlers).join(", "));
}
