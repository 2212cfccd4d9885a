// Book a follow-up or a three-party meeting for a placement; the invitees get an email with a
// calendar file (.ics) through the outbox.
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { MeetingForm } from "~/components/meeting-form.tsx";
import { parseMeeting, supportPaths } from "~/domain/support.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import { chooseAttendees, defaultInvites, inviteOptions, scheduleMeeting } from "~/utils/meetings.server.ts";
import { requirePlacement } from "~/utils/support.server.ts";
import { addDays, swedishInputs } from "~/domain/swedish-time.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction = () => [{ title: "Boka möte – Brygga" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const placement = await requirePlacement(user, params.placementId, "staff");
  if (placement.status === "ended") throw redirect(supportPaths.coachPlacement(placement.id));
  const options = await inviteOptions(placement);
  const kind = new URL(request.url).searchParams.get("typ") === "uppfoljning" ? "follow_up" : "three_party";
  const next = swedishInputs(addDays(currentTime(), 7));
  return {
    placement: { id: placement.id, pseudonym: placement.participant.pseudonym, title: placement.opening.title },
    inviteOptions: options.map((o) => ({ value: o.value, label: `${o.label} – ${o.email}` })),
    defaults: {
      kind,
      date: next.date,
      time: "10:00",
      durationMin: kind === "three_party" ? "60" : "30",
      place: placement.opening.workplace
        ? `${placement.opening.workplace.name}, ${placement.opening.workplace.street}`
        : "",
      videoLink: "",
      phone: "",
      agenda: kind === "three_party" ? "Hur har det gått? Vad fungerar, vad behöver ändras? Nästa steg." : "",
      invite: defaultInvites(options, kind, user.id),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const placement = await requirePlacement(user, params.placementId, "staff");
  const values = formValues(await request.formData());
  if (placement.status === "ended")
    return data(
      { errors: { kind: ["Stödet är avslutat. Inga nya möten kan bokas."] } as FieldErrors, values },
      { status: 400 },
    );
  const form = parseMeeting(values);
  if (!form.ok) return data({ errors: form.errors, values }, { status: 400 });
  const options = await inviteOptions(placement);
  const chosen = chooseAttendees(options, form.data.invite, { id: user.id, name: user.name, email: user.email });
  if (!chosen.ok)
    return data({ errors: { invite: ["Välj bland dem som kan bjudas in."] } as FieldErrors, values }, { status: 400 });
  const meeting = await scheduleMeeting(user, placement, form.data, chosen.attendees);
  throw await redirectWithNotice(
    supportPaths.coachMeeting(placement.id, meeting.id),
    "Mötet är bokat och inbjudan skickad med en kalenderfil.",
  );
}

export default function NewMeeting() {
  const { placement, inviteOptions, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <p className="breadcrumb">
        <Link to={supportPaths.coachPlacement(placement.id)}>
          ← {placement.pseudonym} – {placement.title}
        </Link>
      </p>
      <h1>Boka möte</h1>
      <p>
        Ett trepartssamtal är deltagaren, handledaren och du. En uppföljning kan vara med arbetsgivaren, deltagaren
        eller båda.
      </p>
      <section className="panel">
        <MeetingForm
          defaults={defaults}
          inviteOptions={inviteOptions}
          errors={actionData?.errors}
          values={actionData?.values}
          busy={navigation.state === "submitting"}
          submitLabel="Boka och skicka inbjudan"
        />
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
