"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useSignInPost } from "./use-sign-in-post";

/** The owner or a manager with email and password; on an unpaired device the server pairs it too. */
export function PasswordSignIn({ next }: { next: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const hydrated = useHydrated();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { post, problem, busy } = useSignInPost({ 401: "signIn.wrongPassword", 429: "signIn.rateLimited" });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (await post("/api/session", { email, password })) {
      router.replace(next);
      router.refresh();
    }
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-3"
      noValidate
      data-testid="password-sign-in"
      data-hydrated={hydrated ? "true" : undefined}
    >
      <TextField
        id="email"
        label={t("signIn.email")}
        type="email"
        autoComplete="username"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <TextField
        id="password"
        label={t("signIn.password")}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={problem ? t(problem.key) : undefined}
      />
      <Button type="submit" variant="secondary" disabled={busy || !email || !password}>
        {t("signIn.passwordSubmit")}
      </Button>
    </form>
  );
}
