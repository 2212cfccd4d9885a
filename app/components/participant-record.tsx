// The parts of the coach's page for one participant (app/routes/coach/participant.tsx): profile
// comments with answers, the profile checklist, facts, consents, employer contacts and phase history.
import { Form, Link, type useLoaderData } from "@remix-run/react";
import { kept, SelectField, TextareaField } from "~/components/form-controls.tsx";
import { Field } from "~/components/forms.tsx";
import { formatDate, formatDateTime } from "~/domain/swedish-time.ts";
import { profileSections } from "~/domain/profile-forms.ts";
import { employerContactKinds, incomeSources, occupationStatuses } from "~/domain/vocab/outcomes.ts";
import { consentScopes, genders, goals, phases, referralSources } from "~/domain/vocab/participants.ts";
import type { loader } from "~/routes/coach/participant.tsx";

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The page's forms: which intent failed, with its errors and the values to keep. */
export type FormState = {
  busy: boolean;
  errorsFor: (intent: string) => Record<string, string[] | undefined> | undefined;
  valuesFor: (intent: string) => Record<string, string | string[]> | undefined;
};

export function ProfileComments({ comments, form }: { comments: PageData["comments"]; form: FormState }) {
  const { busy, errorsFor, valuesFor } = form;
  const unanswered = comments.filter((c) => c.byParticipant && c.replies.length === 0).length;
  return (
    <section className="panel" aria-labelledby="comments-title">
      <h2 id="comments-title">
        Kommentarer på profilen{" "}
        {unanswered > 0 ? <span className="badge badge--warning">{unanswered} obesvarade</span> : null}
      </h2>
      {comments.length === 0 ? <p>Deltagaren har inte kommenterat profilen.</p> : null}
      <ol className="comments">
        {comments.map((c) => (
          <li key={c.id} className="comment">
            <p className="comment__meta">
              <strong>{c.author}</strong> <span className="muted">{formatDateTime(c.createdAt)}</span>
            </p>
            <p className="comment__body">{c.body}</p>
            {c.replies.length > 0 ? (
              <ol className="comments comments--replies">
                {c.replies.map((r) => (
                  <li key={r.id} className="comment comment--reply">
                    <p className="comment__meta">
                      <strong>{r.author}</strong> <span className="muted">{formatDateTime(r.createdAt)}</span>
                    </p>
                    <p className="comment__body">{r.body}</p>
                  </li>
                ))}
              </ol>
            ) : null}
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="reply" />
              <input type="hidden" name="replyToId" value={c.id} />
              <TextareaField
                label={`Svara ${c.author}`}
                name="body"
                errors={valuesFor("reply")?.replyToId === c.id ? errorsFor("reply")?.body : undefined}
                textareaProps={{
                  rows: 3,
                  defaultValue: valuesFor("reply")?.replyToId === c.id ? kept(valuesFor("reply"), "body") : undefined,
                }}
              />
              <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
                Skicka svar
              </button>
            </Form>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ProfileChecklist({ sections }: { sections: PageData["sections"] }) {
  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">Yrkesprofil</h2>
      <ul className="checklist">
        {profileSections.map((s) => {
          const key = {
            intressen: "interests",
            styrkor: "strengths",
            erfarenhet: "experience",
            bakgrund: "background",
            onskemal: "preferences",
            arbetsmiljo: "environment",
            anpassningar: "needs",
            aldrig: "exclusions",
            synlighet: "disclosure",
          }[s.slug];
          const done = sections[key];
          return (
            <li key={s.slug}>
              <Link to={`yrkesprofil/${s.slug}`}>{s.title}</Link> –{" "}
              {done ? "ifyllt" : <span className="muted">inte ifyllt</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ParticipantFacts({ participant: p }: { participant: PageData["participant"] }) {
  return (
    <section className="panel" aria-labelledby="facts-title">
      <h2 id="facts-title">Uppgifter</h2>
      <dl className="facts">
        {p.realName ? (
          <>
            <dt>Fullständigt namn</dt>
            <dd>{p.realName}</dd>
          </>
        ) : null}
        <dt>Kön</dt>
        <dd>{genders.label(p.gender)}</dd>
        <dt>Födelseår</dt>
        <dd>{p.birthYear ?? "–"}</dd>
        <dt>Hemort</dt>
        <dd>
          {p.municipality ?? "–"}
          {p.postalCode ? ` (${p.postalCode.slice(0, 3)} ${p.postalCode.slice(3)})` : ""}
        </dd>
        <dt>E-post</dt>
        <dd>{p.email ?? "–"}</dd>
        <dt>Telefon</dt>
        <dd>{p.phone ?? "–"}</dd>
        <dt>Remitterad av</dt>
        <dd>{referralSources.label(p.referralSource)}</dd>
        <dt>Mål</dt>
        <dd>{p.goals.map((g) => goals.label(g)).join(", ") || "–"}</dd>
        <dt>Sysselsättning vid start</dt>
        <dd>{occupationStatuses.label(p.startOccupation) || "–"}</dd>
        <dt>Försörjning vid start</dt>
        <dd>{p.startIncomeSources.map((s) => incomeSources.label(s)).join(", ") || "–"}</dd>
        <dt>Inloggning</dt>
        <dd>{p.signsInWithEmail ? "Med länk via e-post" : p.hasAccount ? "Med kod från coachen" : "Inget konto än"}</dd>
      </dl>
    </section>
  );
}

function Consents({
  consents,
}: {
  consents: Array<{
    id: string;
    scope: string;
    given: boolean;
    date: string | Date;
    withdrawnAt: string | Date | null;
  }>;
}) {
  const current = consentScopes.codes.map((scope) => ({
    scope,
    consent: consents.filter((c) => c.scope === scope && !c.withdrawnAt).at(-1),
  }));
  return (
    <ul>
      {current.map(({ scope, consent }) => (
        <li key={scope}>
          {consentScopes.label(scope)}:{" "}
          {consent ? (
            <strong>
              {consent.given ? "Ja" : "Nej"} ({formatDate(consent.date)})
            </strong>
          ) : (
            <strong>Inte registrerat</strong>
          )}
          {scope === "statistics" && (!consent || !consent.given) ? (
            <span className="muted"> – räknas anonymt</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ConsentPanel({
  consents,
  today,
  form,
}: {
  consents: PageData["consents"];
  today: string;
  form: FormState;
}) {
  const { busy, errorsFor, valuesFor } = form;
  return (
    <section className="panel" aria-labelledby="consent-title">
      <h2 id="consent-title">Samtycke</h2>
      <Consents consents={consents} />
      <details>
        <summary>Registrera ändrat samtycke</summary>
        <Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="consent" />
          <SelectField
            label="Gäller"
            name="scope"
            options={consentScopes.options}
            selectProps={{ defaultValue: kept(valuesFor("consent"), "scope", "statistics") }}
          />
          <SelectField
            label="Samtycker"
            name="given"
            options={[
              { value: "yes", label: "Ja" },
              { value: "no", label: "Nej / återkallat" },
            ]}
            errors={errorsFor("consent")?.given}
            selectProps={{ defaultValue: kept(valuesFor("consent"), "given", "no") }}
          />
          <Field
            label="Datum"
            name="date"
            errors={errorsFor("consent")?.date}
            inputProps={{ type: "date", max: today, defaultValue: kept(valuesFor("consent"), "date", today) }}
          />
          <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
            Spara samtycke
          </button>
        </Form>
      </details>
    </section>
  );
}

export function EmployerContactList({ pseudonym, contacts }: { pseudonym: string; contacts: PageData["contacts"] }) {
  return (
    <section className="panel" aria-labelledby="employer-contacts-title">
      <h2 id="employer-contacts-title">Arbetsgivarkontakter för {pseudonym}</h2>
      {contacts.length === 0 ? (
        <p>Inga arbetsgivarkontakter loggade än.</p>
      ) : (
        <ul>
          {contacts.map((c) => (
            <li key={c.id}>
              {formatDate(c.occurredAt)}: {employerContactKinds.label(c.kind)} med{" "}
              <Link to={`/coach/arbetsgivare/${c.employer.id}/kontakter`}>{c.employer.name}</Link>
              {c.coach ? <span className="muted"> ({c.coach})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PhaseHistory({ phaseChanges }: { phaseChanges: PageData["phaseChanges"] }) {
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Fashistorik</h2>
      <ol>
        {phaseChanges.map((c) => (
          <li key={c.id}>
            {formatDateTime(c.at)}: {c.fromPhase ? `${phases.label(c.fromPhase)} → ` : ""}
            {phases.label(c.toPhase)}
            {c.by ? <span className="muted"> ({c.by})</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
