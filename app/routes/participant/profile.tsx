// The participant's own profile in plain Swedish: what they want to work with, what they need at a
// workplace, and a place to comment or suggest changes; the coach's answers are shown here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms.tsx";
import { z } from "zod";
import { TextareaField } from "~/components/form-controls.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ProfileView } from "~/components/profile-view.tsx";
import { audit } from "~/utils/audit.server.ts";
import { requireParticipantUser } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/responses.server.ts";
import { db } from "~/utils/db.server.ts";
import { parseForm } from "~/domain/forms.ts";
import { addOwnProfileComment, loadProfile, profileLabels } from "~/utils/profiles.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { formatDateTime } from "~/domain/swedish-time.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";

export const meta: MetaFunction = () => [{ title: "Min profil – Brygga" }];

async function ownParticipant(request: Request) {
  const user = await requireParticipantUser(request);
  const participant = await db.participant.findFirst({
    where: { id: user.participantId, erasedAt: null },
    select: { id: true, pseudonym: true, coach: { select: { name: true } } },
  });
  if (!participant) notFound("Din profil finns inte längre.");
  return { user, participant };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, participant } = await ownParticipant(request);
  const { profile } = await loadProfile(participant.id);
  const [labels, comments] = await Promise.all([
    profileLabels(profile),
    db.profileComment.findMany({
      where: { participantId: participant.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        body: true,
        createdAt: true,
        replyToId: true,
        authorId: true,
        author: { select: { name: true } },
      },
    }),
  ]);
  await audit(db, {
    actorId: user.id,
    participantId: participant.id,
    action: "read",
    entity: "own-profile",
    ip: clientIp(context),
  });
  const threads = comments
    .filter((c) => !c.replyToId)
    .map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt,
      mine: c.authorId === user.id,
      author: c.authorId === user.id ? "Du" : (c.author?.name ?? "Din coach"),
      replies: comments
        .filter((r) => r.replyToId === c.id)
        .map((r) => ({
          id: r.id,
          body: r.body,
          createdAt: r.createdAt,
          author: r.authorId === user.id ? "Du" : (r.author?.name ?? "Din coach"),
        })),
    }));
  return { pseudonym: participant.pseudonym, coachName: participant.coach?.name ?? null, profile, labels, threads };
}

const CommentSchema = z.object({
  body: z
    .string({ error: "Skriv något först." })
    .trim()
    .min(1, "Skriv något först.")
    .max(1000, "Det blev för långt. Skriv högst 1000 tecken."),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, participant } = await ownParticipant(request);
  const form = parseForm(CommentSchema, await request.formData());
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  await addOwnProfileComment(user, participant.id, form.data.body, clientIp(context));
  const coach = participant.coach?.name ?? "Din coach";
  throw await redirectWithNotice(samePage(request), `Tack! ${coach} kan se det du skrev.`);
}

export default function OwnProfile() {
  const { pseudonym, coachName, profile, labels, threads } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const coach = coachName ?? "din coach";
  return (
    <div className="plain">
      <h1>Din profil, {pseudonym}</h1>
      <p className="lead">
        Här står det du och {coach} har skrivit om dig. Stämmer något inte? Skriv det längst ner på sidan.
      </p>
      <ProfileView profile={profile} labels={labels} audience="participant" />

      <section className="panel" aria-labelledby="comment-title">
        <h2 id="comment-title">Vill du ändra något?</h2>
        <p>Skriv till {coach}. Du kan skriva vad du vill ändra eller fråga något.</p>
        <ErrorSummary message={result && !result.ok ? "Det skickades inte. Läs vad som står under rutan." : null} />
        <Form method="post" noValidate>
          <TextareaField
            label="Det här vill jag säga"
            name="body"
            errors={result && !result.ok ? result.errors.body : undefined}
            textareaProps={{
              rows: 4,
              defaultValue: result && !result.ok ? String(result.values.body ?? "") : undefined,
            }}
          />
          <button
            type="submit"
            className="button button--large"
            aria-disabled={navigation.state === "submitting" || undefined}
          >
            Skicka
          </button>
        </Form>
        {threads.length > 0 ? (
          <>
            <h3>Det här har du skrivit</h3>
            <ol className="comments">
              {threads.map((c) => (
                <li key={c.id} className="comment">
                  <p className="comment__meta">
                    <strong>{c.author}</strong> <span className="muted">{formatDateTime(c.createdAt)}</span>
                  </p>
                  <p className="comment__body">{c.body}</p>
                  {c.replies.map((r) => (
                    <div key={r.id} className="comment comment--reply">
                      <p className="comment__meta">
                        <strong>{r.author} svarade</strong> <span className="muted">{formatDateTime(r.createdAt)}</span>
                      </p>
                      <p className="comment__body">{r.body}</p>
                    </div>
                  ))}
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="data-title">
        <h2 id="data-title">Dina uppgifter</h2>
        <p>Du kan ladda ner allt som står om dig i Brygga.</p>
        <p>
          <a href="/deltagare/profil/ladda-ner" className="button button--secondary button--large" download>
            Ladda ner mina uppgifter
          </a>
        </p>
        <p>Vill du att vi tar bort dina uppgifter? Säg det till {coach}.</p>
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
