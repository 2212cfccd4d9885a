// A coach creates a one-time sign-in code for a participant who has no email, to hand over in person.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { audit } from "~/utils/audit.server.ts";
import { CODE_LIFETIME_HOURS } from "~/domain/sign-in-rules.ts";
import { issueParticipantCode, requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { ensureParticipantAccount } from "~/utils/participants.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { notFound } from "~/utils/responses.server.ts";
import { formatDateTime } from "~/domain/swedish-time.ts";

export const meta: MetaFunction = () => [{ title: "Inloggningskod – Brygga" }];

/** The participant, when it belongs to the staff member's organisation; otherwise 404. */
async function findParticipant(participantId: string | undefined, organizationId: string) {
  const participant = await db.participant.findFirst({
    where: { id: participantId ?? "", organizationId, erasedAt: null },
    select: { id: true, pseudonym: true, userId: true, user: { select: { email: true } } },
  });
  if (!participant) notFound("Deltagaren finns inte.");
  return participant;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await findParticipant(params.participantId, user.organizationId);
  return { pseudonym: participant.pseudonym, hasEmail: Boolean(participant.user?.email) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await findParticipant(params.participantId, user.organizationId);
  const participantUserId = await ensureParticipantAccount(participant);
  const { code, expiresAt } = await issueParticipantCode(participantUserId, user.id);
  await audit(db, {
    actorId: user.id,
    participantId: participant.id,
    action: "create",
    entity: "sign-in-code",
    ip: clientIp(context),
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

export default function ParticipantSignInCode() {
  const { pseudonym, hasEmail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="panel" aria-labelledby="code-title">
      <p>
        <Link to="/coach">← Till översikten</Link>
      </p>
      <h1 id="code-title">Inloggningskod för {pseudonym}</h1>
      {hasEmail ? <p className="alert">{pseudonym} har e-post och kan också logga in med en länk.</p> : null}
      {result ? (
        <div className="stack" role="status">
          <p>
            Ge koden till {pseudonym}. Den fungerar en gång och gäller till {formatDateTime(result.expiresAt)}.
          </p>
          <p className="code-display">{result.code}</p>
          <p>
            {pseudonym} loggar in på sidan <strong>Logga in med kod</strong> (/logga-in/kod).
          </p>
        </div>
      ) : (
        <>
          <p>
            Koden gäller i {CODE_LIFETIME_HOURS} timmar och fungerar en gång. Om du skapar en ny kod slutar den gamla
            att fungera.
          </p>
          <Form method="post">
            <button type="submit" className="button">
              Skapa kod
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
