// One meeting of a placement for the coach: time, place and invitees; notes and "genomfört"; agreed
// actions with owner and due date (done or overdue); a new time (the invitees' calendars update);
// cancelling (the invitees get a cancellation).
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CheckboxField, kept, TextareaField } from "~/components/form-controls.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Field } from "~/components/forms.tsx";
import { MeetingForm } from "~/components/meeting-form.tsx";
import { MeetingStateBadge, MeetingWhere } from "~/components/placement-parts.tsx";
import {
  actionOverdue,
  actionShape,
  meetingKinds,
  meetingState,
  notesShape,
  parseMeeting,
  supportPaths,
} from "~/domain/support.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { parseFields } from "~/domain/form-rules.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import {
  addMeetingAction,
  cancelMeeting,
  chooseAttendees,
  inviteOptions,
  recordMeetingNotes,
  requireMeeting,
  rescheduleMeeting,
  setActionDone,
} from "~/utils/meetings.server.ts";
import { readAttendees, requirePlacement } from "~/utils/support.server.ts";
import { dayKey, formatDate, formatDateTime, swedishInputs } from "~/domain/swedish-time.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? meetingKinds.label(data.meeting.kind) : "Möte"} – Brygga` },
];

const notices = {
  flyttat: "Mötet har en ny tid. De inbjudna har fått ett mejl med den nya tiden.",
  installt: "Mötet är inställt. De inbjudna har fått ett mejl som tar bort det ur kalendern.",
  anteckningar: "Anteckningarna är sparade.",
  atgard: "Åtgärden är sparad.",
  klar: "Åtgärden är uppdaterad.",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const placement = await requirePlacement(user, params.placementId, "staff");
  const meeting = await requireMeeting(placement, params.meetingId);
  const now = currentTime();
  const attendees = readAttendees(meeting.attendees);
  const options = await inviteOptions(placement);
  const start = swedishInputs(meeting.scheduledAt);
  return {
    placement: {
      id: placement.id,
      pseudonym: placement.participant.pseudonym,
      title: placement.opening.title,
      ended: placement.status === "ended",
      supervisorName: placement.supervisorName,
      coachName: placement.participant.coach?.name ?? null,
    },
    meeting: {
      id: meeting.id,
      kind: meeting.kind,
      scheduledAt: meeting.scheduledAt,
      durationMin: meeting.durationMin,
      place: meeting.place,
      videoLink: meeting.videoLink,
      phone: meeting.phone,
      agenda: meeting.agenda,
      status: meeting.status,
      state: meetingState(meeting, now),
      notes: meeting.notes,
      doneAt: meeting.doneAt,
      createdBy: meeting.createdBy?.name ?? null,
      attendees: attendees.map((a) => ({ name: a.name, email: a.email })),
      actions: meeting.actions.map((a) => ({
        id: a.id,
        text: a.text,
        owner: a.owner,
        dueDate: a.dueDate,
        doneAt: a.doneAt,
        overdue: actionOverdue(a, now),
      })),
    },
    inviteOptions: options.map((o) => ({ value: o.value, label: `${o.label} – ${o.email}` })),
    moveDefaults: {
      kind: meeting.kind,
      date: start.date,
      time: start.time,
      durationMin: String(meeting.durationMin),
      place: meeting.place ?? "",
      videoLink: meeting.videoLink ?? "",
      phone: meeting.phone ?? "",
      agenda: meeting.agenda ?? "",
      invite: options
        .filter(
          (o) =>
            attendees.some((a) => a.email.toLowerCase() === o.email.toLowerCase()) && o.value !== `coach:${user.id}`,
        )
        .map((o) => o.value),
    },
    today: dayKey(now),
  };
}

type Result = { intent: string; errors: FieldErrors; values: Record<string, string | string[]>; message?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const placement = await requirePlacement(user, params.placementId, "staff");
  const meeting = await requireMeeting(placement, params.meetingId);
  const values = formValues(await request.formData());
  const intent = typeof values.intent === "string" ? values.intent : "";
  const fail = (errors: FieldErrors, message?: string) =>
    data<Result>({ intent, errors, values, message }, { status: 400 });
  const done = (what: keyof typeof notices) =>
    redirectWithNotice(supportPaths.coachMeeting(placement.id, meeting.id), notices[what]);

  switch (intent) {
    case "notes": {
      if (meeting.status === "cancelled") return fail({}, "Mötet är inställt.");
      const form = parseFields(notesShape, values);
      if (!form.ok) return fail(form.errors);
      await recordMeetingNotes(user, placement, meeting, form.data);
      throw await done("anteckningar");
    }
    case "action": {
      if (meeting.status === "cancelled") return fail({}, "Mötet är inställt.");
      const form = parseFields(actionShape, values);
      if (!form.ok) return fail(form.errors);
      await addMeetingAction(user, placement, meeting, form.data);
      throw await done("atgard");
    }
    case "action-done":
    case "action-undo": {
      const actionId = typeof values.actionId === "string" ? values.actionId : undefined;
      await setActionDone(user, placement, meeting, actionId ?? "", intent === "action-done");
      throw await done("klar");
    }
    case "move": {
      if (meeting.status !== "planned" || placement.status === "ended")
        return fail({}, "Bara ett planerat möte kan flyttas.");
      const form = parseMeeting(values);
      if (!form.ok) return fail(form.errors);
      const chosen = chooseAttendees(await inviteOptions(placement), form.data.invite, {
        id: user.id,
        name: user.name,
        email: user.email,
      });
      if (!chosen.ok) return fail({ invite: ["Välj bland dem som kan bjudas in."] });
      await rescheduleMeeting(user, placement, meeting, form.data, chosen.attendees);
      throw await done("flyttat");
    }
    case "cancel": {
      if (meeting.status !== "planned") return fail({}, "Bara ett planerat möte kan ställas in.");
      await cancelMeeting(user, placement, meeting);
      throw await done("installt");
    }
    default:
      return fail({}, "Okänd åtgärd.");
  }
}

export default function CoachMeeting() {
  const { placement, meeting, inviteOptions, moveDefaults, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const valuesFor = (intent: string) => (actionData?.intent === intent ? actionData.values : undefined);
  const planned = meeting.status === "planned";
  const ownerSuggestions = [
    "Coach",
    "Handledare",
    "Deltagare",
    placement.coachName,
    placement.supervisorName,
    placement.pseudonym,
  ].filter((x): x is string => Boolean(x));
  return (
    <>
      <p className="breadcrumb">
        <Link to={supportPaths.coachPlacement(placement.id)}>
          ← {placement.pseudonym} – {placement.title}
        </Link>
      </p>
      <h1>
        {meetingKinds.label(meeting.kind)} {formatDateTime(meeting.scheduledAt)}{" "}
        <MeetingStateBadge state={meeting.state} />
      </h1>
      {actionData?.message ? (
        <p className="alert alert--error" role="alert">
          {actionData.message}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="meeting-title">
        <h2 id="meeting-title">Mötet</h2>
        <MeetingWhere meeting={meeting} />
        {meeting.agenda ? (
          <p>
            <strong>Dagordning:</strong> {meeting.agenda}
          </p>
        ) : null}
        <p>
          <strong>Inbjudna:</strong>{" "}
          {meeting.attendees.length > 0 ? meeting.attendees.map((a) => a.name).join(", ") : "Ingen"}
        </p>
        {meeting.createdBy ? <p className="muted">Bokat av {meeting.createdBy}.</p> : null}
        {meeting.doneAt ? <p className="muted">Genomfört {formatDate(meeting.doneAt)}.</p> : null}
      </section>

      {meeting.status !== "cancelled" ? (
        <section className="panel" aria-labelledby="notes-title">
          <h2 id="notes-title">Anteckningar</h2>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="notes" />
            <TextareaField
              label="Vad kom ni fram till?"
              name="notes"
              hint="Arbetsgivaren ser anteckningarna från trepartssamtal. Skriv inga hälsouppgifter."
              errors={errorsFor("notes")?.notes}
              textareaProps={{ rows: 5, defaultValue: kept(valuesFor("notes"), "notes", meeting.notes) }}
            />
            {meeting.status !== "done" ? (
              <CheckboxField
                label="Mötet är genomfört"
                name="done"
                hint="Nästa uppföljning planeras då enligt stödplanen."
                defaultChecked={
                  valuesFor("notes") ? kept(valuesFor("notes"), "done") === "on" : meeting.state === "overdue"
                }
              />
            ) : null}
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              Spara anteckningar
            </button>
          </Form>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="actions-title">
        <h2 id="actions-title">Överenskomna åtgärder</h2>
        {meeting.actions.length === 0 ? <p className="muted">Inga åtgärder ännu.</p> : null}
        <ul className="entry-list">
          {meeting.actions.map((a) => (
            <li key={a.id} className="entry">
              <p>
                <strong>{a.text}</strong> – ansvarig: {a.owner}
                {a.dueDate ? `, senast ${formatDate(a.dueDate)}` : ""}{" "}
                {a.doneAt ? (
                  <span className="badge badge--success">Klar</span>
                ) : a.overdue ? (
                  <span className="badge badge--danger">Försenad</span>
                ) : (
                  <span className="badge badge--muted">Pågår</span>
                )}
              </p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="actionId" value={a.id} />
                <button
                  type="submit"
                  name="intent"
                  value={a.doneAt ? "action-undo" : "action-done"}
                  className="button button--secondary"
                  aria-disabled={busy || undefined}
                  aria-label={`${a.doneAt ? "Markera som inte klar" : "Markera som klar"}: ${a.text}`}
                >
                  {a.doneAt ? "Markera som inte klar" : "Markera som klar"}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        {meeting.status !== "cancelled" ? (
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="action" />
            <h3>Ny åtgärd</h3>
            <Field
              label="Vad ska göras?"
              name="text"
              errors={errorsFor("action")?.text}
              inputProps={{ defaultValue: kept(valuesFor("action"), "text", ""), maxLength: 300 }}
            />
            <Field
              label="Vem ansvarar?"
              name="owner"
              hint="Till exempel Handledare, Coach eller Deltagare."
              errors={errorsFor("action")?.owner}
              inputProps={{
                defaultValue: kept(valuesFor("action"), "owner", ""),
                list: "owner-suggestions",
                maxLength: 80,
              }}
            />
            <datalist id="owner-suggestions">
              {ownerSuggestions.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
            <Field
              label="Klart senast"
              name="dueDate"
              errors={errorsFor("action")?.dueDate}
              inputProps={{ type: "date", defaultValue: kept(valuesFor("action"), "dueDate", ""), min: today }}
            />
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              Lägg till åtgärden
            </button>
          </Form>
        ) : null}
      </section>

      {planned && !placement.ended ? (
        <>
          <details className="panel" open={actionData?.intent === "move"}>
            <summary>Ändra tid, plats eller inbjudna</summary>
            <MeetingForm
              defaults={moveDefaults}
              inviteOptions={inviteOptions}
              errors={errorsFor("move")}
              values={valuesFor("move")}
              busy={busy}
              submitLabel="Spara och skicka ny tid"
              intent="move"
            />
          </details>
          <Form method="post" className="inline-form">
            <button
              type="submit"
              name="intent"
              value="cancel"
              className="button button--danger"
              aria-disabled={busy || undefined}
            >
              Ställ in mötet
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
