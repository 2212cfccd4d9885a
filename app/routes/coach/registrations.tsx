// "Nya arbetsgivare": employers in the organisation's municipalities who registered themselves and
// wait for a coach. The coach who accepts becomes their contact coach (the employer is told).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ActionError } from "~/components/forms.tsx";
import { formatPostalCode } from "~/domain/employers.ts";
import { formatDate } from "~/domain/swedish-time.ts";
import { formValues } from "~/domain/forms.ts";
import { sectors } from "~/domain/vocab/openings.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { acceptRegistration, waitingRegistrations } from "~/utils/registrations.server.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";

export const meta: MetaFunction = () => [{ title: "Nya arbetsgivare – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  return { registrations: await waitingRegistrations(user.organizationId) };
}

const acceptSchema = z.object({ registrationId: z.string().min(1).max(64) });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const parsed = acceptSchema.safeParse(formValues(await request.formData()));
  if (!parsed.success) return data({ ok: false as const, message: "Välj en anmälan." }, { status: 400 });
  const result = await acceptRegistration(user, parsed.data.registrationId, clientIp(context));
  if (!result.ok) return data({ ok: false as const, message: result.message }, { status: 409 });
  throw await redirectWithNotice(
    samePage(request),
    `Du är nu kontaktperson för ${result.companyName}. De har fått ett mejl med dina kontaktuppgifter.`,
    { link: { to: `/coach/arbetsgivare/${result.employerId}/foretaget`, text: "Till arbetsgivaren" } },
  );
}

export default function Registrations() {
  const { registrations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>Nya arbetsgivare</h1>
      <p className="lead">
        Arbetsgivare i era kommuner som har anmält sig själva. Den som tar emot en anmälan blir arbetsgivarens
        kontaktperson.
      </p>
      <ActionError result={result} />
      {registrations.length === 0 ? (
        <p>Inga anmälningar väntar.</p>
      ) : (
        <ul className="plain-list">
          {registrations.map((r) => (
            <li key={r.id} className="panel">
              <h2>{r.companyName}</h2>
              <dl className="facts">
                <dt>Organisationsnummer</dt>
                <dd>{r.orgNumber}</dd>
                <dt>Sektor</dt>
                <dd>{sectors.label(r.sector)}</dd>
                <dt>Arbetsplats</dt>
                <dd>
                  {r.street}, {formatPostalCode(r.postalCode)} ({r.municipalityName})
                </dd>
                <dt>Kontaktperson</dt>
                <dd>
                  {r.contactName}, <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a>
                  {r.contactPhone ? `, ${r.contactPhone}` : ""}
                </dd>
                <dt>Kan erbjuda</dt>
                <dd>{r.offer}</dd>
                <dt>Anmäld</dt>
                <dd>{r.confirmedAt ? formatDate(r.confirmedAt) : "–"}</dd>
              </dl>
              <Form method="post">
                <input type="hidden" name="registrationId" value={r.id} />
                <button type="submit" className="button" aria-disabled={busy || undefined}>
                  Ta emot {r.companyName}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
