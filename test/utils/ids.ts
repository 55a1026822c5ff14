import { randomBytes } from "node:crypto";

/** A prefix unique to one test file run; every id a test creates starts with it. */
export function uniquePrefix(label: string): string {
  return `t-${label}-${Date.now().toString(36)}${randomBytes(3).toString("hex")}-`;
}
