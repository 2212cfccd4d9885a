// The employer's start page: what needs an answer now, the openings with what waits at each
// (proposals, placements), the conversations with the coach, and the named contact to call.
import { currentTime } from "~/utils/clock.server.ts";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ContactCard } from "~/components/contact-card.tsx";
import { EmployerOpeningsTable } from "~/components/employer-openings-table.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ThreadList } from "~/components/thread-list.tsx";
import { employerProposalPath } from "~/domain/proposals.ts";
import { formatDuration } from "~/domain/threads.ts";
import { requireEmployerUser } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { listEmployerOpenings } from "~/utils/openings.server.ts";
import { employerProposalWhere } from "~/utils/proposals.server.ts";
import {
  listEmployerThreads,
  questionRecipient,
  recipientForEmployer,
  typicalResponseMs,
} from "~/utils/questions.server.ts";
import { registrationStatus } from "~/utils/registrations.server.ts";
import { placementNewsForEmployer } from "~/utils/support.server.ts";
import { formatDate, formatDateTime, todayDate } from "~/domain/swedish-time.ts";

export const meta: MetaFunction = () => [{ title: "Start – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const [employer, openings, threads, recipient, presented, workplaces, registration] = await Promise.all([
    db.employer.findUniqueOrThrow({ where: { id: user.employerId }, select: { name: true, organizationId: true } }),
    listEmployerOpenings(user.employerId),
    listEmployerThreads(user.employerId, user.id),
    questionRecipient(db, user.employerId),
    db.proposal.findMany({
      // Presented participants waiting for an answer, and study visits booked without a start yet.
      where: {
        ...employerProposalWhere(user.employerId),
        OR: [
          { status: "presented" },
          { status: "accepted_by_employer", visitAt: { not: null }, placement: { is: null } },
        ],
      },
      orderBy: { presentedAt: "asc" },
      select: {
        id: true,
        status: true,
        presentedAt: true,
        visitAt: true,
        participant: { select: { pseudonym: true } },
        opening: { select: { id: true, title: true } },
      },
    }),
    db.workplace.count({ where: { employerId: user.employerId } }),
    registrationStatus(user.employerId),
  ]);
  const typical = employer.organizationId ? await typicalResponseMs(employer.organizationId) : null;
  // New messages from the coach in the support threads of the employer's placements (issue 6).
  const placementNews = await placementNewsForEmployer(user.employerId, user.id);
  const today = todayDate();
  const unanswered = threads.filter((t) => t.unread > 0);
  const drafts = openings.filter((o) => o.status === "draft");
  const expired = openings.filter((o) => o.status === "published" && o.endDate && new Date(o.endDate) < today);
  return {
    employer: { name: employer.name },
    userName: user.name,
    openings: openings.filter((o) => o.status === "published" || o.status === "draft"),
    finishedCount: openings.filter((o) => o.status === "filled" || o.status === "closed").length,
    threads: threads.slice(0, 5),
    threadCount: threads.length,
    todo: {
      presented: presented
        .filter((p) => p.status === "presented")
        .map((p) => ({
          id: p.id,
          pseudonym: p.participant.pseudonym,
          presentedAt: p.presentedAt,
          openingId: p.opening.id,
          openingTitle: p.opening.title,
        })),
      visits: presented
        .filter((p) => p.status !== "presented")
        .map((p) => ({
          id: p.id,
          pseudonym: p.participant.pseudonym,
          visitAt: p.visitAt,
          openingTitle: p.opening.title,
        })),
      unanswered: unanswered.map((t) => ({ id: t.id, subject: t.subject, unread: t.unread })),
      drafts: drafts.map((o) => ({ id: o.id, title: o.title })),
      expired: expired.map((o) => ({ id: o.id, title: o.title, endDate: o.endDate })),
      noWorkplace: workplaces === 0,
    },
    recipient: recipientForEmployer(recipient),
    placementNews,
    typical,
    registration,
    now: currentTime(),
  };
}

export default function EmployerHome() {
  const {
    employer,
    openings,
    finishedCount,
    threads,
    threadCount,
    todo,
    recipient,
    typical,
    now,
    placementNews,
    registration,
  } = useLoaderData<typeof loader>();
  const todoCount =
    placementNews.length +
    todo.presented.length +
    todo.visits.length +
    todo.unanswered.length +
    todo.drafts.length +
    todo.expired.length +
    (todo.noWorkplace ? 1 : 0);
  return (
    <>
      <h1>{employer.name}</h1>
      {registration ? (
        <div className="alert" role="status">
          {registration.served
            ? `Välkommen! Er anmälan väntar på att en coach i ${registration.municipalityName} tar emot den. Ni får ett mejl med er kontaktperson. Under tiden kan ni skriva annonser som utkast – publicera går när ni har fått en kontaktperson.`
            : `Välkommen! Ännu arbetar ingen organisation i Brygga i ${registration.municipalityName} kommun. Vi har sparat er anmälan och hör av oss. Under tiden kan ni skriva annonser som utkast.`}
        </div>
      ) : null}
      <div className="grid grid--home">
        <section className="panel" aria-labelledby="todo-title">
          <h2 id="todo-title">Behöver ditt svar nu</h2>
          {todoCount === 0 ? (
            <p>Inget väntar på dig just nu.</p>
          ) : (
            <ul className="todo-list">
              {placementNews.map((p) => (
                <li key={`placement-${p.id}`}>
                  {p.unread === 1 ? "Nytt meddelande" : `${p.unread} nya meddelanden`} om{" "}
                  <Link to={`/arbetsgivare/placeringar/${p.id}`}>
                    {p.pseudonym} – {p.title}
                  </Link>
                </li>
              ))}
              {todo.presented.map((p) => (
                <li key={p.id}>
                  <Link to={employerProposalPath(p.id)}>{p.pseudonym}</Link> har presenterats för {p.openingTitle}
                  {p.presentedAt ? ` (${formatDate(p.presentedAt)})` : ""}. Er coach väntar på ert besked.
                </li>
              ))}
              {todo.visits.map((p) => (
                <li key={p.id}>
                  Studiebesök med <Link to={employerProposalPath(p.id)}>{p.pseudonym}</Link> för {p.openingTitle}
                  {p.visitAt ? ` ${formatDateTime(p.visitAt)}` : ""}. Bestäm start eller tacka nej efter besöket.
                </li>
              ))}
              {todo.unanswered.map((t) => (
                <li key={t.id}>
                  Nytt svar från coachen: <Link to={`/arbetsgivare/fragor/${t.id}`}>{t.subject}</Link>
                </li>
              ))}
              {todo.expired.map((o) => (
                <li key={o.id}>
                  Slutdatumet har passerat för <Link to={`/arbetsgivare/annonser/${o.id}`}>{o.title}</Link>. Markera den
                  som tillsatt, stäng den eller ändra datumen.
                </li>
              ))}
              {todo.drafts.map((o) => (
                <li key={o.id}>
                  Utkastet <Link to={`/arbetsgivare/annonser/${o.id}`}>{o.title}</Link> är inte publicerat.
                </li>
              ))}
              {todo.noWorkplace ? (
                <li>
                  <Link to="/arbetsgivare/arbetsplatser/ny">Lägg till en arbetsplats</Link> så att ni kan lägga upp
                  annonser.
                </li>
              ) : null}
            </ul>
          )}
        </section>
        <div>
          <ContactCard recipient={recipient} askLink />
          {typical != null ? <p className="muted">Coacherna svarar oftast inom {formatDuration(typical)}.</p> : null}
        </div>
      </div>

      <section aria-labelledby="openings-title">
        <h2 id="openings-title">Era annonser</h2>
        <p className="button-row">
          <Link to="/arbetsgivare/annonser/ny" className="button">
            Ny annons
          </Link>
          <Link to="/arbetsgivare/annonser" className="button button--secondary">
            Alla annonser{finishedCount ? ` (även ${finishedCount} avslutade)` : ""}
          </Link>
        </p>
        {openings.length === 0 ? (
          <p>
            Ni har inga aktuella annonser. Lägg upp en arbetsuppgift som behöver göras, en praktikplats eller en
            anställning.
          </p>
        ) : (
          <EmployerOpeningsTable
            openings={openings}
            caption="Aktuella annonser"
            openingsPath="/arbetsgivare/annonser"
          />
        )}
      </section>

      <section aria-labelledby="threads-title">
        <h2 id="threads-title">Frågor till coachen</h2>
        {threads.length === 0 ? (
          <p>Inga frågor ännu. Du kan fråga om vad som helst, när som helst.</p>
        ) : (
          <>
            <ThreadList threads={threads} basePath="/arbetsgivare/fragor" now={now} audience="employer" />
            {threadCount > threads.length ? (
              <p>
                <Link to="/arbetsgivare/fragor">Alla {threadCount} frågor</Link>
              </p>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
