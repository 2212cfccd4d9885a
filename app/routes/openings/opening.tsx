// A published opening as coaches and employers see it from the search: what, where, when, the
// environment and the accommodations on offer, and who to contact. The employer's own opening (any
// status) and openings of employers linked to a coach's organisation link to their manage pages.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { telHref } from "~/components/contact-card.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { OpeningDetails, StatusBadge } from "~/components/opening-details.tsx";
import { requireRole } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { loadOpeningDetail } from "~/utils/openings.server.ts";
import { notFound } from "~/utils/responses.server.ts";
import { formatDate } from "~/domain/swedish-time.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.opening.title ?? "Uppdrag"} – Brygga` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["coach", "admin", "employer"]);
  const detail = params.openingId ? await loadOpeningDetail(params.openingId) : null;
  if (!detail) notFound("Uppdraget finns inte.");
  const { opening, skills } = detail;
  const ownEmployer = user.role === "employer" && user.employerId === opening.employerId;
  const linkedOrganization =
    user.role !== "employer" && user.organizationId != null && user.organizationId === opening.employer.organizationId;
  // Drafts, filled and closed openings are visible only to their own people.
  if (opening.status !== "published" && !ownEmployer && !linkedOrganization) notFound("Uppdraget finns inte.");
  const employer = await db.employer.findUniqueOrThrow({
    where: { id: opening.employerId },
    select: {
      name: true,
      phone: true,
      website: true,
      description: true,
      organization: { select: { name: true } },
      contactCoach: { select: { name: true, email: true, phone: true } },
    },
  });
  const manageLink = ownEmployer
    ? `/arbetsgivare/annonser/${opening.id}`
    : linkedOrganization
      ? `/coach/arbetsgivare/${opening.employerId}/annonser/${opening.id}`
      : null;
  // The history (who did what) stays on the employer's own pages.
  const { events: _events, ...publicOpening } = opening;
  return { opening: publicOpening, skills, employer, manageLink, isStaff: user.role !== "employer" };
}

export default function OpeningView() {
  const { opening, skills, employer, manageLink, isStaff } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/uppdrag">← Sök uppdrag</Link>
      </p>
      <h1>{opening.title}</h1>
      <p>
        <strong>{employer.name}</strong> · {opening.workplace.municipality.name} <StatusBadge status={opening.status} />
        {opening.publishedAt ? <span className="muted"> · Publicerad {formatDate(opening.publishedAt)}</span> : null}
      </p>
      {manageLink || isStaff ? (
        <p className="button-row">
          {isStaff && opening.status === "published" ? (
            <Link to={`/coach/uppdrag/${opening.id}/matchning`} className="button">
              Matchande deltagare
            </Link>
          ) : null}
          {manageLink ? (
            <Link to={manageLink} className="button button--secondary">
              {isStaff ? "Hantera åt arbetsgivaren" : "Hantera annonsen"}
            </Link>
          ) : null}
        </p>
      ) : null}
      <OpeningDetails opening={opening} skills={skills} />
      <section className="panel" aria-labelledby="employer-title">
        <h2 id="employer-title">Om {employer.name}</h2>
        {employer.description ? <p className="prose">{employer.description}</p> : null}
        <ul className="plain-list">
          {employer.phone ? (
            <li>
              Telefon: <a href={telHref(employer.phone)}>{employer.phone}</a>
            </li>
          ) : null}
          {employer.website ? (
            <li>
              Webbplats:{" "}
              <a href={employer.website} rel="noopener noreferrer">
                {employer.website}
              </a>
            </li>
          ) : null}
          {isStaff && employer.organization ? (
            <li>
              Kopplad till {employer.organization.name}
              {employer.contactCoach ? (
                <>
                  , kontaktperson {employer.contactCoach.name}
                  {employer.contactCoach.email ? (
                    <>
                      {" "}
                      (<a href={`mailto:${employer.contactCoach.email}`}>{employer.contactCoach.email}</a>)
                    </>
                  ) : null}
                </>
              ) : null}
            </li>
          ) : null}
        </ul>
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
