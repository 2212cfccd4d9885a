// "Din kontakt": the employer's named contact coach, always someone to call (docs/product-rules.md#the-problem, #principles).
import { Link } from "@remix-run/react";

export type ContactRecipient = {
  organizationName: string;
  coach: { name: string; email: string | null; phone: string | null; title: string | null } | null;
  sharedInboxEmail: string | null;
} | null;

export function telHref(phone: string) {
  return `tel:${phone.replace(/[^+\d]/g, "")}`;
}

export function ContactCard({ recipient, askLink = false }: { recipient: ContactRecipient; askLink?: boolean }) {
  return (
    <section className="panel contact-card" aria-labelledby="contact-title">
      <h2 id="contact-title">Din kontakt</h2>
      {!recipient ? (
        <p>Ni är inte kopplade till någon coachorganisation ännu. Hör av er till den coach som bjöd in er.</p>
      ) : recipient.coach ? (
        <div className="stack">
          <p>
            <strong>{recipient.coach.name}</strong>
            {recipient.coach.title ? <span className="muted">, {recipient.coach.title}</span> : null}
            <br />
            {recipient.organizationName}
          </p>
          {recipient.coach.phone ? (
            <p>
              Telefon: <a href={telHref(recipient.coach.phone)}>{recipient.coach.phone}</a>
            </p>
          ) : null}
          {recipient.coach.email ? (
            <p>
              E-post: <a href={`mailto:${recipient.coach.email}`}>{recipient.coach.email}</a>
            </p>
          ) : null}
          <p className="muted">Du kan alltid höra av dig – före, under och efter en anställning.</p>
        </div>
      ) : (
        <div className="stack">
          <p>
            <strong>{recipient.organizationName}</strong>
          </p>
          <p>
            Ni har ingen egen kontaktperson just nu. Frågor går till organisationens gemensamma inkorg och besvaras av
            den coach som har tid.
          </p>
          {recipient.sharedInboxEmail ? (
            <p>
              E-post: <a href={`mailto:${recipient.sharedInboxEmail}`}>{recipient.sharedInboxEmail}</a>
            </p>
          ) : null}
        </div>
      )}
      {askLink && recipient ? (
        <p>
          <Link to="/arbetsgivare/fragor/ny" className="button">
            Fråga coachen
          </Link>
        </p>
      ) : null}
    </section>
  );
}
