import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildFrontierSchema, printFrontierSchema } from "./build-schema.js";

export const SCHEMA_FILE = fileURLToPath(new URL("../../schema/schema.graphql", import.meta.url));

const schema = await buildFrontierSchema({ publicCurriculum: true });
writeFileSync(SCHEMA_FILE, printFrontierSchema(schema));
process.stderr.write(`wrote ${SCHEMA_FILE}\n`);
