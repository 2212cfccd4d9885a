// "Sök uppdrag": the search page finds published openings through the search engine with text and
// filters (kind, municipality, hours); drafts, closed, filled and ended openings never show up.
import { describe, expect, test } from "vitest";
import * as search from "~/routes/openings/search.tsx";
import { db } from "~/utils/db.server.ts";
import { createEmployer, createOpening, createWorkplace, createWorld } from "../support/factories.ts";
import { getRequest, sessionCookieFor, settle, testContext } from "../support/requests.ts";

type Page = {
  results: {
    total: number;
    openings: Array<{
      id: string;
      title: string;
      employerName: string;
      kind: string;
      municipalityName: string;
      hoursMin: number;
      hoursMax: number;
    }>;
  } | null;
  errors: Record<string, string[]>;
};

async function searchPage(cookie: string, params: Record<string, string>) {
  const path = `/uppdrag?${new URLSearchParams(params)}`;
  return settle(() => search.loader({ request: getRequest(path, cookie), params: {}, context: testContext() }));
}

describe("Sök uppdrag", () => {
  test("text and filters find published openings, with what the result list shows", async () => {
    const { coach } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const employer = await createEmployer({ name: "Grönsakshallen Sylvester AB" });
    const jonkoping = await createWorkplace(employer.id);
    const stockholm = await createWorkplace(employer.id, { municipalityCode: "0180", lat: 59.33, lng: 18.07 });
    const practice = await createOpening(employer.id, {
      title: "Sylvesterpraktik i grönsakshallen",
      workplaceId: jonkoping.id,
      hoursMin: 10,
      hoursMax: 20,
    });
    const task = await createOpening(employer.id, {
      title: "Sylvesteruppdrag: sortera lådor",
      kind: "task",
      workplaceId: stockholm.id,
      hoursMin: 30,
      hoursMax: 40,
    });
    await createOpening(employer.id, { title: "Sylvesterutkast", status: "draft", workplaceId: jonkoping.id });
    await createOpening(employer.id, { title: "Sylvester stängd", status: "closed", workplaceId: jonkoping.id });
    await createOpening(employer.id, { title: "Sylvester tillsatt", status: "filled", workplaceId: jonkoping.id });
    await createOpening(employer.id, {
      title: "Sylvester slutat",
      workplaceId: jonkoping.id,
      endDate: new Date("2021-06-30T00:00:00Z"),
    });

    const all = (await searchPage(cookie, { q: "sylvester" })).value as Page;
    expect(all.results!.openings.map((o) => o.id).sort()).toEqual([practice.id, task.id].sort());
    expect(all.results!.total).toBe(2);
    expect(all.results!.openings.find((o) => o.id === practice.id)).toMatchObject({
      title: "Sylvesterpraktik i grönsakshallen",
      employerName: "Grönsakshallen Sylvester AB",
      kind: "practice",
      municipalityName: "Jönköping",
      hoursMin: 10,
      hoursMax: 20,
    });

    const byKind = (await searchPage(cookie, { q: "sylvester", typ: "task" })).value as Page;
    expect(byKind.results!.openings.map((o) => o.id)).toEqual([task.id]);
    const byPlace = (await searchPage(cookie, { q: "sylvester", kommun: "0680" })).value as Page;
    expect(byPlace.results!.openings.map((o) => o.id)).toEqual([practice.id]);
    const byHours = (await searchPage(cookie, { q: "sylvester", timmarMin: "25" })).value as Page;
    expect(byHours.results!.openings.map((o) => o.id)).toEqual([task.id]);
    const diacritics = (await searchPage(cookie, { q: "gronsakshallen" })).value as Page;
    expect(diacritics.results!.openings.map((o) => o.id)).toContain(practice.id);
  });

  test("an employer can browse other employers' published openings", async () => {
    const { employerUser } = await createWorld();
    const other = await createEmployer();
    const opening = await createOpening(other.id, { title: "Kvastfabrikens sommarjobb" });
    const page = (await searchPage(await sessionCookieFor(employerUser.id), { q: "kvastfabrikens" })).value as Page;
    expect(page.results!.openings.map((o) => o.id)).toEqual([opening.id]);
  });

  test.each([
    [{ timmarMin: "0" }, "timmarMin"],
    [{ timmarMax: "41" }, "timmarMax"],
    [{ timmarMin: "tjugo" }, "timmarMin"],
    [{ timmarMin: "30", timmarMax: "10" }, "timmarMax"],
    [{ typ: "volunteer" }, "typ"],
    [{ kommun: "9999" }, "kommun"],
    [{ kommun: "abc" }, "kommun"],
  ])("bad filters %o → 400 with a message", async (params, field) => {
    const { coach } = await createWorld();
    const result = await searchPage(await sessionCookieFor(coach.id), params);
    expect(result.status).toBe(400);
    expect((result.value as Page).errors[field]).toBeDefined();
    expect((result.value as Page).results).toBeNull();
  });

  test("results are paged", async () => {
    const { coach } = await createWorld();
    const employer = await createEmployer();
    const workplace = await createWorkplace(employer.id);
    for (let i = 0; i < 23; i++)
      await createOpening(employer.id, { title: `Blåbärsplockning ${i}`, workplaceId: workplace.id });
    const cookie = await sessionCookieFor(coach.id);
    const first = (await searchPage(cookie, { q: "blåbärsplockning" })).value as Page;
    const second = (await searchPage(cookie, { q: "blåbärsplockning", sida: "2" })).value as Page;
    expect(first.results!.total).toBe(23);
    expect(first.results!.openings).toHaveLength(20);
    expect(second.results!.openings).toHaveLength(3);
    expect(new Set([...first.results!.openings, ...second.results!.openings].map((o) => o.id)).size).toBe(23);
    expect(await db.opening.count({ where: { employerId: employer.id } })).toBe(23);
  });
});
