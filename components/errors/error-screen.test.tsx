import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { translate } from "@/lib/i18n";
import { ErrorScreen } from "./error-screen";

// error.tsx and global-error.tsx both show this screen; global-error has no providers around it, so the
// screen must translate with the `t` it is handed alone.

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

describe("the error screen", () => {
  it.each([
    ["en", "Something went wrong", "Try again", "Back to the start"],
    ["sw", "Kuna tatizo limetokea", "Jaribu tena", "Rudi mwanzo"],
  ] as const)(
    "speaks %s, offers a retry and a way back, and shows no error text",
    (locale, title, retry, back) => {
      const html = renderToStaticMarkup(
        <ErrorScreen t={(key) => translate(locale, key)} onRetry={() => undefined} />,
      );
      expect(html).toContain(title);
      expect(html).toContain(`>${retry}</button>`);
      expect(html).toMatch(new RegExp(`<a href="/"[^>]*>${back}</a>`));
      expect(html).not.toMatch(/errors\./);
    },
  );
});
