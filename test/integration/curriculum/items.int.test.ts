import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConceptDocument,
  CreateConceptDocument,
  CreateItemDocument,
  DeleteItemDocument,
  ItemDocument,
  ItemsDocument,
  LinkItemDocument,
  UnlinkItemDocument,
  UpdateItemDocument,
} from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { codes, dbState, startTestServer, type TestServer } from "../../utils/server.js";

let s: TestServer;
const P = uniquePrefix("items");


beforeAll(async () => {
  s = await startTestServer();
  for (const c of ["a", "b"]) {
    const r = await s.gql(CreateConceptDocument, { input: { id: `${P}${c}`, name: c, tags: [], prerequisites: [] } }, s.designer);
    expect(r.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await s?.cleanup(P);
  await s?.stop();
});

describe("items", () => {
  it("creates an item assessing a concept, lists it by concept and kind", async () => {
    const r = await s.gql(
      CreateItemDocument,
      { input: { id: `${P}q1`, kind: "QUESTION", title: "What is 2+2?", difficulty: -1, assesses: [{ conceptId: `${P}a`, weight: 1 }] } },
      s.designer,
    );
    expect(r.data?.createItem).toMatchObject({ id: `${P}q1`, kind: "QUESTION", difficulty: -1, assesses: [{ conceptId: `${P}a`, weight: 1 }] });
    await s.gql(CreateItemDocument, { input: { id: `${P}v1`, kind: "VIDEO", title: "Adding", url: "https://example.org/v", assesses: [{ conceptId: `${P}a`, weight: 1 }] } }, s.designer);
    const byConcept = await s.gql(ItemsDocument, { conceptId: `${P}a` });
    expect(byConcept.data?.items.nodes.map((i) => i.id)).toEqual([`${P}q1`, `${P}v1`]);
    const videos = await s.gql(ItemsDocument, { conceptId: `${P}a`, kind: "VIDEO" });
    expect(videos.data?.items).toMatchObject({ totalCount: 1, nodes: [{ id: `${P}v1` }] });
    const concept = await s.gql(ConceptDocument, { id: `${P}a` });
    expect(concept.data?.concept?.items.map((i) => i.id)).toEqual([`${P}q1`, `${P}v1`]);
    expect(await dbState(s, P)).toEqual(expect.objectContaining({ items: 2, links: 2 }));
  });

  it("refuses an item for an unknown concept and writes nothing", async () => {
    const r = await s.gql(CreateItemDocument, { input: { id: `${P}q2`, kind: "QUESTION", title: "x", assesses: [{ conceptId: `${P}nope`, weight: 1 }] } }, s.designer);
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
    expect((await s.gql(ItemDocument, { id: `${P}q2` })).data?.item).toBeNull();
    const badUrl = await s.gql(CreateItemDocument, { input: { id: `${P}q3`, kind: "READING", title: "x", url: "not a url", difficulty: 20 } }, s.designer);
    expect(codes(badUrl)).toEqual(["BAD_USER_INPUT"]);
  });

  it("links, reweights and unlinks", async () => {
    const link = await s.gql(LinkItemDocument, { itemId: `${P}q1`, conceptId: `${P}b`, weight: 0.5 }, s.designer);
    expect(link.data?.linkItem.assesses).toEqual([{ conceptId: `${P}a`, weight: 1 }, { conceptId: `${P}b`, weight: 0.5 }]);
    expect((await dbState(s, P)).links).toBe(3);
    const unlink = await s.gql(UnlinkItemDocument, { itemId: `${P}q1`, conceptId: `${P}b` }, s.designer);
    expect(unlink.data?.unlinkItem.assesses).toEqual([{ conceptId: `${P}a` }]);
    expect(codes(await s.gql(UnlinkItemDocument, { itemId: `${P}q1`, conceptId: `${P}b` }, s.designer))).toEqual(["NOT_FOUND"]);
    expect(codes(await s.gql(LinkItemDocument, { itemId: `${P}q1`, conceptId: `${P}zz` }, s.designer))).toEqual(["NOT_FOUND"]);
    expect(codes(await s.gql(LinkItemDocument, { itemId: `${P}zz`, conceptId: `${P}a` }, s.designer))).toEqual(["NOT_FOUND"]);
  });

  it("updates and deletes", async () => {
    const upd = await s.gql(UpdateItemDocument, { id: `${P}q1`, input: { difficulty: 1.5, title: "Harder" } }, s.designer);
    expect(upd.data?.updateItem).toMatchObject({ difficulty: 1.5, title: "Harder", kind: "QUESTION" });
    const del = await s.gql(DeleteItemDocument, { id: `${P}v1` }, s.designer);
    expect(del.data?.deleteItem).toEqual({ id: `${P}v1`, deleted: true });
    expect(await dbState(s, P)).toEqual(expect.objectContaining({ items: 1, links: 1 }));
    expect(codes(await s.gql(DeleteItemDocument, { id: `${P}v1` }, s.designer))).toEqual(["NOT_FOUND"]);
  });
});

describe("cached items of a concept", () => {
  it("are read once and forgotten on every edit, so a concept's items are never stale", async () => {
    const c = `${P}cache`;
    expect((await s.gql(CreateConceptDocument, { input: { id: c, name: "cache", tags: [], prerequisites: [] } }, s.designer)).errors).toBeUndefined();
    const items = async () => ((await s.gql(ConceptDocument, { id: c }, s.designer)).data?.concept?.items ?? []).map((i) => i.id).sort();
    expect(await items()).toEqual([]);
    await s.gql(CreateItemDocument, { input: { id: `${P}cq1`, kind: "QUESTION", title: "one", assesses: [{ conceptId: c, weight: 1 }] } }, s.designer);
    expect(await items()).toEqual([`${P}cq1`]);
    await s.gql(CreateItemDocument, { input: { id: `${P}cq2`, kind: "QUESTION", title: "two", assesses: [{ conceptId: `${P}b`, weight: 1 }] } }, s.designer);
    expect(await items()).toEqual([`${P}cq1`]);
    await s.gql(LinkItemDocument, { itemId: `${P}cq2`, conceptId: c, weight: 1 }, s.designer);
    expect(await items()).toEqual([`${P}cq1`, `${P}cq2`]);
    await s.gql(UnlinkItemDocument, { itemId: `${P}cq1`, conceptId: c }, s.designer);
    expect(await items()).toEqual([`${P}cq2`]);
    await s.gql(DeleteItemDocument, { id: `${P}cq2` }, s.designer);
    expect(await items()).toEqual([]);
  });
});
