// "Radera uppgifter": the organisation admin erases a participant's personal data on request.
// Irreversible; confirmed by typing the participant's name. Anonymous statistics are kept.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { audit } from "~/utils/audit.server.ts";
import { requireOrgAdmin as requireAdmin } from "~/utils/admin.server.ts";
import { db } from "~/utils/db.server.ts";
import { parseForm } from "~/domain/forms.ts";
import { requireOrgParticipant } from "~/utils/participants.server.ts";
import { eraseParticipantRecord } from "~/utils/privacy.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction = () => [{ title: "Radera uppgifter – Brygga" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireAdmin(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  await audit(db, {
    actorId: user.id,
    participantId: participant.id,
    action: "read",
    entity: "participant",
    detail: "Raderingssidan",
    ip: clientIp(context),
  });
  return { id: participant.id, pseudonym: participant.pseudonym };
}

const ConfirmSchema = z.object({ confirm: z.string().trim().optional() });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  const form = parseForm(ConfirmSchema, await request.formData());
  if (!form.ok || form.data.confirm !== participant.pseudonym) {
    return data(
      { errors: { confirm: [`Skriv ${participant.pseudonym} exakt så för att bekräfta.`] } },
      { status: 400 },
    );
  }
  await eraseParticipantRecord(participant.id, { actorId: user.id, ip: clientIp(context) });
  throw await redirectWithNotice(
    "/admin/arenden",
    "Deltagarens uppgifter är raderade. Bara anonym statistik finns kvar.",
  );
}

export default function EraseParticipant() {
  const { id, pseudonym } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="panel" aria-labelledby="erase-title">
      <p>
        <Link to={`/coach/deltagare/${id}`}>← Till {pseudonym}</Link>
      </p>
      <h1 id="erase-title">Radera uppgifter om {pseudonym}</h1>
      <p>Raderingen går inte att ångra. Det här händer:</p>
      <ul>
        <li>Namn, kontaktuppgifter, yrkesprofil, samtycken, kommentarer, förslag och placeringar tas bort.</li>
        <li>Deltagarens inloggning tas bort.</li>
        <li>Arbetsgivarkontakter finns kvar i loggen, men utan koppling till deltagaren.</li>
        <li>
          Kvar blir bara anonym statistik: kön, födelseår, kommun, månad för in- och utskrivning, sysselsättning och
          försörjning.
        </li>
        <li>Loggen visar att uppgifterna raderades, men inte om vem.</li>
      </ul>
      <p>
        <a href={`/coach/deltagare/${id}/export`} download>
          Exportera uppgifterna först
        </a>{" "}
        om deltagaren vill ha en kopia.
      </p>
      <ErrorSummary message={actionData ? "Raderingen gjordes inte." : null} />
      <Form method="post" className="form" noValidate>
        <Field
          label={`Skriv ${pseudonym} för att bekräfta`}
          name="confirm"
          errors={actionData?.errors.confirm}
          inputProps={{ autoComplete: "off" }}
        />
        <button type="submit" className="button button--danger">
          Radera uppgifterna
        </button>
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
