import fs from "node:fs";
import path from "node:path";
import prettier from "prettier";

// Writes clients/typescript/malipo-types.ts from docs/openapi.json: the merchant API's objects as plain
// TypeScript, so the client is generated from the contract rather than written beside it. A unit test
// (clients/typescript/client-drift.test.ts) fails when the two drift apart: run `npm run client`.

type Schema = {
  type?: string | string[];
  $ref?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  description?: string;
};

/** The objects a shop's backend sends and receives; everything they reference comes along. */
export const CLIENT_SCHEMAS = [
  "CreateCheckoutSessionRequest",
  "CheckoutSession",
  "CheckoutSessionList",
  "Payment",
  "PaymentList",
  "MerchantEvent",
  "MerchantEventList",
  "Error",
];

/** Names that would shadow a global in the generated module. */
const RENAMES: Record<string, string> = { Error: "ApiErrorBody" };
const typeName = (name: string) => RENAMES[name] ?? name;

function typeOf(schema: Schema, wanted: Set<string>): string {
  if (schema.$ref) {
    // zod-openapi names an object's output form "<Name>Output" where the same object is also an input
    // (MerchantEvent is a webhook body); without transforms the two are the same type.
    const name = schema.$ref
      .split("/")
      .pop()!
      .replace(/Output$/, "");
    wanted.add(name);
    return typeName(name);
  }
  if (schema.anyOf) return schema.anyOf.map((s) => typeOf(s, wanted)).join(" | ");
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types
    .map((t) => {
      if (t === "string") return "string";
      if (t === "integer" || t === "number") return "number";
      if (t === "boolean") return "boolean";
      if (t === "null") return "null";
      if (t === "array") return `Array<${typeOf(schema.items ?? {}, wanted)}>`;
      if (t === "object") {
        if (schema.properties) return objectType(schema, wanted, "  ");
        const values = typeof schema.additionalProperties === "object" ? schema.additionalProperties : {};
        return `Record<string, ${typeOf(values, wanted)}>`;
      }
      return "unknown";
    })
    .join(" | ");
}

function objectType(schema: Schema, wanted: Set<string>, indent: string): string {
  const required = new Set(schema.required ?? []);
  const lines = Object.entries(schema.properties ?? {}).map(([key, value]) => {
    const doc = value.description ? `${indent}  /** ${value.description.replace(/\*\//g, "*\\/")} */\n` : "";
    const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
    const type = value.properties ? objectType(value, wanted, `${indent}  `) : typeOf(value, wanted);
    return `${doc}${indent}  ${name}${required.has(key) ? "" : "?"}: ${type};`;
  });
  return `{\n${lines.join("\n")}\n${indent}}`;
}

export function clientTypesText(document: { components: { schemas: Record<string, Schema> } }): string {
  const schemas = document.components.schemas;
  const wanted = new Set(CLIENT_SCHEMAS);
  const done = new Set<string>();
  const out: string[] = [];
  for (let pending = [...wanted]; pending.length > 0; pending = [...wanted].filter((n) => !done.has(n))) {
    for (const name of pending.sort()) {
      done.add(name);
      const schema = schemas[name];
      if (!schema) throw new Error(`docs/openapi.json has no schema ${name}`);
      out.push(
        `export type ${typeName(name)} = ${schema.properties ? objectType(schema, wanted, "") : typeOf(schema, wanted)};\n`,
      );
    }
  }
  return [
    "// Generated from docs/openapi.json by scripts/generate-client-types.ts (npm run client). Do not edit.",
    "",
    ...out,
  ].join("\n");
}

export const CLIENT_TYPES_FILE = "clients/typescript/malipo-types.ts";

/** The file as it should be checked in: generated from docs/openapi.json and formatted like the rest. */
export async function formattedClientTypes(root = process.cwd()): Promise<string> {
  const document = JSON.parse(fs.readFileSync(path.join(root, "docs/openapi.json"), "utf8"));
  const file = path.join(root, CLIENT_TYPES_FILE);
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(clientTypesText(document), { ...options, filepath: file });
}

if (process.argv[1]?.endsWith("generate-client-types.ts")) {
  void formattedClientTypes().then((text) => {
    fs.writeFileSync(path.join(process.cwd(), CLIENT_TYPES_FILE), text);
    console.log(`wrote ${CLIENT_TYPES_FILE}`);
  });
}
