import { afterEach, describe, expect, it, vi } from "vitest";
import { createVerifier, signToken } from "../../../src/auth/tokens.js";
import { Role } from "../../../src/auth/roles.js";

const config = { JWT_SECRET: "unit-test-secret-unit-test-secret", JWT_ISSUER: "frontier-test", JWT_AUDIENCE: "frontier-test", JWKS_URL: undefined } as never;

describe("token verifier", () => {
  afterEach(() => vi.useRealTimers());

  it("accepts a signed token and answers a repeat of it the same way", async () => {
    const verifier = createVerifier(config);
    const token = await signToken(config, { sub: "l1", roles: [Role.LEARNER], expiresIn: "1h" });
    const first = await verifier.verify(token);
    expect(first).toMatchObject({ sub: "l1", roles: [Role.LEARNER] });
    expect(await verifier.verify(token)).toEqual(first);
  });

  it("rejects a token once it has expired, even one it accepted before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    const verifier = createVerifier(config);
    const token = await signToken(config, { sub: "l2", roles: [Role.LEARNER], expiresIn: "60s" });
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: "l2" });
    vi.setSystemTime(new Date("2026-01-01T00:01:01Z"));
    await expect(verifier.verify(token)).rejects.toThrow("Token expired.");
  });

  it("rejects a tampered token", async () => {
    const verifier = createVerifier(config);
    const token = await signToken(config, { sub: "l3", roles: [Role.LEARNER] });
    await verifier.verify(token);
    const [h, p, sig] = token.split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: "admin", roles: ["ADMIN"], iss: "frontier-test", aud: "frontier-test" })).toString("base64url")}.${sig}`;
    expect(p).not.toBe(forged.split(".")[1]);
    await expect(verifier.verify(forged)).rejects.toThrow("Invalid token.");
  });
});
