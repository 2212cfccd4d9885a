// "Logg": the audit trail of participant records for the organisation admin — who read or changed
// what, and when — filterable by participant, staff member and kind of action, newest first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SelectField } from "~/components/form-controls.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { auditActions, describeAuditEvent } from "~/domain/vocab/audit.ts";
import { roles } from "~/domain/vocab/roles.ts";
import { requireOrgAdmin } from "~/utils/admin.server.ts";
import { db, type Prisma } from "~/utils/db.server.ts";
import { formatDateTime } from "~/domain/swedish-time.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Logg – Brygga" }];

const PAGE_SIZE = 50;

const FilterSchema = z.object({
  deltagare: z.string().max(40).optional().catch(undefined),
  person: z.string().max(40).optional().catch(undefined),
  handling: auditActions.schema.optional().catch(undefined),
  sida: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgAdmin(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = FilterSchema.parse(params);
  const page = filter.sida ?? 1;
  const orgScope: Prisma.AuditEventWhereInput = {
    OR: [
      { participant: { organizationId: user.organizationId } },
      { participantId: null, actor: { organizationId: user.organizationId } },
    ],
  };
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      orgScope,
      filter.deltagare ? { participantId: filter.deltagare } : {},
      filter.person ? { actorId: filter.person } : {},
      filter.handling ? { action: filter.handling } : {},
    ],
  };
  const [events, total, participants, staff] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: { at: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: {
        actor: { select: { name: true, role: true } },
        participant: { select: { id: true, pseudonym: true, erasedAt: true } },
      },
    }),
    db.auditEvent.count({ where }),
    db.participant.findMany({
      where: { organizationId: user.organizationId },
      orderBy: { pseudonym: "asc" },
      select: { id: true, pseudonym: true, erasedAt: true },
    }),
    db.user.findMany({
      where: { organizationId: user.organizationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const meetingIds = events.filter((e) => e.entity === "meeting" && e.detail).map((e) => e.detail!.split(" ")[0]!);
  const meetings = meetingIds.length
    ? await db.meeting.findMany({ where: { id: { in: meetingIds } }, select: { id: true, placementId: true } })
    : [];
  const placementOf = new Map(meetings.map((m) => [m.id, m.placementId]));
  return {
    filter: { deltagare: filter.deltagare ?? "", person: filter.person ?? "", handling: filter.handling ?? "" },
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      ...describeAuditEvent(e, (id) => placementOf.get(id) ?? null),
      ip: e.ip,
      actor: e.actor
        ? `${e.actor.name} (${roles.label(e.actor.role).toLowerCase()})`
        : e.participant
          ? "Deltagaren (konto borttaget)"
          : "Okänd",
      participant: e.participant
        ? { id: e.participant.id, pseudonym: e.participant.pseudonym, erased: Boolean(e.participant.erasedAt) }
        : null,
    })),
    participants: participants.map((p) => ({
      value: p.id,
      label: p.erasedAt ? `${p.pseudonym} (${p.id.slice(-6)})` : p.pseudonym,
    })),
    staff: staff.map((s) => ({ value: s.id, label: s.name })),
  };
}

export default function AuditLog() {
  const { events, filter, page, pages, total, participants, staff } = useLoaderData<typeof loader>();
  const link = (p: number) =>
    `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)), sida: String(p) })}`;
  return (
    <>
      <h1>Logg över deltagaruppgifter</h1>
      <p className="lead">
        Varje gång någon läser, ändrar, exporterar eller raderar uppgifter om en deltagare hamnar det här.
      </p>
      <Form method="get" className="filters panel">
        <SelectField
          label="Deltagare"
          name="deltagare"
          placeholder="Alla"
          options={participants}
          selectProps={{ defaultValue: filter.deltagare }}
        />
        <SelectField
          label="Person"
          name="person"
          placeholder="Alla"
          options={staff}
          selectProps={{ defaultValue: filter.person }}
        />
        <SelectField
          label="Handling"
          name="handling"
          placeholder="Alla"
          options={auditActions.options}
          selectProps={{ defaultValue: filter.handling }}
        />
        <button type="submit" className="button button--secondary">
          Visa
        </button>
      </Form>
      <p>
        {total} händelser{pages > 1 ? `, sida ${page} av ${pages}` : ""}.
      </p>
      <TableRegion label="Logghändelser">
        <table className="table">
          <caption className="visually-hidden">Logghändelser, nyast först</caption>
          <thead>
            <tr>
              <th scope="col">När</th>
              <th scope="col">Vem</th>
              <th scope="col">Handling</th>
              <th scope="col">Vad</th>
              <th scope="col">Deltagare</th>
              <th scope="col">IP-adress</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td>{auditActions.label(e.action)}</td>
                <td>
                  {e.what}
                  {e.detail ? <span className="muted"> – {e.detail}</span> : null}
                  {e.link ? (
                    <>
                      {" "}
                      <Link to={e.link.to}>{e.link.text}</Link>
                    </>
                  ) : null}
                </td>
                <td>
                  {e.participant ? (
                    e.participant.erased ? (
                      <span className="muted">Raderad</span>
                    ) : (
                      <Link to={`/coach/deltagare/${e.participant.id}`}>{e.participant.pseudonym}</Link>
                    )
                  ) : (
                    "–"
                  )}
                </td>
                <td>{e.ip ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {pages > 1 ? (
        <nav aria-label="Sidor" className="pager">
          {page > 1 ? <Link to={link(page - 1)}>← Nyare</Link> : null}{" "}
          {page < pages ? <Link to={link(page + 1)}>Äldre →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
