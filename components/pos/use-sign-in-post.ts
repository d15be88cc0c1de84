"use client";

import { useState } from "react";
import type { MessageKey } from "@/lib/i18n-base";

// One POST from a sign-in form: the answer's status becomes a message key, never the server's English.

export type SignInProblem = { key: MessageKey; minutes?: number };

export function useSignInPost(messages: {
  400?: MessageKey;
  401: MessageKey;
  403?: MessageKey;
  429: MessageKey;
}) {
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function post(url: string, body: unknown): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (response.ok) return true;
      const wait = Number(response.headers.get("retry-after") ?? "0");
      const key =
        messages[response.status as 400 | 401 | 403 | 429] ??
        (response.status === 400 ? messages[401] : "signIn.failed");
      setProblem({ key, minutes: Math.max(1, Math.ceil(wait / 60)) });
    } catch {
      setProblem({ key: "signIn.failed" });
    }
    setBusy(false);
    return false;
  }

  return { post, problem, busy };
}
