// The employer profile (organisation number with its check digit), workplaces (postal code →
// municipality → coordinates), colleagues invited by email, and a coach adding an employer.
import { describe, expect, test } from "vitest";
import * as coachEmployerNew from "~/routes/coach/employer-new.tsx";
import * as colleagues from "~/routes/employer/colleagues.tsx";
import * as profile from "~/routes/employer/profile.tsx";
import * as workplaceEdit from "~/routes/employer/workplace-edit.tsx";
import * as workplaceNew from "~/routes/employer/workplace-new.tsx";
import * as verifyLink from "~/routes/auth/verify-link.tsx";
import { orgNumberFromPayload } from "~/domain/org-number.ts";
import { db } from "~/utils/db.server.ts";
import { getSearchEngine } from "../../search/index.ts";
import { createEmployer, createOpening, createUser, createWorkplace, createWorld } from "../support/factories.ts";
import { getRequest, noticeOf, postRequest, sessionCookieFor, settle, testContext } from "../support/requests.ts";

type Failure = { errors: Record<string, string[]>; values: Record<string, string> };

const profileFields = (overrides: Record<string, string> = {}) => ({
  name: "Torsviks Lager AB",
  orgNumber: "556036-0793",
  sector: "private",
  phone: "036-12 34 56",
  website: "torsvikslager.se",
  description: "Lager och logistik för butiker i hela länet.",
  ...overrides,
});

async function saveProfile(cookie: string, fields: Record<string, string>) {
  return settle(() =>
    profile.action({
      request: postRequest("/arbetsgivare/foretaget", fields, cookie),
      params: {},
      context: testContext(),
    }),
  );
}

describe("employer profile", () => {
  test("saves the profile; the organisation number is stored as NNNNNN-NNNN and the website gets https", async () => {
    const { employer, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(employerUser.id);
    const result = await saveProfile(cookie, profileFields({ orgNumber: "5560360793" }));
    expect(result.status).toBe(302);
    expect(result.response?.headers.get("Location")).toBe("/arbetsgivare/foretaget");
    expect(await noticeOf(result)).toBe("Uppgifterna är sparade.");
    expect(await db.employer.findUniqueOrThrow({ where: { id: employer.id } })).toMatchObject({
      name: "Torsviks Lager AB",
      orgNumber: "556036-0793",
      sector: "private",
      phone: "036-12 34 56",
      website: "https://torsvikslager.se/",
      description: "Lager och logistik för butiker i hela länet.",
    });
  });

  test.each([
    ["a wrong check digit", { orgNumber: "556036-0794" }, "orgNumber", /kontrollera sista siffran/],
    ["too few digits", { orgNumber: "55603-0793" }, "orgNumber", /tio siffror/],
    ["letters", { orgNumber: "abcdef-ghij" }, "orgNumber", /tio siffror/],
    ["no name", { name: "" }, "name", /Fyll i arbetsgivarens namn/],
    ["a name that is too long", { name: "A".repeat(121) }, "name", /högst 120 tecken/],
    ["an unknown sector", { sector: "mafia" }, "sector", /offentlig, privat eller idéburen/],
    ["a phone number with letters", { phone: "ring mig" }, "phone", /telefonnummer/],
    ["a website that is not one", { website: "javascript:alert(1)" }, "website", /webbadress/],
    ["a description that is too long", { description: "x".repeat(2001) }, "description", /högst 2000 tecken/],
  ])("%s → 400 with a message, values kept, nothing saved", async (_name, overrides, field, message) => {
    const { employer, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(employerUser.id);
    const fields = profileFields(overrides as Record<string, string>);
    const result = await saveProfile(cookie, fields);
    expect(result.status).toBe(400);
    const failure = result.value as Failure;
    expect(failure.errors[field]).toEqual([expect.stringMatching(message)]);
    expect(failure.values.name).toBe(fields.name);
    expect(await db.employer.findUniqueOrThrow({ where: { id: employer.id } })).toMatchObject({
      name: employer.name,
      orgNumber: null,
    });
  });

  test("an organisation number used by another employer is refused", async () => {
    const { employerUser } = await createWorld();
    const taken = orgNumberFromPayload("559123456");
    await db.employer.create({ data: { name: "Redan AB", sector: "private", orgNumber: taken } });
    const result = await saveProfile(
      await sessionCookieFor(employerUser.id),
      profileFields({ orgNumber: taken.replace("-", "") }),
    );
    expect(result.status).toBe(400);
    expect((result.value as Failure).errors.orgNumber).toEqual([expect.stringMatching(/används redan/)]);
  });

  test("a new name reaches the published openings in the search index", async () => {
    const { employer, employerUser } = await createWorld();
    const opening = await createOpening(employer.id);
    await saveProfile(
      await sessionCookieFor(employerUser.id),
      profileFields({ name: "Ekhagens Handelsträdgård", orgNumber: "" }),
    );
    const hits = await getSearchEngine(db).searchOpenings({
      text: "Ekhagens",
      filters: { employerIds: [employer.id] },
    });
    expect(hits.hits.map((h) => h.id)).toEqual([opening.id]);
  });
});

describe("workplaces", () => {
  async function create(cookie: string, fields: Record<string, string>) {
    return settle(() =>
      workplaceNew.action({
        request: postRequest("/arbetsgivare/arbetsplatser/ny", fields, cookie),
        params: {},
        context: testContext(),
      }),
    );
  }

  test("the postal code gives the municipality, and the municipality's centre the coordinates", async () => {
    const { employer, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(employerUser.id);
    const postal = await db.postalCode.findFirstOrThrow({ where: { municipalityCode: "0680" } });
    const result = await create(cookie, {
      name: "Lagret",
      street: "Lagergatan 2",
      postalCode: `${postal.code.slice(0, 3)} ${postal.code.slice(3)}`,
    });
    expect(result.status).toBe(302);
    const municipality = await db.municipality.findUniqueOrThrow({ where: { code: "0680" } });
    expect(await db.workplace.findFirstOrThrow({ where: { employerId: employer.id } })).toMatchObject({
      name: "Lagret",
      street: "Lagergatan 2",
      postalCode: postal.code,
      municipalityCode: "0680",
      lat: municipality.lat,
      lng: municipality.lng,
    });
  });

  test("given coordinates are kept; a chosen municipality wins over the postal code", async () => {
    const { employer, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(employerUser.id);
    const postal = await db.postalCode.findFirstOrThrow({ where: { municipalityCode: "0680" } });
    const result = await create(cookie, {
      name: "Butiken",
      street: "Storgatan 9",
      postalCode: postal.code,
      municipalityCode: "0687",
      lat: "57,65",
      lng: "14.97",
    });
    expect(result.status).toBe(302);
    expect(await db.workplace.findFirstOrThrow({ where: { employerId: employer.id } })).toMatchObject({
      municipalityCode: "0687",
      lat: 57.65,
      lng: 14.97,
    });
  });

  test.each([
    ["a malformed postal code", { postalCode: "1234" }, "postalCode", /fem siffror/],
    [
      "a postal code we do not know, without a municipality",
      { postalCode: "99999" },
      "municipalityCode",
      /Välj kommun/,
    ],
    ["an unknown municipality", { municipalityCode: "9999" }, "municipalityCode", /Välj en kommun/],
    ["only a latitude", { lat: "57.7" }, "lng", /både latitud och longitud/],
    ["coordinates outside Sweden", { lat: "48.85", lng: "2.35" }, "lat", /en plats i Sverige/],
    ["no street", { street: "" }, "street", /gatuadressen/],
  ])("%s → 400, nothing saved", async (_name, overrides, field, message) => {
    const { employer, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(employerUser.id);
    const result = await create(cookie, {
      name: "Lagret",
      street: "Lagergatan 2",
      postalCode: "55320",
      ...(overrides as Record<string, string>),
    });
    expect(result.status).toBe(400);
    expect((result.value as Failure).errors[field]).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    expect(await db.workplace.count({ where: { employerId: employer.id } })).toBe(0);
  });

  test("moving a workplace moves its published openings in the search index", async () => {
    const { employer, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(employerUser.id);
    const workplace = await createWorkplace(employer.id);
    const opening = await createOpening(employer.id, { workplaceId: workplace.id });
    const postal = await db.postalCode.findFirstOrThrow({ where: { municipalityCode: "0180" } });
    const result = await settle(() =>
      workplaceEdit.action({
        request: postRequest(
          `/arbetsgivare/arbetsplatser/${workplace.id}`,
          { name: "Nya lagret", street: "Sveavägen 1", postalCode: postal.code },
          cookie,
        ),
        params: { workplaceId: workplace.id },
        context: testContext(),
      }),
    );
    expect(result.status).toBe(302);
    const engine = getSearchEngine(db);
    expect(
      (await engine.searchOpenings({ filters: { municipalityCodes: ["0180"], employerIds: [employer.id] } })).hits.map(
        (h) => h.id,
      ),
    ).toEqual([opening.id]);
    expect(
      (await engine.searchOpenings({ filters: { municipalityCodes: ["0680"], employerIds: [employer.id] } })).hits,
    ).toEqual([]);
  });

  test("a workplace with openings cannot be removed; one without can", async () => {
    const { employer, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(employerUser.id);
    const used = await createWorkplace(employer.id);
    await createOpening(employer.id, { workplaceId: used.id, status: "closed" });
    const unused = await createWorkplace(employer.id);
    const remove = (id: string) =>
      settle(() =>
        workplaceEdit.action({
          request: postRequest(`/arbetsgivare/arbetsplatser/${id}`, { intent: "delete" }, cookie),
          params: { workplaceId: id },
          context: testContext(),
        }),
      );
    const refused = await remove(used.id);
    expect(refused.status).toBe(409);
    expect(refused.value).toMatchObject({ message: expect.stringMatching(/har annonser/) });
    expect((await remove(unused.id)).status).toBe(302);
    expect(await db.workplace.findMany({ where: { employerId: employer.id }, select: { id: true } })).toEqual([
      { id: used.id },
    ]);
  });

  test("the edit page shows the municipality and coordinates only when they were chosen", async () => {
    const { employer, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(employerUser.id);
    const postal = await db.postalCode.findFirstOrThrow({ where: { municipalityCode: "0680" } });
    const m = await db.municipality.findUniqueOrThrow({ where: { code: "0680" } });
    const derived = await db.workplace.create({
      data: {
        employerId: employer.id,
        name: "A",
        street: "Gatan 1",
        postalCode: postal.code,
        municipalityCode: "0680",
        lat: m.lat,
        lng: m.lng,
      },
    });
    const page = await settle(() =>
      workplaceEdit.loader({
        request: getRequest(`/arbetsgivare/arbetsplatser/${derived.id}`, cookie),
        params: { workplaceId: derived.id },
        context: testContext(),
      }),
    );
    expect(page.value).toMatchObject({ defaults: { municipalityCode: "", lat: "", lng: "", postalCode: postal.code } });
  });
});

describe("colleagues", () => {
  test("an invited colleague gets an account and an email with a sign-in link that works for days", async () => {
    const { employer, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(employerUser.id);
    const result = await settle(() =>
      colleagues.action({
        request: postRequest(
          "/arbetsgivare/kollegor",
          { name: "Kim Kollega", email: "Kim.Kollega@Test.Brygga.se" },
          cookie,
        ),
        params: {},
        context: testContext(),
      }),
    );
    expect(result.status).toBe(302);
    const invited = await db.user.findUniqueOrThrow({ where: { email: "kim.kollega@test.brygga.se" } });
    expect(invited).toMatchObject({ role: "employer", employerId: employer.id, name: "Kim Kollega" });
    const token = await db.loginToken.findFirstOrThrow({ where: { userId: invited.id } });
    expect(token.expiresAt.getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);

    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: "kim.kollega@test.brygga.se" } });
    expect(mail.template).toBe("invitation");
    expect(mail.subject).toContain(employerUser.name);
    expect(mail.subject).toContain(employer.name);
    const link = mail.text.match(/https?:\/\/\S+\/logga-in\/lank\?token=[\w-]+\S*/)![0];
    const used = await settle(() =>
      verifyLink.action({
        request: postRequest("/logga-in/lank", {
          token: new URL(link).searchParams.get("token")!,
          redirectTo: "/arbetsgivare",
        }),
        params: {},
        context: testContext(),
      }),
    );
    expect(used.status).toBe(302);
    expect(used.response?.headers.get("Location")).toBe("/arbetsgivare");

    const list = await settle(() =>
      colleagues.loader({ request: getRequest("/arbetsgivare/kollegor", cookie), params: {}, context: testContext() }),
    );
    expect((list.value as { colleagues: Array<{ name: string; hasSignedIn: boolean }> }).colleagues).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "Kim Kollega", hasSignedIn: true })]),
    );
  });

  test("a colleague already here or a bad address is refused and nothing is sent", async () => {
    const { employerUser } = await createWorld();
    const cookie = await sessionCookieFor(employerUser.id);
    const before = await db.emailOutbox.count();
    // An address elsewhere in Brygga is answered like a new one (issue 13; tests/integration/security.test.ts).
    for (const [fields, message] of [
      [{ name: "Kim", email: employerUser.email! }, /redan ett konto hos er/],
      [{ name: "Kim", email: "inte-en-adress" }, /giltig e-postadress/],
      [{ name: "", email: "ny@test.brygga.se" }, /Fyll i namnet/],
    ] as const) {
      const result = await settle(() =>
        colleagues.action({
          request: postRequest("/arbetsgivare/kollegor", fields, cookie),
          params: {},
          context: testContext(),
        }),
      );
      expect(result.status).toBe(400);
      expect(Object.values((result.value as Failure).errors).flat()).toEqual([expect.stringMatching(message)]);
    }
    expect(await db.emailOutbox.count()).toBe(before);
    expect(await db.user.count({ where: { email: "ny@test.brygga.se" } })).toBe(0);
  });

  test("a colleague's access can be removed (signed out everywhere), but not your own or another employer's user", async () => {
    const { employer, employerUser } = await createWorld();
    const colleague = await createUser("employer", { employerId: employer.id });
    const stranger = await createUser("employer", { employerId: (await createEmployer()).id });
    const cookie = await sessionCookieFor(employerUser.id);
    await sessionCookieFor(colleague.id);
    const remove = (userId: string) =>
      settle(() =>
        colleagues.action({
          request: postRequest("/arbetsgivare/kollegor", { intent: "remove", userId }, cookie),
          params: {},
          context: testContext(),
        }),
      );
    expect((await remove(employerUser.id)).status).toBe(400);
    expect((await remove(stranger.id)).status).toBe(404);
    expect((await remove(colleague.id)).status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).deactivatedAt).not.toBeNull();
    expect(await db.session.count({ where: { userId: colleague.id, revokedAt: null } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: stranger.id } })).deactivatedAt).toBeNull();
  });
});

describe("a coach adds an employer", () => {
  test("linked to the coach's organisation, with the coach as contact, and the first user invited", async () => {
    const { organization, coach } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const result = await settle(() =>
      coachEmployerNew.action({
        request: postRequest(
          "/coach/arbetsgivare/ny",
          {
            ...profileFields({ orgNumber: "" }),
            name: "Ny Arbetsgivare AB",
            inviteName: "Pia Platschef",
            inviteEmail: "pia@test.brygga.se",
          },
          cookie,
        ),
        params: {},
        context: testContext(),
      }),
    );
    expect(result.status).toBe(302);
    const employer = await db.employer.findFirstOrThrow({ where: { name: "Ny Arbetsgivare AB" } });
    expect(employer).toMatchObject({ organizationId: organization.id, contactCoachId: coach.id });
    expect(result.response?.headers.get("Location")).toBe(`/coach/arbetsgivare/${employer.id}/annonser`);
    expect(await db.user.findUniqueOrThrow({ where: { email: "pia@test.brygga.se" } })).toMatchObject({
      employerId: employer.id,
      role: "employer",
    });
    expect(await db.emailOutbox.count({ where: { to: "pia@test.brygga.se", template: "invitation" } })).toBe(1);
  });

  test("bad input saves nothing: no employer, no user, no mail", async () => {
    const { coach } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const other = await createUser("coach");
    const cases: Array<[Record<string, string>, string]> = [
      [{ orgNumber: "123456-7890" }, "orgNumber"],
      [{ inviteEmail: other.email!, inviteName: "Pia" }, "inviteEmail"],
      [{ inviteEmail: "pia2@test.brygga.se" }, "inviteName"],
      [{ contactCoachId: other.id }, "contactCoachId"],
    ];
    for (const [overrides, field] of cases) {
      const before = { employers: await db.employer.count(), mails: await db.emailOutbox.count() };
      const result = await settle(() =>
        coachEmployerNew.action({
          request: postRequest(
            "/coach/arbetsgivare/ny",
            { ...profileFields({ orgNumber: "" }), name: "Halvsparad AB", ...overrides },
            cookie,
          ),
          params: {},
          context: testContext(),
        }),
      );
      expect(result.status, field).toBe(400);
      expect((result.value as Failure).errors[field], field).toBeDefined();
      expect(await db.employer.count()).toBe(before.employers);
      expect(await db.emailOutbox.count()).toBe(before.mails);
    }
  });
});
