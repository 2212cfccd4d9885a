// The vocational profile as text: for the coach (section titles, edit links) and for the
// participant (plain Swedish: short sentences, "du", no jargon).
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import {
  disclosureItems,
  disclosureLabel,
  environmentDimensionCodes,
  environmentValueLabel,
  experienceFactors,
  type ProfileData,
} from "~/domain/profile.ts";
import type { ProfileSectionSlug } from "~/domain/profile-forms.ts";
import { accommodations } from "~/domain/vocab/accommodations.ts";
import { drivingLicences } from "~/domain/vocab/driving-licences.ts";
import { environmentDimensionLabels, environmentDimensions, instructionStyles } from "~/domain/vocab/environment.ts";
import { scheduleTimes, travelModes, travelPhrase } from "~/domain/vocab/schedule.ts";
import { countSv, joinSv, NOUNS } from "~/domain/swedish.ts";

type Labeled = { id: string; label: string };
export type ProfileViewLabels = {
  interestOccupations: Labeled[];
  interestGroups: Labeled[];
  excludedOccupations: Labeled[];
  excludedGroups: Labeled[];
  skills: Labeled[];
  languages: Labeled[];
  occupationLabel: Record<string, string>;
};

type Audience = "coach" | "participant";

const headings: Record<ProfileSectionSlug, Record<Audience, string>> = {
  intressen: { coach: "Intressen", participant: "Det här vill du jobba med" },
  styrkor: { coach: "Styrkor och kompetenser", participant: "Det här är du bra på" },
  erfarenhet: { coach: "Erfarenhet", participant: "Det här har du gjort förut" },
  bakgrund: { coach: "Utbildning, körkort och språk", participant: "Skola, körkort och språk" },
  onskemal: { coach: "Arbetstid och resväg", participant: "Så mycket vill du jobba" },
  arbetsmiljo: { coach: "Önskad arbetsmiljö", participant: "Så vill du ha det på jobbet" },
  anpassningar: { coach: "Anpassningar", participant: "Det här behöver du på en arbetsplats" },
  aldrig: { coach: "Aldrig", participant: "Det här vill du inte jobba med" },
  synlighet: { coach: "Vad arbetsgivaren får se", participant: "Det här får en arbetsgivare se" },
};

function List({ items, empty }: { items: ReactNode[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

function Section({
  slug,
  audience,
  editBase,
  children,
}: {
  slug: ProfileSectionSlug;
  audience: Audience;
  editBase?: string;
  children: ReactNode;
}) {
  const title = headings[slug][audience];
  return (
    <section className="panel profile-section" aria-labelledby={`profile-${slug}`}>
      <div className="profile-section__head">
        <h2 id={`profile-${slug}`}>{title}</h2>
        {editBase ? (
          <Link to={`${editBase}/${slug}`} className="button button--secondary">
            Ändra <span className="visually-hidden">{title.toLowerCase()}</span>
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  );
}

export function ProfileView({
  profile,
  labels,
  audience,
  editBase,
}: {
  profile: ProfileData;
  labels: ProfileViewLabels;
  audience: Audience;
  editBase?: string;
}) {
  const you = audience === "participant";
  const empty = you ? "Ni har inte skrivit något här än." : "Inte ifyllt.";
  const prefs = profile.preferences;
  const env = profile.environmentPrefs;
  const must = profile.needs.filter((n) => n.must);
  const nice = profile.needs.filter((n) => !n.must);
  const shown = disclosureItems.codes.filter((item) => profile.disclosure[item] === true);
  const hidden = disclosureItems.codes.filter((item) => profile.disclosure[item] !== true);

  const hours =
    prefs.hoursMin != null || prefs.hoursMax != null
      ? `${prefs.hoursMin ?? "?"}–${prefs.hoursMax ?? "?"} timmar i veckan`
      : null;
  return (
    <div className="profile-view">
      <Section slug="intressen" audience={audience} editBase={editBase}>
        <List
          items={[...labels.interestOccupations.map((o) => o.label), ...labels.interestGroups.map((g) => g.label)]}
          empty={empty}
        />
      </Section>

      <Section slug="styrkor" audience={audience} editBase={editBase}>
        {profile.strengths.length + labels.skills.length === 0 ? <p className="muted">{empty}</p> : null}
        {profile.strengths.length > 0 ? <List items={profile.strengths} empty="" /> : null}
        {labels.skills.length > 0 ? (
          <>
            <h3>{you ? "Det här kan du" : "Kompetenser"}</h3>
            <List items={labels.skills.map((s) => s.label)} empty="" />
          </>
        ) : null}
      </Section>

      <Section slug="erfarenhet" audience={audience} editBase={editBase}>
        {profile.experience.length === 0 ? <p className="muted">{empty}</p> : null}
        {profile.experience.map((e) => {
          const worked = experienceFactors.codes.filter((f) => e.factors[f]?.verdict === "worked");
          const notWorked = experienceFactors.codes.filter((f) => e.factors[f]?.verdict === "did_not_work");
          return (
            <article key={e.id} className="experience">
              <h3>
                {e.what}
                {e.where ? ` – ${e.where}` : ""}
                {e.when ? <span className="muted"> ({e.when})</span> : null}
              </h3>
              {e.occupationId && labels.occupationLabel[e.occupationId] ? (
                <p>Yrke: {labels.occupationLabel[e.occupationId]}</p>
              ) : null}
              {e.hoursPerWeek != null ? <p>{e.hoursPerWeek} timmar i veckan.</p> : null}
              {e.colleagues != null ? <p>{countSv(e.colleagues, NOUNS.colleague)}.</p> : null}
              {e.instructions.length > 0 ? (
                <p>Instruktioner: {joinSv(e.instructions.map((i) => instructionStyles.label(i).toLowerCase()))}.</p>
              ) : null}
              {worked.length > 0 || e.worked ? (
                <div>
                  <p>
                    <strong>{you ? "Det här fungerade bra:" : "Fungerade:"}</strong>
                  </p>
                  <ul>
                    {worked.map((f) => (
                      <li key={f}>
                        {experienceFactors.label(f)}
                        {e.factors[f]?.note ? ` – ${e.factors[f]?.note}` : ""}
                      </li>
                    ))}
                    {e.worked ? <li>{e.worked}</li> : null}
                  </ul>
                </div>
              ) : null}
              {notWorked.length > 0 || e.didNotWork ? (
                <div>
                  <p>
                    <strong>{you ? "Det här fungerade inte:" : "Fungerade inte:"}</strong>
                  </p>
                  <ul>
                    {notWorked.map((f) => (
                      <li key={f}>
                        {experienceFactors.label(f)}
                        {e.factors[f]?.note ? ` – ${e.factors[f]?.note}` : ""}
                      </li>
                    ))}
                    {e.didNotWork ? <li>{e.didNotWork}</li> : null}
                  </ul>
                </div>
              ) : null}
            </article>
          );
        })}
      </Section>

      <Section slug="bakgrund" audience={audience} editBase={editBase}>
        {profile.education || profile.drivingLicences.length + labels.languages.length > 0 ? (
          <ul>
            {profile.education ? (
              <li>{you ? `Utbildning: ${profile.education}` : `Utbildning: ${profile.education}`}</li>
            ) : null}
            {profile.drivingLicences.length > 0 ? (
              <li>Körkort: {joinSv(profile.drivingLicences.map((c) => drivingLicences.label(c)))}</li>
            ) : null}
            {labels.languages.length > 0 ? <li>Språk: {joinSv(labels.languages.map((l) => l.label))}</li> : null}
          </ul>
        ) : (
          <p className="muted">{empty}</p>
        )}
      </Section>

      <Section slug="onskemal" audience={audience} editBase={editBase}>
        {hours || prefs.schedule.length > 0 || prefs.maxCommuteKm != null || prefs.travelMode ? (
          <ul>
            {hours ? <li>{you ? `Du vill jobba ${hours}.` : hours}</li> : null}
            {prefs.schedule.length > 0 ? (
              <li>
                {you ? "Du kan jobba: " : "Tider: "}
                {joinSv(prefs.schedule.map((s) => scheduleTimes.label(s).toLowerCase()))}.
              </li>
            ) : null}
            {prefs.startFlexible ? (
              <li>{you ? "Du vill kunna börja olika tider." : "Vill ha flexibel starttid."}</li>
            ) : null}
            {prefs.maxCommuteKm != null ? (
              <li>
                {you
                  ? `Du kan resa högst ${prefs.maxCommuteKm} km till jobbet.`
                  : `Längsta resväg: ${prefs.maxCommuteKm} km`}
              </li>
            ) : null}
            {prefs.travelMode ? (
              <li>
                {you ? `Du ${travelPhrase(prefs.travelMode)}.` : `Färdsätt: ${travelModes.label(prefs.travelMode)}`}
              </li>
            ) : null}
          </ul>
        ) : (
          <p className="muted">{empty}</p>
        )}
      </Section>

      <Section slug="arbetsmiljo" audience={audience} editBase={editBase}>
        <List
          items={[
            ...environmentDimensionCodes.flatMap((d) => {
              const value = env[d];
              return value
                ? [`${environmentDimensionLabels[d]}: ${environmentDimensions[d].label(value).toLowerCase()}`]
                : [];
            }),
            ...(env.instructions?.length
              ? [`Instruktioner: ${joinSv(env.instructions.map((i) => instructionStyles.label(i).toLowerCase()))}`]
              : []),
          ]}
          empty={empty}
        />
      </Section>

      <Section slug="anpassningar" audience={audience} editBase={editBase}>
        {must.length + nice.length === 0 ? <p className="muted">{empty}</p> : null}
        {must.length > 0 ? (
          <>
            <h3>{you ? "Det här måste finnas" : "Måste finnas"}</h3>
            <List items={must.map((n) => accommodations.label(n.code))} empty="" />
          </>
        ) : null}
        {nice.length > 0 ? (
          <>
            <h3>{you ? "Det här är bra att ha" : "Bra att ha"}</h3>
            <List items={nice.map((n) => accommodations.label(n.code))} empty="" />
          </>
        ) : null}
      </Section>

      <Section slug="aldrig" audience={audience} editBase={editBase}>
        <List
          items={[
            ...labels.excludedOccupations.map((o) => o.label),
            ...labels.excludedGroups.map((g) => g.label),
            ...profile.exclusions.environment.map(environmentValueLabel),
            ...profile.exclusions.schedule.map(
              (s) => `${you ? "Jobba " : "Arbetstid: "}${scheduleTimes.label(s).toLowerCase()}`,
            ),
          ]}
          empty={you ? "Ni har inte skrivit något här." : "Inga undantag."}
        />
      </Section>

      <Section slug="synlighet" audience={audience} editBase={editBase}>
        <h3>{you ? "Det här får arbetsgivaren se" : "Får visas för arbetsgivare"}</h3>
        <List items={shown.map((i) => disclosureLabel(i, audience))} empty={you ? "Ingenting än." : "Inget."} />
        <h3>{you ? "Det här får arbetsgivaren inte se" : "Visas inte"}</h3>
        <List items={hidden.map((i) => disclosureLabel(i, audience))} empty={you ? "Ingenting." : "Inget."} />
      </Section>
    </div>
  );
}
