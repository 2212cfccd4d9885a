// The route table: Swedish URLs (what users see) mapped to route modules grouped by audience
// (docs/product-rules.md#layout). One place to see every page of Brygga.
import type { DefineRoutesFunction } from "@remix-run/dev/dist/config/routes.js";

export function routes(defineRoutes: DefineRoutesFunction) {
  return defineRoutes((route) => {
    route("/", "routes/home.tsx", { index: true });
    route("om", "routes/about.tsx");
    // employers register themselves (issue 11)
    route("for-arbetsgivare", "routes/public/for-employers.tsx");
    route("for-arbetsgivare/bekrafta", "routes/public/confirm-registration.tsx");
    // supervisor guidance for any employer (issue 15)
    route("for-arbetsgivare/handledare", "routes/public/supervisor-guides.tsx");

    // auth
    route("logga-in", "routes/auth/sign-in.tsx");
    route("logga-in/lank", "routes/auth/verify-link.tsx");
    route("logga-in/kod", "routes/auth/sign-in-code.tsx");
    route("logga-ut", "routes/auth/sign-out.tsx");

    // local mailbox (only when no SMTP server is configured)
    route("dev/mejl", "routes/dev/mailbox.tsx");
    route("dev/mejl/:messageId", "routes/dev/mailbox-message.tsx");
    route("dev/mejl/:messageId/bilaga/:index", "routes/dev/mailbox-attachment.ts");

    // admin
    route("admin", "routes/admin/home.tsx");
    route("admin/arenden", "routes/admin/caseloads.tsx");
    route("admin/logg", "routes/admin/audit.tsx");
    // onboarding (issue 11): staff, invitations, the organisation's details
    route("admin/personal", "routes/admin/staff.tsx");
    route("admin/personal/:userId", "routes/admin/staff-member.tsx");
    route("admin/organisation", "routes/admin/organization.tsx");
    route("admin/import", "routes/admin/import.tsx");
    route("admin/import/mall/:file", "routes/admin/import-template.ts");

    // coach
    route("coach", "routes/coach/home.tsx");
    route("coach/deltagare/:participantId/inloggningskod", "routes/coach/participant-sign-in-code.tsx");
    route("coach/deltagare", "routes/coach/caseload.tsx");
    route("coach/deltagare/ny", "routes/coach/participant-new.tsx");
    route("coach/deltagare/:participantId", "routes/coach/participant.tsx");
    route("coach/deltagare/:participantId/uppgifter", "routes/coach/participant-edit.tsx");
    route("coach/deltagare/:participantId/yrkesprofil", "routes/coach/profile.tsx");
    route("coach/deltagare/:participantId/yrkesprofil/:section", "routes/coach/profile-section.tsx");
    route("coach/deltagare/:participantId/export", "routes/coach/participant-export.ts");
    route("coach/deltagare/:participantId/radera", "routes/coach/participant-erase.tsx");
    route("coach/kontakter", "routes/coach/employer-contacts.tsx");
    route("coach/arbetsgivare/:employerId/kontakter", "routes/coach/employer-contact-history.tsx");
    route("coach/installningar", "routes/coach/settings.tsx");
    route("coach/deltagare/:participantId/utfall", "routes/coach/outcome.tsx");
    // matching and proposals (issue 5)
    route("coach/deltagare/:participantId/matchning", "routes/coach/participant-matches.tsx");
    route("coach/uppdrag/:openingId/matchning", "routes/coach/opening-matches.tsx");
    route("coach/forslag", "routes/coach/proposals.tsx");
    route("coach/forslag/:proposalId", "routes/coach/proposal.tsx");

    // employer
    route("arbetsgivare", "routes/employer/home.tsx");
    route("arbetsgivare/fragor", "routes/employer/questions.tsx");
    route("arbetsgivare/fragor/ny", "routes/employer/question-new.tsx");
    route("arbetsgivare/fragor/:threadId", "routes/employer/question.tsx");
    route("arbetsgivare/forslag", "routes/employer/proposals.tsx");
    route("arbetsgivare/forslag/:proposalId", "routes/employer/proposal.tsx");
    // The employer's own pages, also served to a coach of the linked organisation acting on the
    // employer's behalf under /coach/arbetsgivare/:employerId/… (same modules, recorded as such).
    const employerPages: Array<[path: string, file: string, id: string]> = [
      ["annonser", "routes/employer/openings.tsx", "openings"],
      ["annonser/ny", "routes/employer/opening-new.tsx", "opening-new"],
      ["annonser/:openingId", "routes/employer/opening.tsx", "opening"],
      ["annonser/:openingId/redigera", "routes/employer/opening-edit.tsx", "opening-edit"],
      ["arbetsplatser", "routes/employer/workplaces.tsx", "workplaces"],
      ["arbetsplatser/ny", "routes/employer/workplace-new.tsx", "workplace-new"],
      ["arbetsplatser/:workplaceId", "routes/employer/workplace-edit.tsx", "workplace-edit"],
      ["foretaget", "routes/employer/profile.tsx", "profile"],
      ["kollegor", "routes/employer/colleagues.tsx", "colleagues"],
    ];
    for (const [path, file, id] of employerPages) {
      route(`arbetsgivare/${path}`, file, { id: `employer/${id}` });
      route(`coach/arbetsgivare/:employerId/${path}`, file, { id: `coach/employer/${id}` });
    }
    route("coach/arbetsgivare", "routes/coach/employers.tsx");
    route("coach/arbetsgivare/ny", "routes/coach/employer-new.tsx");
    route("coach/nya-arbetsgivare", "routes/coach/registrations.tsx");
    route("coach/fragor", "routes/coach/questions.tsx");
    route("coach/fragor/:threadId", "routes/coach/question.tsx");
    // follow-along support (issue 6): placements, their threads and meetings, the coach's week
    route("coach/vecka", "routes/coach/week.tsx");
    route("coach/placeringar", "routes/coach/placements.tsx");
    route("coach/placeringar/:placementId", "routes/coach/placement.tsx");
    route("coach/placeringar/:placementId/moten/nytt", "routes/coach/meeting-new.tsx");
    route("coach/placeringar/:placementId/moten/:meetingId", "routes/coach/meeting.tsx");
    route("arbetsgivare/placeringar", "routes/employer/placements.tsx");
    route("arbetsgivare/placeringar/:placementId", "routes/employer/placement.tsx");
    route("arbetsgivare/installningar", "routes/employer/settings.tsx");
    route("deltagare/placering/:placementId", "routes/participant/placement.tsx");
    // lönestödsförslag and handledarstöd (issue 15): one module per audience, on a proposal or a placement
    route("coach/forslag/:proposalId/lonestod", "routes/coach/wage-subsidy.tsx", { id: "coach/wage-subsidy-proposal" });
    route("coach/placeringar/:placementId/lonestod", "routes/coach/wage-subsidy.tsx", {
      id: "coach/wage-subsidy-placement",
    });
    route("arbetsgivare/forslag/:proposalId/lonestod", "routes/employer/wage-subsidy.tsx", {
      id: "employer/wage-subsidy-proposal",
    });
    route("arbetsgivare/placeringar/:placementId/lonestod", "routes/employer/wage-subsidy.tsx", {
      id: "employer/wage-subsidy-placement",
    });
    route("arbetsgivare/placeringar/:placementId/handledare", "routes/employer/supervisor.tsx");

    // outcome reports for an organisation's admin and coaches, and their downloads
    route("rapporter", "routes/reports/report.tsx");
    route("rapporter.csv", "routes/reports/export.ts", { id: "reports/csv" });
    route("rapporter.json", "routes/reports/export.ts", { id: "reports/json" });

    // openings across the marketplace ("Sök uppdrag") and the vocabulary for search-as-you-type
    route("uppdrag", "routes/openings/search.tsx");
    route("uppdrag/:openingId", "routes/openings/opening.tsx");
    route("api/vokabular", "routes/api/vocabulary.ts");

    // participant
    route("deltagare", "routes/participant/home.tsx");
    route("deltagare/profil", "routes/participant/profile.tsx");
    route("deltagare/profil/ladda-ner", "routes/participant/export.ts");
    route("deltagare/forslag", "routes/participant/proposals.tsx");
    route("deltagare/forslag/:proposalId", "routes/participant/proposal.tsx");
  });
}
