import { describe, expect, it } from "vitest";
import { sniffLogoType } from "./image-type";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("sniffLogoType", () => {
  it("recognises PNG, JPEG and WebP by their signatures", () => {
    expect(sniffLogoType(bytes([0x89], "PNG\r\n\x1a\n", [0, 0]))).toBe("image/png");
    expect(sniffLogoType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffLogoType(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("image/webp");
  });

  it("refuses SVG, HTML, GIF, a RIFF that is not WebP and truncated signatures", () => {
    expect(
      sniffLogoType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    ).toBe(null);
    expect(sniffLogoType(bytes("<!doctype html><img src=x onerror=alert(1)>"))).toBe(null);
    expect(sniffLogoType(bytes("GIF89a"))).toBe(null);
    expect(sniffLogoType(bytes("RIFF", [1, 2, 3, 4], "WAVEfmt "))).toBe(null);
    expect(sniffLogoType(bytes([0x89], "PNG"))).toBe(null);
    expect(sniffLogoType(new Uint8Array())).toBe(null);
  });
});
