import { describe, expect, it } from "vitest";
import { ReadThroughCache } from "../../../src/common/cache.js";

describe("ReadThroughCache", () => {
  it("loads only the misses, once each, and answers in key order", async () => {
    const cache = new ReadThroughCache<string | null>(60_000);
    const calls: string[][] = [];
    const load = async (ids: string[]) => {
      calls.push(ids);
      return ids.map((id) => (id === "nope" ? null : id.toUpperCase()));
    };
    expect(await cache.getMany(["a", "b", "a"], load)).toEqual(["A", "B", "A"]);
    expect(await cache.getMany(["b", "c", "nope"], load, (v) => v !== null)).toEqual(["B", "C", null]);
    expect(await cache.getMany(["nope"], load, (v) => v !== null)).toEqual([null]);
    expect(calls).toEqual([["a", "b"], ["c", "nope"], ["nope"]]);
  });

  it("keeps the hits it answered with when cleared while misses load, and does not keep what it loaded", async () => {
    const cache = new ReadThroughCache<string>(60_000);
    await cache.getMany(["a"], async () => ["A1"]);
    let release: () => void = () => {};
    const pending = cache.getMany(["a", "b"], (ids) => new Promise<string[]>((r) => (release = () => r(ids.map((id) => `${id.toUpperCase()}1`)))));
    cache.clear();
    release();
    expect(await pending).toEqual(["A1", "B1"]);
    // Nothing from before the clear is kept: both are loaded again.
    const again: string[][] = [];
    expect(await cache.getMany(["a", "b"], async (ids) => (again.push(ids), ids.map((id) => `${id.toUpperCase()}2`)))).toEqual(["A2", "B2"]);
    expect(again).toEqual([["a", "b"]]);
  });

  it("delete forgets only the ids given, and a load in flight during it is used but not kept", async () => {
    const cache = new ReadThroughCache<string>(60_000);
    await cache.getMany(["a", "b"], async (ids) => ids.map((id) => `${id}1`));
    let release: () => void = () => {};
    const pending = cache.getMany(["c"], (ids) => new Promise<string[]>((r) => (release = () => r(ids.map((id) => `${id}1`)))));
    cache.delete(["a"]);
    release();
    expect(await pending).toEqual(["c1"]);
    const loaded: string[][] = [];
    expect(await cache.getMany(["a", "b", "c"], async (ids) => (loaded.push(ids), ids.map((id) => `${id}2`)))).toEqual(["a2", "b1", "c2"]);
    expect(loaded).toEqual([["a", "c"]]);
  });
});
