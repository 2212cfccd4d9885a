// One of the employer's openings: its content, what waits (proposals, placements), the actions its
// status allows (publish, edit, mark filled, close with a reason, duplicate) and its history —
// who did what, and whether a coach did it on the employer's behalf.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { EmployerScopeHeader } from "~/components/employer-scope.tsx";
import { SelectField, TextareaField } from "~/components/form-controls.tsx";
import { ErrorSummary } from "~/components/forms.tsx";
import { OpeningDetails, StatusBadge } from "~/components/opening-details.tsx";
import { canDo, closeReasons, LIMITS, openingEventActions } from "~/domain/openings.ts";
import { coachProposalPath, employerProposalPath, employerStatusText } from "~/domain/proposals.ts";
import { roles } from "~/domain/vocab/roles.ts";
import { db } from "~/utils/db.server.ts";
import { requireEmployerScope, scopeForClient } from "~/utils/employer-access.server.ts";
import { choice, optionalText, parseFields } from "~/domain/form-rules.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import {
  closeOpening,
  duplicateOpening,
  loadOpeningDetail,
  markOpeningFilled,
  publishOpening,
  requireOpening,
  type TransitionResult,
} from "~/utils/openings.server.ts";
import { employerProposalWhere } from "~/utils/proposals.server.ts";
import { notFound } from "~/utils/responses.server.ts";
import { formatDate, formatDateTime } from "~/domain/swedish-time.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.opening.title ?? "Annons"} – Brygga` },
];

const notices = {
  publicerad: "Annonsen är publicerad. Coacher kan nu hitta den i sökningen.",
  tillsatt: "Annonsen är markerad som tillsatt och syns inte längre i sökningen.",
  stangd: "Annonsen är stängd och syns inte längre i sökningen.",
  kopia: "Det här är en kopia, sparad som utkast. Ändra det som behövs och publicera.",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  const own = await requireOpening(scope, params.openingId);
  const detail = await loadOpeningDetail(own.id);
  if (!detail) notFound("Annonsen finns inte.");
  const { opening, skills } = detail;
  const presented = await db.proposal.findMany({
    where: { ...employerProposalWhere(scope.employerId), openingId: own.id },
    orderBy: { presentedAt: "desc" },
    select: {
      id: true,
      status: true,
      presentedAt: true,
      visitAt: true,
      participant: { select: { pseudonym: true } },
      placement: { select: { startDate: true } },
    },
  });
  return {
    presented: presented.map((p) => ({
      id: p.id,
      pseudonym: p.participant.pseudonym,
      presentedAt: p.presentedAt,
      waiting: p.status === "presented",
      statusText: employerStatusText(
        { status: p.status, visitAt: p.visitAt, placementStart: p.placement?.startDate ?? null },
        { date: formatDate, dateTime: formatDateTime },
      ),
    })),
    scope: scopeForClient(scope),
    opening: {
      ...opening,
      events: opening.events.map((e) => ({
        id: e.id,
        action: e.action,
        detail: e.detail,
        onBehalf: e.onBehalf,
        createdAt: e.createdAt,
        who: e.user ? `${e.user.name} (${roles.label(e.user.role)})` : "Okänd",
      })),
    },
    skills,
    proposalsWaiting: opening._count.proposals,
    activePlacements: opening._count.placements,
  };
}

const closeShape = {
  reason: choice(closeReasons.schema, "Välj varför annonsen stängs."),
  detail: optionalText("kommentaren", LIMITS.closeDetail),
};

const intentSchema = z.enum(["publish", "fill", "close", "duplicate"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  const opening = await requireOpening(scope, params.openingId);
  const values = formValues(await request.formData());
  const intent = intentSchema.safeParse(values.intent);
  if (!intent.success)
    return data({ intent: null, errors: {} as FieldErrors, message: "Okänd åtgärd." }, { status: 400 });
  const base = `${scope.basePath}/annonser`;

  let result: TransitionResult;
  let notice: keyof typeof notices;
  switch (intent.data) {
    case "publish":
      result = await publishOpening(scope, opening.id);
      notice = "publicerad";
      break;
    case "fill":
      result = await markOpeningFilled(scope, opening.id);
      notice = "tillsatt";
      break;
    case "close": {
      const form = parseFields(closeShape, values);
      if (!form.ok) return data({ intent: "close", errors: form.errors, message: null }, { status: 400 });
      result = await closeOpening(scope, opening.id, { code: form.data.reason, detail: form.data.detail });
      notice = "stangd";
      break;
    }
    case "duplicate":
      result = await duplicateOpening(scope, opening.id);
      if (result.ok) throw await redirectWithNotice(`${base}/${result.openingId}/redigera`, notices.kopia);
      notice = "kopia";
      break;
  }
  if (!result.ok)
    return data({ intent: intent.data, errors: {} as FieldErrors, message: result.message }, { status: result.status });
  throw await redirectWithNotice(`${base}/${opening.id}`, notices[notice]);
}

export default function OpeningPage() {
  const { scope, opening, skills, proposalsWaiting, activePlacements, presented } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const base = `${scope.basePath}/annonser`;
  const closeErrors = actionData?.intent === "close" ? actionData.errors : {};
  return (
    <>
      <EmployerScopeHeader scope={scope} />
      <p className="breadcrumb">
        <Link to={base}>← Alla annonser</Link>
      </p>
      <h1>{opening.title}</h1>
      <p>
        <StatusBadge status={opening.status} />{" "}
        {opening.status === "published" && opening.publishedAt ? (
          <span className="muted">Publicerad {formatDate(opening.publishedAt)}</span>
        ) : null}
        {(opening.status === "closed" || opening.status === "filled") && opening.closedAt ? (
          <span className="muted">
            {opening.status === "closed" ? "Stängd" : "Tillsatt"} {formatDate(opening.closedAt)}
            {opening.closeReason ? ` – ${closeReasons.label(opening.closeReason)}` : ""}
          </span>
        ) : null}
      </p>
      <ErrorSummary message={actionData?.message} />

      <div className="grid">
        <div className="panel">
          <h2>Förslag som väntar på er</h2>
          <p className="lead">{proposalsWaiting}</p>
          <p className="muted">Deltagare som har sagt ja och som coachen presenterar för er.</p>
        </div>
        <div className="panel">
          <h2>Pågående placeringar</h2>
          <p className="lead">{activePlacements}</p>
        </div>
      </div>

      {presented.length > 0 ? (
        <section className="panel" aria-labelledby="presented-title">
          <h2 id="presented-title">Presenterade deltagare</h2>
          <ul className="plain-list stack">
            {presented.map((p) => (
              <li key={p.id}>
                <Link to={scope.onBehalf ? coachProposalPath(p.id) : employerProposalPath(p.id)}>{p.pseudonym}</Link> –{" "}
                {p.waiting ? <strong>{p.statusText}</strong> : p.statusText}
                {p.presentedAt ? <span className="muted"> (presenterad {formatDate(p.presentedAt)})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="actions-title">
        <h2 id="actions-title">Vad vill du göra?</h2>
        <div className="button-row">
          {canDo("publish", opening.status) ? (
            <Form method="post">
              <button type="submit" name="intent" value="publish" className="button" aria-disabled={busy || undefined}>
                Publicera
              </button>
            </Form>
          ) : null}
          {canDo("edit", opening.status) ? (
            <Link to={`${base}/${opening.id}/redigera`} className="button button--secondary">
              Ändra
            </Link>
          ) : null}
          {canDo("fill", opening.status) ? (
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="fill"
                className="button button--secondary"
                aria-disabled={busy || undefined}
              >
                Markera som tillsatt
              </button>
            </Form>
          ) : null}
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value="duplicate"
              className="button button--secondary"
              aria-disabled={busy || undefined}
            >
              Gör en kopia
            </button>
          </Form>
        </div>
        {opening.status === "draft" ? (
          <p className="muted">Utkastet syns bara för er och er coach tills du publicerar det.</p>
        ) : null}
        {canDo("close", opening.status) ? (
          <details className="close-opening" open={actionData?.intent === "close" ? true : undefined}>
            <summary>Stäng annonsen</summary>
            <Form method="post" className="form" noValidate>
              <p>En stängd annons syns inte i sökningen. Det du skriver hjälper er coach att förstå vad som hände.</p>
              <SelectField
                label="Varför stängs annonsen?"
                name="reason"
                placeholder="Välj skäl"
                options={closeReasons.options}
                errors={closeErrors.reason}
              />
              <TextareaField
                label="Kommentar (valfritt)"
                name="detail"
                errors={closeErrors.detail}
                textareaProps={{ rows: 3 }}
              />
              <button
                type="submit"
                name="intent"
                value="close"
                className="button button--danger"
                aria-disabled={busy || undefined}
              >
                Stäng annonsen
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      <OpeningDetails opening={opening} skills={skills} />

      <h2>Historik</h2>
      <ol className="history">
        {opening.events.map((e) => (
          <li key={e.id}>
            <time dateTime={new Date(e.createdAt).toISOString()}>{formatDateTime(e.createdAt)}</time> –{" "}
            {openingEventActions.label(e.action)}
            {e.detail ? `: ${e.detail}` : ""}. <span className="muted">{e.who}</span>
            {e.onBehalf ? <span className="badge">För arbetsgivarens räkning</span> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
