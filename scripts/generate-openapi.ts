import fs from "node:fs";
import path from "node:path";
import { openApiText } from "@/lib/server/openapi/openapi-document";

// npm run openapi — writes docs/openapi.json from the zod schemas (lib/server/openapi/openapi-document.ts).
// lib/server/openapi/openapi-document.test.ts fails when the checked-in file and the code disagree.

const target = path.join(process.cwd(), "docs/openapi.json");
fs.writeFileSync(target, openApiText());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
