// The operator's commands for coaching organisations (issue 11, docs/product-rules.md#organisation-onboarding):
//
//   npm run org:create -- --name "<organisation>" --admin <email> [--admin-name "<name>"]
//                         [--municipalities 0680,0684,…]
//   npm run org:list
//
// org:create checks everything first and then creates the organisation, its service area and its
// first admin in one transaction, with the admin's invitation (a sign-in link) in the email outbox;
// it then tries to deliver the mail at once (local mailbox or SMTP) — what it cannot deliver now,
// the app's outbox worker sends later. Exit codes: 0 done, 2 bad input (nothing created), 1 failure.
import { parseArgs } from "node:util";
import { z } from "zod";
import { fields } from "../app/domain/forms.ts";
import { municipalityCodeField } from "../app/domain/onboarding.ts";

const USAGE = `Användning:
  npm run org:create -- --name "<organisation>" --admin <e-post> [--admin-name "<namn>"] [--municipalities 0680,0684]
  npm run org:list`;

function fail(message: string, code = 2): never {
  process.stderr.write(`Fel: ${message}\n`);
  process.exit(code);
}

const [command, ...rest] = process.argv.slice(2);
if (command !== "create" && command !== "list") fail(`okänt kommando. ${USAGE}`);

let args: Record<string, string | boolean | undefined> = {};
try {
  args = parseArgs({
    args: rest,
    options: {
      name: { type: "string" },
      admin: { type: "string" },
      "admin-name": { type: "string" },
      municipalities: { type: "string" },
      help: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const CreateSchema = z.object({
  name: z
    .string({ error: "ange organisationens namn med --name." })
    .trim()
    .min(2, "organisationens namn (--name) får inte vara tomt.")
    .max(120, "organisationens namn får vara högst 120 tecken."),
  admin: z.string({ error: "ange administratörens e-postadress med --admin." }).pipe(fields.email()),
  adminName: z.string().trim().max(100, "--admin-name får vara högst 100 tecken.").optional(),
  municipalities: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .pipe(z.array(municipalityCodeField, { error: "kommunkoder är fyra siffror, till exempel 0680,0684." })),
});

if (command === "create") {
  const input = CreateSchema.safeParse({
    name: args.name,
    admin: args.admin,
    adminName: typeof args["admin-name"] === "string" ? args["admin-name"] : undefined,
    municipalities: args.municipalities,
  });
  if (!input.success) {
    const issue = input.error.issues[0]!;
    const message =
      issue.path[0] === "admin" && args.admin !== undefined
        ? `"${String(args.admin)}" är ingen giltig e-postadress (--admin).`
        : issue.path[0] === "municipalities"
          ? "kommunkoder är fyra siffror med komma emellan, till exempel --municipalities 0680,0684."
          : issue.message;
    fail(message);
  }
  const { name, admin, adminName, municipalities } = input.data;
  // The database client is loaded only after the input is checked (and DATABASE_URL is settled).
  const { db } = await import("../app/utils/db.server.ts");
  const { createOrganizationWithAdmin } = await import("../app/utils/organizations.server.ts");
  const { sendDueEmails } = await import("../emails/outbox.server.ts");
  try {
    const result = await createOrganizationWithAdmin({
      name,
      adminEmail: admin,
      adminName: adminName || admin.split("@")[0]!,
      municipalityCodes: [...new Set(municipalities)],
    });
    if (!result.ok) fail(result.message);
    const sent = await sendDueEmails().catch(() => null);
    process.stdout.write(
      `Organisationen "${name}" är skapad (id ${result.organizationId}), med ${admin} som administratör.\n` +
        (sent && sent.sent > 0
          ? `Inbjudan med inloggningslänk är skickad till ${admin}.\n`
          : `Inbjudan till ${admin} ligger i utkorgen och skickas när Brygga kör.\n`),
    );
  } catch (error) {
    process.stderr.write(`Fel: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
} else {
  const { db } = await import("../app/utils/db.server.ts");
  const { operatorOverview } = await import("../app/utils/organizations.server.ts");
  const { organizations, waitingRegistrations } = await operatorOverview();
  const rows = [
    ["Organisation", "Kommuner", "Admin", "Coacher", "Inbjudna", "Deltagare", "Arbetsgivare"],
    ...organizations.map((o) => [
      o.name,
      o.municipalities.join(",") || "–",
      String(o.admins),
      String(o.coaches),
      String(o.pendingInvitations),
      String(o.participants),
      String(o.employers),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    process.stdout.write(
      `${r
        .map((c, i) => c.padEnd(widths[i]!))
        .join("  ")
        .trimEnd()}\n`,
    );
  process.stdout.write(`\n${organizations.length} organisationer.\n`);
  process.stdout.write(`\nArbetsgivare som väntar på en coach: ${waitingRegistrations.length}\n`);
  for (const r of waitingRegistrations)
    process.stdout.write(
      `  ${r.companyName} (${r.orgNumber}), ${r.municipality}${r.served ? "" : " – ingen organisation arbetar i kommunen"}\n`,
    );
  await db.$disconnect();
}
