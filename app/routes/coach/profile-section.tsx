// One section of the profile editor (/coach/deltagare/:id/yrkesprofil/:section). Each section is
// its own form: parsed with zod, ids checked against the reference tables, saved in one
// transaction with its audit event; a bad field saves nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary } from "~/components/forms.tsx";
import { SectionForm } from "~/components/profile-section-forms.tsx";
import { newEntryId, profileColumns, type ProfileData } from "~/domain/profile.ts";
import {
  backgroundForm,
  disclosureForm,
  environmentForm,
  environmentPrefsFrom,
  exclusionsForm,
  experienceEntryFrom,
  experienceFactorsForm,
  experienceForm,
  interestsForm,
  isProfileSection,
  needsForm,
  needsFrom,
  preferencesForm,
  profileSections,
  sectionSavedNotice,
  strengthsForm,
} from "~/domain/profile-forms.ts";
import { disclosureItems, PROFILE_LIMITS } from "~/domain/profile.ts";
import { audit } from "~/utils/audit.server.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { formValues, parseWith, type FieldErrors } from "~/domain/forms.ts";
import { requireOrgParticipant } from "~/utils/participants.server.ts";
import {
  checkReferenceIds,
  languageOptions,
  loadProfile,
  occupationGroupOptions,
  profileLabels,
  saveProfileSection,
} from "~/utils/profiles.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { notFound } from "~/utils/responses.server.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.section.title ?? "Yrkesprofil"} – ${data?.pseudonym ?? ""} – Brygga` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  const slug = params.section;
  if (!isProfileSection(slug)) notFound("Den delen av profilen finns inte.");
  const section = profileSections.find((s) => s.slug === slug)!;
  const { profile } = await loadProfile(participant.id);
  const [labels, groups, languages] = await Promise.all([
    profileLabels(profile),
    slug === "intressen" || slug === "aldrig" ? occupationGroupOptions() : Promise.resolve([]),
    slug === "bakgrund" ? languageOptions() : Promise.resolve([]),
  ]);
  await audit(db, {
    actorId: user.id,
    participantId: participant.id,
    action: "read",
    entity: "profile",
    detail: section.title,
    ip: clientIp(context),
  });
  const editEntry = new URL(request.url).searchParams.get("post");
  return {
    id: participant.id,
    pseudonym: participant.pseudonym,
    section,
    profile,
    labels,
    groups,
    languages,
    editEntry,
  };
}

type Outcome = { ok: true; parts: Partial<ProfileData> } | { ok: false; errors: FieldErrors };

async function parseSection(
  slug: string,
  values: Record<string, string | string[]>,
  profile: ProfileData,
): Promise<Outcome> {
  const fail = (errors: FieldErrors): Outcome => ({ ok: false, errors });
  switch (slug) {
    case "intressen": {
      const form = parseWith(interestsForm, values);
      if (!form.ok) return fail(form.errors);
      const errors = await checkReferenceIds([
        { field: "occupationIds", ids: form.data.occupationIds, kind: "occupation" },
        { field: "groupCodes", ids: form.data.groupCodes, kind: "group" },
      ]);
      return Object.keys(errors).length ? fail(errors) : { ok: true, parts: { interests: form.data } };
    }
    case "styrkor": {
      const form = parseWith(strengthsForm, values);
      if (!form.ok) return fail(form.errors);
      const errors = await checkReferenceIds([{ field: "skillIds", ids: form.data.skillIds, kind: "skill" }]);
      return Object.keys(errors).length
        ? fail(errors)
        : { ok: true, parts: { strengths: form.data.strengths, skillIds: form.data.skillIds } };
    }
    case "erfarenhet": {
      if (values.intent === "delete") {
        return { ok: true, parts: { experience: profile.experience.filter((e) => e.id !== values.entryId) } };
      }
      const form = parseWith(experienceForm, values);
      const factors = parseWith(experienceFactorsForm, values);
      if (!form.ok || !factors.ok)
        return fail({ ...(form.ok ? {} : form.errors), ...(factors.ok ? {} : factors.errors) });
      const errors = await checkReferenceIds([
        { field: "occupationId", ids: form.data.occupationId ? [form.data.occupationId] : [], kind: "occupation" },
      ]);
      if (Object.keys(errors).length) return fail(errors);
      const existing = profile.experience.find((e) => e.id === form.data.entryId);
      if (!existing && profile.experience.length >= PROFILE_LIMITS.experienceEntries) {
        return fail({ what: [`Profilen kan ha högst ${PROFILE_LIMITS.experienceEntries} erfarenheter.`] });
      }
      const entry = experienceEntryFrom(form.data, factors.data, existing?.id ?? newEntryId());
      const experience = existing
        ? profile.experience.map((e) => (e.id === existing.id ? entry : e))
        : [...profile.experience, entry];
      return { ok: true, parts: { experience } };
    }
    case "bakgrund": {
      const form = parseWith(backgroundForm, values);
      if (!form.ok) return fail(form.errors);
      const errors = await checkReferenceIds([{ field: "languageIds", ids: form.data.languageIds, kind: "language" }]);
      if (Object.keys(errors).length) return fail(errors);
      return {
        ok: true,
        parts: {
          education: form.data.education ?? null,
          drivingLicences: form.data.drivingLicences,
          languageIds: form.data.languageIds,
        },
      };
    }
    case "onskemal": {
      const form = parseWith(preferencesForm, values);
      if (!form.ok) return fail(form.errors);
      const { hoursMin, hoursMax, schedule, startFlexible, maxCommuteKm, travelMode } = form.data;
      return {
        ok: true,
        parts: { preferences: { hoursMin, hoursMax, schedule, startFlexible, maxCommuteKm, travelMode } },
      };
    }
    case "arbetsmiljo": {
      const form = parseWith(environmentForm, values);
      if (!form.ok) return fail(form.errors);
      return { ok: true, parts: { environmentPrefs: environmentPrefsFrom(form.data as Record<string, unknown>) } };
    }
    case "anpassningar": {
      const form = parseWith(needsForm, values);
      if (!form.ok) return fail(form.errors);
      return { ok: true, parts: { needs: needsFrom(form.data as Record<string, unknown>) } };
    }
    case "aldrig": {
      const form = parseWith(exclusionsForm, values);
      if (!form.ok) return fail(form.errors);
      const errors = await checkReferenceIds([
        { field: "occupationIds", ids: form.data.occupationIds, kind: "occupation" },
        { field: "groupCodes", ids: form.data.groupCodes, kind: "group" },
      ]);
      return Object.keys(errors).length ? fail(errors) : { ok: true, parts: { exclusions: form.data } };
    }
    case "synlighet": {
      const form = parseWith(disclosureForm, values);
      if (!form.ok) return fail(form.errors);
      const disclosure = Object.fromEntries(
        disclosureItems.codes.map((item) => [
          item,
          (form.data as Record<string, string>)[`disclose_${item}`] === "yes",
        ]),
      );
      return { ok: true, parts: { disclosure } };
    }
    default:
      notFound("Den delen av profilen finns inte.");
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  const slug = params.section;
  if (!isProfileSection(slug)) notFound("Den delen av profilen finns inte.");
  const values = formValues(await request.formData());
  const { profile } = await loadProfile(participant.id);
  const outcome = await parseSection(slug, values, profile);
  if (!outcome.ok) return data({ errors: outcome.errors, values }, { status: 400 });
  const section = profileSections.find((s) => s.slug === slug)!;
  await saveProfileSection(user, participant.id, profileColumns(outcome.parts), section.title, clientIp(context));
  const base = `/coach/deltagare/${participant.id}/yrkesprofil`;
  const notice = sectionSavedNotice(section);
  if (slug === "erfarenhet") throw await redirectWithNotice(`${base}/erfarenhet`, notice);
  throw await redirectWithNotice(`${base}#profile-${slug}`, notice);
}

export default function ProfileSectionEditor() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { id, pseudonym, section } = loaderData;
  const index = profileSections.findIndex((s) => s.slug === section.slug);
  const next = profileSections[index + 1];
  return (
    <>
      <p>
        <Link to={`/coach/deltagare/${id}/yrkesprofil`}>← Till yrkesprofilen för {pseudonym}</Link>
      </p>
      <h1>
        {section.title} <span className="muted">– {pseudonym}</span>
      </h1>
      {section.description ? <p className="lead">{section.description}</p> : null}
      <ErrorSummary message={actionData ? "Det gick inte att spara. Rätta det som är markerat." : null} />
      <SectionForm
        data={loaderData}
        errors={actionData?.errors}
        values={actionData?.values}
        busy={navigation.state === "submitting"}
      />
      {next ? (
        <p>
          Nästa del: <Link to={`/coach/deltagare/${id}/yrkesprofil/${next.slug}`}>{next.title}</Link>
        </p>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
