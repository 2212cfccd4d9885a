// An opening as people read it: what, where, when, the environment and what the employer offers.
// Used on the employer's own opening page and on the shared page found through search.
import { formatPostalCode } from "~/domain/employers.ts";
import {
  environmentDimensionCodes,
  formatHours,
  readAccommodations,
  readEnvironment,
  readSchedule,
  readTasks,
} from "~/domain/openings.ts";
import { accommodations } from "~/domain/vocab/accommodations.ts";
import { environmentDimensionLabels, environmentDimensions, instructionStyles } from "~/domain/vocab/environment.ts";
import { employmentSupports, leadsToEmployment, openingKinds, openingStatuses } from "~/domain/vocab/openings.ts";
import { scheduleTimes } from "~/domain/vocab/schedule.ts";
import { formatDate } from "~/domain/swedish-time.ts";
import { countSv, NOUNS } from "~/domain/swedish.ts";

export type OpeningForDetails = {
  kind: string;
  status: string;
  description: string;
  tasks: string;
  hoursMin: number;
  hoursMax: number;
  schedule: string;
  environment: string;
  accommodationsOffered: string;
  employmentSupport: string | null;
  leadsToEmployment: string;
  supervisorName: string | null;
  supervisorFixed: boolean;
  purpose: string | null;
  lengthWeeks: number | null;
  places: number;
  startDate: Date | string | null;
  endDate: Date | string | null;
  occupation: { label: string; group?: { label: string } | null };
  workplace: { name: string; street: string; postalCode: string; municipality: { name: string } };
};

export function StatusBadge({ status }: { status: string }) {
  const tone = status === "published" ? "badge--success" : status === "draft" ? "badge--warning" : "badge--muted";
  return <span className={`badge ${tone}`}>{openingStatuses.label(status)}</span>;
}

export function OpeningDetails({
  opening,
  skills,
  headingLevel = 2,
}: {
  opening: OpeningForDetails;
  skills: Array<{ id: string; label: string }>;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const tasks = readTasks(opening.tasks);
  const schedule = readSchedule(opening.schedule);
  const env = readEnvironment(opening.environment);
  const offered = readAccommodations(opening.accommodationsOffered);
  const envRows = environmentDimensionCodes.filter((d) => env[d]);
  return (
    <div className="opening-details">
      <dl className="facts">
        <div>
          <dt>Typ</dt>
          <dd>{openingKinds.label(opening.kind)}</dd>
        </div>
        <div>
          <dt>Yrke</dt>
          <dd>{opening.occupation.label}</dd>
        </div>
        <div>
          <dt>Arbetsplats</dt>
          <dd>
            {opening.workplace.name}, {opening.workplace.street}, {formatPostalCode(opening.workplace.postalCode)}{" "}
            {opening.workplace.municipality.name}
          </dd>
        </div>
        <div>
          <dt>Tid</dt>
          <dd>
            {formatHours(opening.hoursMin, opening.hoursMax)}
            {schedule.times.length
              ? `, ${schedule.times.map((t) => scheduleTimes.label(t).toLowerCase()).join(", ")}`
              : ""}
            {schedule.startFlexible ? ", flexibel starttid" : ", fast starttid"}
          </dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd>
            {opening.startDate ? `Från ${formatDate(opening.startDate)}` : "Start enligt överenskommelse"}
            {opening.endDate ? ` till ${formatDate(opening.endDate)}` : ""}
            {opening.lengthWeeks ? ` (${countSv(opening.lengthWeeks, NOUNS.week)})` : ""}
          </dd>
        </div>
        <div>
          <dt>Antal platser</dt>
          <dd>{opening.places}</dd>
        </div>
        {opening.kind === "job" ? (
          <div>
            <dt>Anställningsform</dt>
            <dd>{employmentSupports.label(opening.employmentSupport ?? "none")}</dd>
          </div>
        ) : (
          <div>
            <dt>Kan leda till anställning</dt>
            <dd>{leadsToEmployment.label(opening.leadsToEmployment)}</dd>
          </div>
        )}
        <div>
          <dt>Handledare</dt>
          <dd>
            {opening.supervisorName ? opening.supervisorName : <span className="muted">Inte angiven</span>}
            {opening.supervisorName && opening.supervisorFixed ? " (samma handledare hela tiden)" : ""}
          </dd>
        </div>
      </dl>

      {opening.purpose ? (
        <>
          <H>Syfte</H>
          <p className="prose">{opening.purpose}</p>
        </>
      ) : null}

      <H>Om arbetet</H>
      <p className="prose">{opening.description}</p>

      <H>Arbetsuppgifter</H>
      <ul>
        {tasks.map((t, i) => (
          <li key={i}>{t}</li>
        ))}
      </ul>

      {skills.length ? (
        <>
          <H>Bra att kunna</H>
          <ul className="tag-list">
            {skills.map((s) => (
              <li key={s.id} className="tag">
                {s.label}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <H>Arbetsmiljö</H>
      {envRows.length || env.instructions?.length ? (
        <dl className="facts facts--compact">
          {envRows.map((d) => (
            <div key={d}>
              <dt>{environmentDimensionLabels[d]}</dt>
              <dd>{environmentDimensions[d].label(env[d] as string)}</dd>
            </div>
          ))}
          {env.instructions?.length ? (
            <div>
              <dt>Instruktioner</dt>
              <dd>{env.instructions.map((i) => instructionStyles.label(i)).join(", ")}</dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p className="muted">Arbetsmiljön är inte beskriven.</p>
      )}

      <H>Anpassningar som erbjuds</H>
      {offered.length ? (
        <ul className="tag-list">
          {offered.map((a) => (
            <li key={a} className="tag">
              {accommodations.label(a)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Inga anpassningar angivna.</p>
      )}
    </div>
  );
}
