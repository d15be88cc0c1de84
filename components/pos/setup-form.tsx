"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useSignInPost } from "./use-sign-in-post";

/** First start in live mode: the setup code from the server's log makes the owner's account, once. */
export function SetupForm() {
  const { t } = useI18n();
  const router = useRouter();
  const hydrated = useHydrated();
  const [fields, setFields] = useState({ code: "", name: "", email: "", password: "" });
  const { post, problem, busy } = useSignInPost({
    400: "setup.invalid",
    401: "setup.wrongCode",
    429: "signIn.rateLimited",
  });
  const field = (name: keyof typeof fields) => ({
    value: fields[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setFields({ ...fields, [name]: e.target.value }),
  });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (await post("/api/setup", fields)) router.replace("/sign-in");
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-3"
      noValidate
      data-hydrated={hydrated ? "true" : undefined}
    >
      <TextField id="setup-code" label={t("setup.code")} autoComplete="one-time-code" {...field("code")} />
      <TextField id="setup-name" label={t("setup.name")} autoComplete="name" {...field("name")} />
      <TextField
        id="setup-email"
        label={t("signIn.email")}
        type="email"
        autoComplete="username"
        {...field("email")}
      />
      <TextField
        id="setup-password"
        label={t("setup.password")}
        type="password"
        autoComplete="new-password"
        {...field("password")}
        error={problem ? t(problem.key) : undefined}
      />
      <Button type="submit" disabled={busy}>
        {t("setup.submit")}
      </Button>
    </form>
  );
}
