// Issue 11: an organisation, its staff and its employers start without the seed — org:create, the
// admin's staff and organisation pages, the employer's own registration and the coach who accepts.
// Every route is checked for role and organisation scope; every form for 400 with nothing changed.
import { describe, expect, test } from "vitest";
import * as caseloads from "~/routes/admin/caseloads.tsx";
import * as organizationPage from "~/routes/admin/organization.tsx";
import * as staffMember from "~/routes/admin/staff-member.tsx";
import * as staffPage from "~/routes/admin/staff.tsx";
import * as coachHome from "~/routes/coach/home.tsx";
import * as coachWeek from "~/routes/coach/week.tsx";
import * as registrationsPage from "~/routes/coach/registrations.tsx";
import * as openingPage from "~/routes/employer/opening.tsx";
import * as confirmPage from "~/routes/public/confirm-registration.tsx";
import * as forEmployers from "~/routes/public/for-employers.tsx";
import { getUser } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { createOrganizationWithAdmin } from "~/utils/organizations.server.ts";
import { runCli } from "../support/cli.ts";
import { createEmployer, createOpening, createUser, createWorkplace, createWorld } from "../support/factories.ts";
import { getRequest, noticeOf, postRequest, sessionCookieFor, settle, testContext } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";

/** `npm run org:*`: through tsx as npm starts it when asked, otherwise the script compiled for the run. */
const orgCli = (args: string[], options: { viaTsx?: boolean } = {}) => runCli("org", args, options);

async function serve(organizationId: string, ...codes: string[]) {
  for (const municipalityCode of codes)
    await db.organizationMunicipality.create({ data: { organizationId, municipalityCode } });
}

const counts = async () => ({
  users: await db.user.count(),
  organizations: await db.organization.count(),
  registrations: await db.employerRegistration.count(),
  employers: await db.employer.count(),
  mails: await db.emailOutbox.count(),
  audit: await db.auditEvent.count(),
});

describe("npm run org:create / org:list", () => {
  test("bad input prints one line, exits 2 and creates nothing; good input creates org, area and admin with an invitation", async () => {
    const before = await counts();
    for (const args of [
      ["--name", "", "--admin", "a@org.se"],
      ["--name", "Jobbtorget", "--admin", "inte-en-adress"],
      ["--name", "Jobbtorget", "--admin", "a@org.se", "--municipalities", "0680,9999"],
    ]) {
      const result = await orgCli(["create", ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(await counts()).toEqual(before);

    const ok = await orgCli(
      [
        "create",
        "--name",
        "Jobbtorget Väst",
        "--admin",
        "Chef@Jobbtorget.example",
        "--admin-name",
        "Cecilia Chef",
        "--municipalities",
        "0680,0684",
      ],
      { viaTsx: true },
    );
    expect(ok.code).toBe(0);
    const org = await db.organization.findFirstOrThrow({
      where: { name: "Jobbtorget Väst" },
      include: { serviceArea: true, users: true },
    });
    expect(org.serviceArea.map((a) => a.municipalityCode).sort()).toEqual(["0680", "0684"]);
    expect(org.users).toMatchObject([{ role: "admin", email: "chef@jobbtorget.example", name: "Cecilia Chef" }]);
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: "chef@jobbtorget.example" } });
    expect(mail.template).toBe("invitation");
    expect(mail.text).toContain("/logga-in/lank?token=");

    const list = await orgCli(["list"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/Jobbtorget Väst\s+0680,0684\s+1\s+0\s+1/);
  }, 240_000);
});

describe("staff", () => {
  test("only the organisation's admin reaches the staff and organisation pages; another organisation's person is a 404", async () => {
    const ours = await createWorld();
    const theirs = await createWorld();
    for (const [user, status] of [
      [ours.admin, 200],
      [ours.coach, 403],
      [ours.employerUser, 403],
      [ours.participantUser, 403],
    ] as const) {
      const cookie = await sessionCookieFor(user.id);
      expect((await load(staffPage, "/admin/personal", cookie)).status).toBe(status);
      expect((await load(organizationPage, "/admin/organisation", cookie)).status).toBe(status);
    }
    expect((await load(staffPage, "/admin/personal", undefined)).status).toBe(302);
    const cookie = await sessionCookieFor(ours.admin.id);
    const params = { userId: theirs.coach.id };
    expect((await load(staffMember, `/admin/personal/${theirs.coach.id}`, cookie, params)).status).toBe(404);
    const before = await counts();
    expect(
      (await submit(staffMember, `/admin/personal/${theirs.coach.id}`, { intent: "deactivate" }, cookie, params))
        .status,
    ).toBe(404);
    expect(
      (
        await submit(
          staffMember,
          `/admin/personal/${theirs.coach.id}`,
          { intent: "role", role: "admin" },
          cookie,
          params,
        )
      ).status,
    ).toBe(404);
    expect(
      (await submit(staffPage, "/admin/personal", { intent: "revoke", userId: theirs.coach.id }, cookie)).status,
    ).toBe(404);
    expect(await counts()).toEqual(before);
    expect(await db.user.findUniqueOrThrow({ where: { id: theirs.coach.id } })).toMatchObject({ deactivatedAt: null });
  });

  test("invite: bad input is 400 with messages at the fields and nothing saved; a good one mails a single-use link", async () => {
    const { admin, coach } = await createWorld();
    const cookie = await sessionCookieFor(admin.id);
    const before = await counts();
    const bad = await submit(
      staffPage,
      "/admin/personal",
      { intent: "invite", name: "", email: "nej", role: "boss", employmentPercent: "250" },
      cookie,
    );
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad)).toMatchObject({
      name: ["Fyll i namnet."],
      email: [expect.stringContaining("giltig e-postadress")],
      role: ["Välj coach eller administratör."],
      employmentPercent: [expect.stringContaining("mellan 10 och 100")],
    });
    const taken = await submit(
      staffPage,
      "/admin/personal",
      { intent: "invite", name: "Kim", email: coach.email!, role: "coach", employmentPercent: "100" },
      cookie,
    );
    expect(taken.status).toBe(400);
    expect(fieldErrors(taken).email).toEqual(["Personen finns redan i er organisation."]);
    expect(await counts()).toEqual(before);

    const ok = await submit(
      staffPage,
      "/admin/personal",
      { intent: "invite", name: "Nina Ny", email: "Nina@Coach.example", role: "coach", employmentPercent: "75" },
      cookie,
    );
    expect(ok.status).toBe(302);
    const nina = await db.user.findUniqueOrThrow({ where: { email: "nina@coach.example" } });
    expect(nina).toMatchObject({ role: "coach", employmentPercent: 75, organizationId: admin.organizationId });
    const token = await db.loginToken.findFirstOrThrow({ where: { userId: nina.id } });
    expect(token.expiresAt.getTime() - token.createdAt.getTime()).toBeCloseTo(7 * 86_400_000, -5);
    expect(await db.emailOutbox.count({ where: { to: "nina@coach.example", template: "invitation" } })).toBe(1);
    const listed = (await load(staffPage, "/admin/personal", cookie)).value as {
      staff: { pending: Array<{ id: string }> };
    };
    expect(listed.staff.pending.map((p) => p.id)).toEqual([nina.id]);

    // Resend: the old link stops working, a new mail goes out. Revoke: the account is gone.
    await submit(staffPage, "/admin/personal", { intent: "resend", userId: nina.id }, cookie);
    const tokens = await db.loginToken.findMany({ where: { userId: nina.id }, orderBy: { createdAt: "asc" } });
    expect(tokens).toHaveLength(2);
    expect(tokens[0]!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await db.emailOutbox.count({ where: { to: "nina@coach.example" } })).toBe(2);
    const revoked = await submit(staffPage, "/admin/personal", { intent: "revoke", userId: nina.id }, cookie);
    expect(revoked.status).toBe(302);
    expect(await db.user.findUnique({ where: { id: nina.id } })).toBeNull();
    const audit = await db.auditEvent.findMany({
      where: { actorId: admin.id, entity: "staff" },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => a.detail)).toEqual([
      "Bjöd in Nina Ny (nina@coach.example) som coach, 75 %",
      "Skickade inbjudan till Nina Ny (nina@coach.example) igen",
      "Drog tillbaka inbjudan till Nina Ny (nina@coach.example)",
    ]);
  });

  test("role change keeps at least one admin", async () => {
    const { admin, coach } = await createWorld();
    const cookie = await sessionCookieFor(admin.id);
    const self = await submit(staffMember, `/admin/personal/${admin.id}`, { intent: "role", role: "coach" }, cookie, {
      userId: admin.id,
    });
    expect(self.status).toBe(400);
    expect(fieldErrors(self).role?.[0]).toContain("minst en administratör");
    const bad = await submit(staffMember, `/admin/personal/${coach.id}`, { intent: "role", role: "chef" }, cookie, {
      userId: coach.id,
    });
    expect(bad.status).toBe(400);
    const ok = await submit(staffMember, `/admin/personal/${coach.id}`, { intent: "role", role: "admin" }, cookie, {
      userId: coach.id,
    });
    expect(ok.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: coach.id } })).role).toBe("admin");
    expect((await db.auditEvent.findFirstOrThrow({ where: { entity: "staff", actorId: admin.id } })).detail).toBe(
      `Ändrade rollen för ${coach.name} från coach till administratör`,
    );
  });

  test("deactivation hands participants, proposals, follow-ups and employers to named colleagues and ends sessions", async () => {
    const { organization, admin, coach, employer, participant } = await createWorld();
    const colleague = await createUser("coach", { organizationId: organization.id, name: "Kollega Karlsson" });
    const other = await createUser("coach", { organizationId: organization.id, name: "Annan Andersson" });
    const workplace = await createWorkplace(employer.id);
    const opening = await createOpening(employer.id, { workplaceId: workplace.id });
    const proposal = await db.proposal.create({
      data: { participantId: participant.id, openingId: opening.id, coachId: coach.id, score: 70 },
    });
    const followUp = await db.employerContact.create({
      data: {
        organizationId: organization.id,
        employerId: employer.id,
        coachId: coach.id,
        participantId: participant.id,
        kind: "call",
        occurredAt: new Date(),
        followUpDate: new Date(Date.now() + 7 * 86_400_000),
      },
    });
    const coachCookie = await sessionCookieFor(coach.id);
    const cookie = await sessionCookieFor(admin.id);
    const path = `/admin/personal/${coach.id}`;
    const params = { userId: coach.id };

    const page = (await load(staffMember, path, cookie, params)).value as {
      owns: { participants: number; employers: number };
    };
    expect(page.owns).toMatchObject({ participants: 1, employers: 1 });

    const before = await counts();
    const missing = await submit(staffMember, path, { intent: "deactivate" }, cookie, params);
    expect(missing.status).toBe(400);
    expect(fieldErrors(missing)).toEqual({
      participantsTo: ["Välj en kollega som tar över deltagarna."],
      employersTo: ["Välj en kollega som tar över arbetsgivarkontakterna."],
    });
    expect(await counts()).toEqual(before);
    expect(await getUser(getRequest("/coach", coachCookie))).not.toBeNull();

    const ok = await submit(
      staffMember,
      path,
      { intent: "deactivate", participantsTo: colleague.id, employersTo: other.id },
      cookie,
      params,
    );
    expect(ok.status).toBe(302);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).coachId).toBe(colleague.id);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).coachId).toBe(colleague.id);
    expect((await db.employerContact.findUniqueOrThrow({ where: { id: followUp.id } })).coachId).toBe(colleague.id);
    expect((await db.employer.findUniqueOrThrow({ where: { id: employer.id } })).contactCoachId).toBe(other.id);
    expect(await getUser(getRequest("/coach", coachCookie))).toBeNull();
    expect((await load(coachHome, "/coach", coachCookie)).status).toBe(302);
    expect(
      (await db.auditEvent.findFirstOrThrow({ where: { participantId: participant.id, entity: "coach" } })).detail,
    ).toContain("Ny ansvarig coach: Kollega Karlsson");
    expect((await db.auditEvent.findFirstOrThrow({ where: { entity: "staff", actorId: admin.id } })).detail).toBe(
      `Inaktiverade ${coach.name}; lämnade över 1 deltagare till Kollega Karlsson och 1 arbetsgivarkontakter till Annan Andersson`,
    );

    const back = await submit(staffMember, path, { intent: "reactivate" }, cookie, params);
    expect(back.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: coach.id } })).deactivatedAt).toBeNull();
  });

  test("the caseload page's hand-over moves open proposals and follow-ups too, and nothing on a foreign participant", async () => {
    const { organization, admin, coach, employer, participant } = await createWorld();
    const theirs = await createWorld();
    const colleague = await createUser("coach", { organizationId: organization.id });
    const opening = await createOpening(employer.id);
    const proposal = await db.proposal.create({
      data: { participantId: participant.id, openingId: opening.id, coachId: coach.id, score: 60 },
    });
    const cookie = await sessionCookieFor(admin.id);
    const foreign = await submit(
      caseloads,
      "/admin/arenden",
      { intent: "reassign", participantIds: [participant.id, theirs.participant.id], toCoachId: colleague.id },
      cookie,
    );
    expect(foreign.status).toBe(404);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).coachId).toBe(coach.id);
    const ok = await submit(
      caseloads,
      "/admin/arenden",
      { intent: "reassign", participantIds: participant.id, toCoachId: colleague.id },
      cookie,
    );
    expect(ok.status).toBe(302);
    expect(await noticeOf(ok)).toContain("Öppna förslag och uppföljningar följde med");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).coachId).toBe(colleague.id);
  });
});

describe("the organisation's details", () => {
  test("bad input is 400 and changes nothing; a good save replaces the service area and is audited", async () => {
    const { organization, admin } = await createWorld();
    const cookie = await sessionCookieFor(admin.id);
    const bad = await submit(
      organizationPage,
      "/admin/organisation",
      { name: "", orgNumber: "123", phone: "ring mig", municipalityCodes: [] },
      cookie,
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(fieldErrors(bad)).sort()).toEqual(["municipalityCodes", "name", "orgNumber", "phone"]);
    const unknown = await submit(
      organizationPage,
      "/admin/organisation",
      { name: "Ny", municipalityCodes: ["0680", "9999"] },
      cookie,
    );
    expect(unknown.status).toBe(400);
    expect(await db.organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({
      name: organization.name,
    });
    const ok = await submit(
      organizationPage,
      "/admin/organisation",
      {
        name: "Arbetsmarknadsenheten Väst",
        orgNumber: "2120000514",
        phone: "036-10 50 00",
        visitingAddress: "Storgatan 2, Jönköping",
        funderName: "Samordningsförbundet Södra Vätterbygden",
        municipalityCodes: ["0680", "0684"],
      },
      cookie,
    );
    expect(ok.status).toBe(302);
    const saved = await db.organization.findUniqueOrThrow({
      where: { id: organization.id },
      include: { serviceArea: true },
    });
    expect(saved).toMatchObject({
      name: "Arbetsmarknadsenheten Väst",
      orgNumber: "212000-0514",
      funderName: "Samordningsförbundet Södra Vätterbygden",
    });
    expect(saved.serviceArea.map((a) => a.municipalityCode).sort()).toEqual(["0680", "0684"]);
    expect(
      (await db.auditEvent.findFirstOrThrow({ where: { entity: "organization", actorId: admin.id } })).detail,
    ).toMatch(/^Ändrade organisationens namn, organisationsnummer, telefon, besöksadress, finansiär, kommuner \(nu /);
  });
});

describe("employers register at /for-arbetsgivare", () => {
  const form = (overrides: Record<string, string> = {}) => ({
    companyName: "Bageriet i Torget AB",
    orgNumber: "556036-0793",
    sector: "private",
    street: "Torget 3",
    postalCode: "553 20",
    contactName: "Berit Bagare",
    contactEmail: "berit@bageriet.example",
    contactPhone: "036-12 34 56",
    offer: "Vi behöver hjälp med disk och att packa bröd på morgnarna.",
    ...overrides,
  });
  const post = (fields: Record<string, string>, ip = "10.0.0.1") =>
    settle(() =>
      forEmployers.action({
        request: postRequest("/for-arbetsgivare", fields),
        params: {},
        context: testContext(ip),
      } as never),
    );

  test("bad input and the honeypot store nothing; the limit per address holds", async () => {
    const before = await counts();
    const bad = await post(form({ orgNumber: "556036-0794", contactEmail: "nej", offer: "", postalCode: "12" }));
    expect(bad.status).toBe(400);
    expect(Object.keys(fieldErrors(bad)).sort()).toEqual(["contactEmail", "offer", "orgNumber", "postalCode"]);
    expect(fieldErrors(bad).orgNumber?.[0]).toContain("Organisationsnumret stämmer inte");
    const unknownPostal = await post(form({ postalCode: "999 99" }));
    expect(unknownPostal.status).toBe(400);
    expect(fieldErrors(unknownPostal).postalCode?.[0]).toContain("postnumret");
    const bot = await post(form({ webbplats: "http://spam.example" }));
    expect(bot.status).toBe(200);
    expect(await counts()).toEqual(before);

    for (let i = 0; i < 5; i++)
      expect((await post(form({ orgNumber: "", contactEmail: `x${i}@a.example` }), "10.9.9.9")).status).toBe(400);
    const orgNumbers = ["5561079194", "5561158386", "5561237578", "5561316760", "5561395954"];
    for (const [i, orgNumber] of orgNumbers.entries())
      expect((await post(form({ orgNumber, contactEmail: `r${i}@a.example` }), "10.9.9.9")).status).toBe(200);
    const limited = await post(form({ orgNumber: "5567037485", contactEmail: "r9@a.example" }), "10.9.9.9");
    expect(limited.status).toBe(429);
    expect(await db.employerRegistration.count({ where: { ip: "10.9.9.9" } })).toBe(5);
  });

  test("confirm → the serving organisation's coach sees and accepts → the employer may publish; others get 404", async () => {
    const ours = await createWorld();
    const theirs = await createWorld();
    await serve(ours.organization.id, "0680");
    await serve(theirs.organization.id, "0180");

    const sent = await post(form({ orgNumber: "212000-1355", contactEmail: "berit@bageriet2.example" }));
    expect(sent.value).toMatchObject({ done: "confirm", municipalityName: "Jönköping", served: true });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: "berit@bageriet2.example" } });
    const token = /bekrafta\?token=([\w-]+)/.exec(mail.text)![1]!;
    expect(await db.employer.count({ where: { orgNumber: "212000-1355" } })).toBe(0);

    const confirmPath = `/for-arbetsgivare/bekrafta?token=${token}`;
    expect((await load(confirmPage, confirmPath, undefined)).status).toBe(200);
    const confirmed = await settle(() =>
      confirmPage.action({ request: postRequest(confirmPath, { token }), params: {}, context: testContext() } as never),
    );
    expect(confirmed.status).toBe(302);
    expect(confirmed.response?.headers.get("Location")).toBe("/arbetsgivare");
    const again = await settle(() =>
      confirmPage.action({ request: postRequest(confirmPath, { token }), params: {}, context: testContext() } as never),
    );
    expect(again.status).toBe(400);
    const employer = await db.employer.findUniqueOrThrow({
      where: { orgNumber: "212000-1355" },
      include: { users: true, workplaces: true },
    });
    expect(employer).toMatchObject({ organizationId: null, contactCoachId: null });
    expect(employer.workplaces).toMatchObject([{ municipalityCode: "0680", postalCode: "55320" }]);
    const employerUser = employer.users[0]!;
    const registration = await db.employerRegistration.findUniqueOrThrow({ where: { employerId: employer.id } });

    // The employer drafts but cannot publish yet.
    const opening = await createOpening(employer.id, { status: "draft", workplaceId: employer.workplaces[0]!.id });
    const employerCookie = await sessionCookieFor(employerUser.id);
    const blocked = await submit(
      openingPage,
      `/arbetsgivare/annonser/${opening.id}`,
      { intent: "publish" },
      employerCookie,
      { openingId: opening.id },
    );
    expect(blocked.status).toBe(400);
    expect((blocked.value as { message: string }).message).toContain("när en coach har tagit emot er anmälan");
    expect((await db.opening.findUniqueOrThrow({ where: { id: opening.id } })).status).toBe("draft");

    // Our coach sees it on the home and week pages; theirs does not and cannot accept it.
    const ourCookie = await sessionCookieFor(ours.coach.id);
    const theirCookie = await sessionCookieFor(theirs.coach.id);
    const home = (await load(coachHome, "/coach", ourCookie)).value as {
      registrations: Array<{ companyName: string }>;
    };
    expect(home.registrations.map((r) => r.companyName)).toEqual(["Bageriet i Torget AB"]);
    const week = (await load(coachWeek, "/coach/vecka", ourCookie)).value as { registrations: unknown[] };
    expect(week.registrations).toHaveLength(1);
    const theirHome = (await load(coachHome, "/coach", theirCookie)).value as { registrations: unknown[] };
    expect(theirHome.registrations).toEqual([]);
    expect(
      (await load(registrationsPage, "/coach/nya-arbetsgivare", await sessionCookieFor(ours.employerUser.id))).status,
    ).toBe(403);
    const foreign = await submit(
      registrationsPage,
      "/coach/nya-arbetsgivare",
      { registrationId: registration.id },
      theirCookie,
    );
    expect(foreign.status).toBe(404);
    expect(await db.employerRegistration.findUniqueOrThrow({ where: { id: registration.id } })).toMatchObject({
      status: "waiting",
    });

    const accepted = await submit(
      registrationsPage,
      "/coach/nya-arbetsgivare",
      { registrationId: registration.id },
      ourCookie,
    );
    expect(accepted.status).toBe(302);
    expect(await noticeOf(accepted)).toMatch(/Du är nu kontaktperson för/);
    expect(await db.employer.findUniqueOrThrow({ where: { id: employer.id } })).toMatchObject({
      organizationId: ours.organization.id,
      contactCoachId: ours.coach.id,
    });
    const told = await db.emailOutbox.findFirstOrThrow({
      where: { to: "berit@bageriet2.example", template: "employerAccepted" },
    });
    expect(told.text).toContain(ours.coach.name);
    expect(told.text).toContain(ours.coach.email!);
    expect(told.text).toContain("036-10 20 30");
    const twice = await submit(
      registrationsPage,
      "/coach/nya-arbetsgivare",
      { registrationId: registration.id },
      ourCookie,
    );
    expect(twice.status).toBe(409);

    const published = await submit(
      openingPage,
      `/arbetsgivare/annonser/${opening.id}`,
      { intent: "publish" },
      employerCookie,
      { openingId: opening.id },
    );
    expect(published.status).toBe(302);
    expect((await db.opening.findUniqueOrThrow({ where: { id: opening.id } })).status).toBe("published");
  });

  test("an org number already in Brygga creates no duplicate and tells its contact coach; an unserved municipality is kept", async () => {
    const { coach } = await createWorld();
    const existing = await createEmployer({ contactCoachId: coach.id, name: "Kända Företaget AB" });
    const orgNumber = "556677-8899";
    await db.employer.update({ where: { id: existing.id }, data: { orgNumber } });
    const before = await counts();
    const result = await post(
      form({ orgNumber: orgNumber.replace("-", ""), contactEmail: "ny@kanda.example" }),
      "10.1.1.1",
    );
    expect(result.value).toMatchObject({ done: "exists", companyName: "Kända Företaget AB" });
    expect(await db.employer.count()).toBe(before.employers);
    expect(await db.employerRegistration.count()).toBe(before.registrations);
    const note = await db.emailOutbox.findFirstOrThrow({ where: { template: "employerAlreadyRegistered" } });
    expect(note.to).toBe(coach.email);
    expect(note.text).toContain("ny@kanda.example");

    // Kiruna (2584) is served by nobody here: a kind message, and org:list shows the waiting registration.
    const far = await post(
      form({
        orgNumber: "2021005489",
        contactEmail: "norr@far.example",
        postalCode: "981 31",
        municipalityCode: "2584",
      }),
      "10.1.1.2",
    );
    expect(far.value).toMatchObject({ done: "confirm", served: false });
  });
});

test("org:create through the service: a name that exists is refused", async () => {
  await createOrganizationWithAdmin({
    name: "Unik",
    adminEmail: "u1@x.example",
    adminName: "U",
    municipalityCodes: [],
  });
  const again = await createOrganizationWithAdmin({
    name: "UNIK",
    adminEmail: "u2@x.example",
    adminName: "U",
    municipalityCodes: [],
  });
  expect(again).toEqual({ ok: false, message: 'Det finns redan en organisation som heter "UNIK".' });
});
