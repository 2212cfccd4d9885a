// Openings: posting every kind, the validation rules (bad input → 400 with messages, values kept,
// nothing saved), the status flow draft → published → filled / closed, edit and duplicate, the
// history of who did what, and the search index kept in step in the same transaction.
import { describe, expect, test } from "vitest";
import * as openingRoute from "~/routes/employer/opening.tsx";
import * as editRoute from "~/routes/employer/opening-edit.tsx";
import * as newRoute from "~/routes/employer/opening-new.tsx";
import { db } from "~/utils/db.server.ts";
import { getSearchEngine } from "../../search/index.ts";
import {
  createEmployer,
  createOpening,
  createWorkplace,
  createWorld,
  OCCUPATION_LAGERARBETARE,
  openingFields,
  SKILL_TRUCKVANA,
} from "../support/factories.ts";
import { getRequest, postRequest, sessionCookieFor, settle, testContext } from "../support/requests.ts";

type Failure = {
  errors: Record<string, string[]>;
  values: Record<string, string | string[]>;
  occupationSuggestions: Array<{ id: string; label: string }>;
};

async function employerSetup() {
  const world = await createWorld();
  const workplace = await createWorkplace(world.employer.id);
  const cookie = await sessionCookieFor(world.employerUser.id);
  return { ...world, workplace, cookie };
}

async function post(cookie: string, fields: Record<string, string | string[]>) {
  return settle(() =>
    newRoute.action({
      request: postRequest("/arbetsgivare/annonser/ny", fields, cookie),
      params: {},
      context: testContext(),
    }),
  );
}

function openingIdFrom(location: string | null | undefined): string {
  const match = /\/annonser\/([^/?]+)/.exec(location ?? "");
  expect(match, `redirect to the opening, got ${location}`).not.toBeNull();
  return match![1]!;
}

async function searchIds(text: string, employerId: string) {
  const result = await getSearchEngine(db).searchOpenings({ text, filters: { employerIds: [employerId] } });
  return result.hits.map((h) => h.id);
}

describe("posting an opening", () => {
  test("a practice place is saved as a draft with every field, recorded, and not searchable yet", async () => {
    const { employer, employerUser, workplace, cookie } = await employerSetup();
    const result = await post(cookie, openingFields(workplace.id, { title: "Praktik i kyllagret", intent: "save" }));
    expect(result.status).toBe(302);
    const id = openingIdFrom(result.response?.headers.get("Location"));
    expect(result.response?.headers.get("Location")).toBe(`/arbetsgivare/annonser/${id}`);

    const opening = await db.opening.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(opening).toMatchObject({
      employerId: employer.id,
      workplaceId: workplace.id,
      kind: "practice",
      status: "draft",
      occupationId: OCCUPATION_LAGERARBETARE,
      hoursMin: 10,
      hoursMax: 20,
      supervisorName: "Maria Lind",
      supervisorFixed: true,
      leadsToEmployment: "maybe",
      competitive: false,
      employmentSupport: null,
      lengthWeeks: 4,
      places: 1,
      createdById: employerUser.id,
    });
    expect(JSON.parse(opening.tasks)).toEqual([
      "Plocka varor efter plocklista",
      "Packa order i kartonger",
      "Sortera returer",
    ]);
    expect(JSON.parse(opening.skillIds)).toEqual([SKILL_TRUCKVANA]);
    expect(JSON.parse(opening.schedule)).toEqual({ times: ["day"], startFlexible: true });
    expect(JSON.parse(opening.environment)).toEqual({
      pace: "calm",
      noise: "normal",
      instructions: ["written", "shown"],
    });
    expect(JSON.parse(opening.accommodationsOffered)).toEqual(["written_instructions", "fixed_supervisor"]);
    expect(opening.events).toEqual([
      expect.objectContaining({ action: "created", userId: employerUser.id, onBehalf: false }),
    ]);
    expect(await searchIds("kyllagret", employer.id)).toEqual([]);
  });

  test("“Spara och publicera” publishes at once and the opening is found in search", async () => {
    const { employer, workplace, cookie } = await employerSetup();
    const result = await post(
      cookie,
      openingFields(workplace.id, { title: "Praktik i frukthallen", intent: "publish" }),
    );
    const id = openingIdFrom(result.response?.headers.get("Location"));
    const opening = await db.opening.findUniqueOrThrow({
      where: { id },
      include: { events: { orderBy: { createdAt: "asc" } } },
    });
    expect(opening.status).toBe("published");
    expect(opening.publishedAt).not.toBeNull();
    expect(opening.events.map((e) => e.action).sort()).toEqual(["created", "published"]);
    expect(await searchIds("frukthallen", employer.id)).toEqual([id]);
  });

  test("a job records its employment support form; OSA is not competitive employment", async () => {
    const { workplace, cookie } = await employerSetup();
    const lonestod = await post(
      cookie,
      openingFields(workplace.id, { kind: "job", employmentSupport: "lonestod", purpose: "", lengthWeeks: "" }),
    );
    const osa = await post(cookie, openingFields(workplace.id, { kind: "job", employmentSupport: "osa" }));
    const [a, b] = await Promise.all(
      [lonestod, osa].map((r) =>
        db.opening.findUniqueOrThrow({ where: { id: openingIdFrom(r.response?.headers.get("Location")) } }),
      ),
    );
    expect(a).toMatchObject({
      kind: "job",
      employmentSupport: "lonestod",
      competitive: true,
      leadsToEmployment: "yes",
      purpose: null,
      lengthWeeks: null,
    });
    expect(b).toMatchObject({ employmentSupport: "osa", competitive: false });
  });

  test("a job needs its employment form", async () => {
    const { workplace, cookie } = await employerSetup();
    const result = await post(cookie, openingFields(workplace.id, { kind: "job", employmentSupport: "" }));
    expect(result.status).toBe(400);
    expect((result.value as Failure).errors.employmentSupport).toEqual([expect.stringMatching(/anställningsform/)]);
  });

  test.each(["task", "work_trial", "visit"])("kind %s can be posted", async (kind) => {
    const { workplace, cookie } = await employerSetup();
    const result = await post(cookie, openingFields(workplace.id, { kind }));
    expect(result.status).toBe(302);
    const opening = await db.opening.findUniqueOrThrow({
      where: { id: openingIdFrom(result.response?.headers.get("Location")) },
    });
    expect(opening.kind).toBe(kind);
    expect(opening.purpose === null).toBe(kind !== "work_trial");
  });

  test("a practice with a start and a length but no end date ends after that many weeks", async () => {
    const { workplace, cookie } = await employerSetup();
    const result = await post(cookie, openingFields(workplace.id, { startDate: "2030-03-04", lengthWeeks: "6" }));
    const opening = await db.opening.findUniqueOrThrow({
      where: { id: openingIdFrom(result.response?.headers.get("Location")) },
    });
    expect(opening.startDate?.toISOString().slice(0, 10)).toBe("2030-03-04");
    expect(opening.endDate?.toISOString().slice(0, 10)).toBe("2030-04-14");
  });

  test("an occupation typed without choosing from the list is taken when it is exactly a label (no JavaScript)", async () => {
    const { workplace, cookie } = await employerSetup();
    const result = await post(
      cookie,
      openingFields(workplace.id, { occupationId: "", occupationQuery: "lagerarbetare/terminalarbetare" }),
    );
    expect(result.status).toBe(302);
    const opening = await db.opening.findUniqueOrThrow({
      where: { id: openingIdFrom(result.response?.headers.get("Location")) },
    });
    expect(opening.occupationId).toBe(OCCUPATION_LAGERARBETARE);
  });

  test("an inexact occupation text gets suggestions to choose from, and choosing one saves", async () => {
    const { workplace, cookie } = await employerSetup();
    const before = await db.opening.count();
    const result = await post(cookie, openingFields(workplace.id, { occupationId: "", occupationQuery: "lagerarb" }));
    expect(result.status).toBe(400);
    const failure = result.value as Failure;
    expect(failure.errors.occupationId).toEqual([expect.stringMatching(/Välj ett yrke i listan/)]);
    expect(failure.occupationSuggestions.map((s) => s.id)).toContain(OCCUPATION_LAGERARBETARE);
    expect(await db.opening.count()).toBe(before);

    const chosen = await post(
      cookie,
      openingFields(workplace.id, {
        occupationId: "",
        occupationQuery: "lagerarb",
        occupationChoice: OCCUPATION_LAGERARBETARE,
      }),
    );
    expect(chosen.status).toBe(302);
  });
});

describe("bad input: 400, a message next to each field, the values kept, nothing saved", () => {
  const cases: Array<{ name: string; fields: Record<string, string | string[]>; field: string; message: RegExp }> = [
    { name: "no hours", fields: { hoursMin: "" }, field: "hoursMin", message: /Fyll i minsta antal timmar/ },
    { name: "zero hours", fields: { hoursMin: "0" }, field: "hoursMin", message: /mellan 1 och 40/ },
    { name: "more than 40 hours", fields: { hoursMax: "41" }, field: "hoursMax", message: /mellan 1 och 40/ },
    { name: "hours that are not a number", fields: { hoursMin: "tio" }, field: "hoursMin", message: /heltal/ },
    {
      name: "minimum above maximum",
      fields: { hoursMin: "30", hoursMax: "20" },
      field: "hoursMax",
      message: /inte vara mindre än minsta/,
    },
    {
      name: "end before start",
      fields: { startDate: "2030-05-10", endDate: "2030-05-01", lengthWeeks: "1" },
      field: "endDate",
      message: /efter startdatum/,
    },
    {
      name: "end on the start day",
      fields: { startDate: "2030-05-10", endDate: "2030-05-10" },
      field: "endDate",
      message: /efter startdatum/,
    },
    {
      name: "a date that does not exist",
      fields: { startDate: "2030-02-30" },
      field: "startDate",
      message: /ÅÅÅÅ-MM-DD/,
    },
    { name: "practice without purpose", fields: { purpose: "" }, field: "purpose", message: /syftet med praktiken/ },
    { name: "practice without length", fields: { lengthWeeks: "" }, field: "lengthWeeks", message: /4–6 veckor/ },
    {
      name: "practice longer than six months (weeks)",
      fields: { lengthWeeks: "27" },
      field: "lengthWeeks",
      message: /högst sex månader/,
    },
    {
      name: "practice longer than six months (dates)",
      fields: { startDate: "2030-01-01", endDate: "2030-07-15", lengthWeeks: "26" },
      field: "endDate",
      message: /högst sex månader/,
    },
    {
      name: "a length that does not match the dates",
      fields: { startDate: "2030-01-07", endDate: "2030-03-29", lengthWeeks: "4" },
      field: "lengthWeeks",
      message: /stämmer inte med datumen/,
    },
    { name: "no title", fields: { title: "  " }, field: "title", message: /Fyll i en rubrik/ },
    {
      name: "a title that is too long",
      fields: { title: "x".repeat(121) },
      field: "title",
      message: /högst 120 tecken/,
    },
    {
      name: "a description that is too long",
      fields: { description: "x".repeat(4001) },
      field: "description",
      message: /högst 4000 tecken/,
    },
    { name: "no tasks", fields: { tasks: "\n  \n" }, field: "tasks", message: /minst en arbetsuppgift/ },
    {
      name: "a task that is too long",
      fields: { tasks: "y".repeat(201) },
      field: "tasks",
      message: /högst 200 tecken/,
    },
    {
      name: "too many tasks",
      fields: { tasks: Array.from({ length: 16 }, (_, i) => `Uppgift ${i}`).join("\n") },
      field: "tasks",
      message: /högst 15/,
    },
    { name: "no schedule", fields: { scheduleTimes: [] }, field: "scheduleTimes", message: /minst en tid/ },
    {
      name: "an unknown schedule",
      fields: { scheduleTimes: ["day", "lunch"] },
      field: "scheduleTimes",
      message: /Välj bland/,
    },
    {
      name: "an unknown environment value",
      fields: { pace: "crazy" },
      field: "pace",
      message: /Välj ett av alternativen/,
    },
    {
      name: "an unknown accommodation",
      fields: { accommodations: ["massage"] },
      field: "accommodations",
      message: /Välj bland/,
    },
    { name: "an unknown kind", fields: { kind: "volunteer" }, field: "kind", message: /slags annons/ },
    { name: "zero places", fields: { places: "0" }, field: "places", message: /mellan 1 och 50/ },
    {
      name: "an unknown occupation id",
      fields: { occupationId: "not_a_real_id" },
      field: "occupationId",
      message: /finns inte i yrkeslistan/,
    },
    {
      name: "no occupation",
      fields: { occupationId: "", occupationQuery: "" },
      field: "occupationId",
      message: /Välj ett yrke/,
    },
    {
      name: "an unknown skill id",
      fields: { skillIds: [SKILL_TRUCKVANA, "no_such_skill"] },
      field: "skillIds",
      message: /finns inte i listan/,
    },
    {
      name: "a supervisor name that is too long",
      fields: { supervisorName: "z".repeat(101) },
      field: "supervisorName",
      message: /högst 100 tecken/,
    },
  ];

  test.each(cases)("$name", async ({ fields, field, message }) => {
    const { workplace, cookie } = await employerSetup();
    const before = { openings: await db.opening.count(), events: await db.openingEvent.count() };
    const submitted = openingFields(workplace.id, fields);
    const result = await post(cookie, submitted);
    expect(result.status).toBe(400);
    const failure = result.value as Failure;
    expect(failure.errors[field], JSON.stringify(failure.errors)).toEqual(
      expect.arrayContaining([expect.stringMatching(message)]),
    );
    expect(failure.values.title).toBe(submitted.title);
    expect(failure.values.description).toBe(submitted.description);
    expect(await db.opening.count()).toBe(before.openings);
    expect(await db.openingEvent.count()).toBe(before.events);
  });

  test("every problem is reported at once, database checks included", async () => {
    const { workplace, cookie } = await employerSetup();
    const result = await post(
      cookie,
      openingFields(workplace.id, {
        hoursMin: "50",
        startDate: "2030-05-10",
        endDate: "2030-05-01",
        occupationId: "nope",
      }),
    );
    expect(result.status).toBe(400);
    expect(Object.keys((result.value as Failure).errors).sort()).toEqual(
      expect.arrayContaining(["endDate", "hoursMin", "occupationId"]),
    );
  });

  test("another employer's workplace cannot be used", async () => {
    const { cookie } = await employerSetup();
    const other = await createEmployer();
    const theirWorkplace = await createWorkplace(other.id);
    const result = await post(cookie, openingFields(theirWorkplace.id));
    expect(result.status).toBe(400);
    expect((result.value as Failure).errors.workplaceId).toEqual(["Välj en av era arbetsplatser."]);
    expect(await db.opening.count({ where: { workplaceId: theirWorkplace.id } })).toBe(0);
  });
});

describe("the status flow, edit and duplicate", () => {
  async function act(cookie: string, openingId: string, fields: Record<string, string>) {
    return settle(() =>
      openingRoute.action({
        request: postRequest(`/arbetsgivare/annonser/${openingId}`, fields, cookie),
        params: { openingId },
        context: testContext(),
      }),
    );
  }

  test("draft → published → closed with a reason: the index follows each step", async () => {
    const { employer, employerUser, cookie } = await employerSetup();
    const opening = await createOpening(employer.id, { status: "draft", title: "Sortera skruvar i verkstaden" });
    expect(await searchIds("skruvar", employer.id)).toEqual([]);

    const published = await act(cookie, opening.id, { intent: "publish" });
    expect(published.status).toBe(302);
    expect(published.response?.headers.get("Location")).toBe(`/arbetsgivare/annonser/${opening.id}`);
    expect(await searchIds("skruvar", employer.id)).toEqual([opening.id]);

    const noReason = await act(cookie, opening.id, { intent: "close", reason: "" });
    expect(noReason.status).toBe(400);
    expect(noReason.value).toMatchObject({ errors: { reason: ["Välj varför annonsen stängs."] } });
    expect((await db.opening.findUniqueOrThrow({ where: { id: opening.id } })).status).toBe("published");

    const closed = await act(cookie, opening.id, {
      intent: "close",
      reason: "no_longer_needed",
      detail: "Vi flyttar verkstaden.",
    });
    expect(closed.status).toBe(302);
    const after = await db.opening.findUniqueOrThrow({
      where: { id: opening.id },
      include: { events: { orderBy: { createdAt: "asc" } } },
    });
    expect(after).toMatchObject({ status: "closed", closeReason: "no_longer_needed" });
    expect(after.closedAt).not.toBeNull();
    expect(after.events.at(-1)).toMatchObject({
      action: "closed",
      userId: employerUser.id,
      onBehalf: false,
      detail: "Behovet finns inte längre – Vi flyttar verkstaden.",
    });
    expect(await searchIds("skruvar", employer.id)).toEqual([]);
  });

  test("a filled opening leaves the index", async () => {
    const { employer, cookie } = await employerSetup();
    const opening = await createOpening(employer.id, { title: "Vika tvätt på hotellet" });
    expect(await searchIds("tvätt", employer.id)).toEqual([opening.id]);
    expect((await act(cookie, opening.id, { intent: "fill" })).status).toBe(302);
    expect((await db.opening.findUniqueOrThrow({ where: { id: opening.id } })).status).toBe("filled");
    expect(await searchIds("tvätt", employer.id)).toEqual([]);
  });

  test("steps the status does not allow are refused with 409 and change nothing", async () => {
    const { employer, cookie } = await employerSetup();
    const draft = await createOpening(employer.id, { status: "draft" });
    expect((await act(cookie, draft.id, { intent: "fill" })).status).toBe(409);
    const closed = await createOpening(employer.id, { status: "closed" });
    expect((await act(cookie, closed.id, { intent: "publish" })).status).toBe(409);
    expect((await act(cookie, closed.id, { intent: "close", reason: "other" })).status).toBe(409);
    const edit = await settle(() =>
      editRoute.action({
        request: postRequest(`/arbetsgivare/annonser/${closed.id}/redigera`, openingFields(closed.workplaceId), cookie),
        params: { openingId: closed.id },
        context: testContext(),
      }),
    );
    expect(edit.status).toBe(409);
    expect((await db.opening.findUniqueOrThrow({ where: { id: closed.id } })).title).toBe(closed.title);
    expect((await act(cookie, draft.id, { intent: "explode" })).status).toBe(400);
  });

  test("an opening whose end date has passed cannot be published", async () => {
    const { employer, cookie } = await employerSetup();
    const draft = await createOpening(employer.id, { status: "draft", endDate: new Date("2020-01-31T00:00:00Z") });
    const result = await act(cookie, draft.id, { intent: "publish" });
    expect(result.status).toBe(400);
    expect(result.value).toMatchObject({ message: expect.stringMatching(/Slutdatumet har redan passerat/) });
  });

  test("editing a published opening updates the index and records which fields changed", async () => {
    const { employer, employerUser, cookie } = await employerSetup();
    const opening = await createOpening(employer.id, { title: "Packa julkorgar" });
    const fields = openingFields(opening.workplaceId, { title: "Packa påskägg", hoursMin: "15", hoursMax: "25" });
    const loaded = await settle(() =>
      editRoute.loader({
        request: getRequest(`/arbetsgivare/annonser/${opening.id}/redigera`, cookie),
        params: { openingId: opening.id },
        context: testContext(),
      }),
    );
    expect(loaded.status).toBe(200);
    expect(loaded.value).toMatchObject({
      defaults: { title: "Packa julkorgar", hoursMin: "10", scheduleTimes: ["day"], startFlexible: "flexible" },
    });

    const result = await settle(() =>
      editRoute.action({
        request: postRequest(`/arbetsgivare/annonser/${opening.id}/redigera`, { ...fields, intent: "save" }, cookie),
        params: { openingId: opening.id },
        context: testContext(),
      }),
    );
    expect(result.status).toBe(302);
    const after = await db.opening.findUniqueOrThrow({ where: { id: opening.id }, include: { events: true } });
    expect(after).toMatchObject({ title: "Packa påskägg", hoursMin: 15, hoursMax: 25, status: "published" });
    const updated = after.events.find((e) => e.action === "updated");
    expect(updated).toMatchObject({ userId: employerUser.id, onBehalf: false });
    expect(updated?.detail).toMatch(/rubrik/);
    expect(updated?.detail).toMatch(/timmar/);
    expect(await searchIds("påskägg", employer.id)).toEqual([opening.id]);
    expect(await searchIds("julkorgar", employer.id)).toEqual([]);
  });

  test("a failed edit saves nothing", async () => {
    const { employer, cookie } = await employerSetup();
    const opening = await createOpening(employer.id, { title: "Räkna lager" });
    const result = await settle(() =>
      editRoute.action({
        request: postRequest(
          `/arbetsgivare/annonser/${opening.id}/redigera`,
          openingFields(opening.workplaceId, { title: "Nytt namn", hoursMax: "99" }),
          cookie,
        ),
        params: { openingId: opening.id },
        context: testContext(),
      }),
    );
    expect(result.status).toBe(400);
    expect((await db.opening.findUniqueOrThrow({ where: { id: opening.id } })).title).toBe("Räkna lager");
    expect(await db.openingEvent.count({ where: { openingId: opening.id } })).toBe(0);
  });

  test("duplicating makes a new draft with the same content, and goes to its edit page", async () => {
    const { employer, employerUser, cookie } = await employerSetup();
    const opening = await createOpening(employer.id, { status: "filled", title: "Lagerpraktik våren" });
    const result = await act(cookie, opening.id, { intent: "duplicate" });
    expect(result.status).toBe(302);
    const copyId = /annonser\/([^/]+)\/redigera$/.exec(result.response?.headers.get("Location") ?? "")?.[1];
    expect(copyId).toBeTruthy();
    const copy = await db.opening.findUniqueOrThrow({ where: { id: copyId! }, include: { events: true } });
    expect(copy).toMatchObject({
      status: "draft",
      title: "Lagerpraktik våren",
      workplaceId: opening.workplaceId,
      tasks: opening.tasks,
      environment: opening.environment,
      employerId: employer.id,
    });
    expect(copy.events).toEqual([
      expect.objectContaining({
        action: "duplicated",
        userId: employerUser.id,
        detail: "Kopia av ”Lagerpraktik våren”",
      }),
    ]);
  });

  test("the opening page shows the history with names and counts", async () => {
    const { employer, cookie } = await employerSetup();
    const result = await post(cookie, openingFields((await createWorkplace(employer.id)).id, { intent: "publish" }));
    const id = openingIdFrom(result.response?.headers.get("Location"));
    const page = await settle(() =>
      openingRoute.loader({
        request: getRequest(`/arbetsgivare/annonser/${id}`, cookie),
        params: { openingId: id },
        context: testContext(),
      }),
    );
    expect(page.status).toBe(200);
    const value = page.value as {
      opening: { events: Array<{ action: string; who: string }> };
      proposalsWaiting: number;
      skills: Array<{ id: string }>;
    };
    expect(value.opening.events.map((e) => e.action).sort()).toEqual(["created", "published"]);
    expect(value.opening.events[0]!.who).toMatch(/\(Arbetsgivare\)$/);
    expect(value.proposalsWaiting).toBe(0);
    expect(value.skills.map((s) => s.id)).toEqual([SKILL_TRUCKVANA]);
  });
});
