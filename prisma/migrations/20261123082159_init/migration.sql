-- CreateTable
CREATE TABLE "Municipality" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "county" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "population" INTEGER,
    "lat" REAL NOT NULL,
    "lng" REAL NOT NULL,
    "conceptId" TEXT
);

-- CreateTable
CREATE TABLE "PostalCode" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "locality" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    CONSTRAINT "PostalCode_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OccupationGroup" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "level" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "conceptId" TEXT NOT NULL,
    "parentCode" TEXT,
    "definition" TEXT,
    CONSTRAINT "OccupationGroup_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "OccupationGroup" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Occupation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "ssyk4Code" TEXT NOT NULL,
    "noEducationRequired" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Occupation_ssyk4Code_fkey" FOREIGN KEY ("ssyk4Code") REFERENCES "OccupationGroup" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OccupationSubstitute" (
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "percentage" INTEGER NOT NULL,

    PRIMARY KEY ("fromId", "toId"),
    CONSTRAINT "OccupationSubstitute_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Occupation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OccupationSubstitute_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Occupation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Skill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Language" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "municipalityCode" TEXT,
    "sharedInboxEmail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "phone" TEXT,
    "title" TEXT,
    "organizationId" TEXT,
    "employerId" TEXT,
    "employmentPercent" INTEGER NOT NULL DEFAULT 100,
    "notifyMessages" TEXT NOT NULL DEFAULT 'each',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivatedAt" DATETIME,
    CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "userAgent" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoginToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdById" TEXT,
    CONSTRAINT "LoginToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LoginToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "emailHash" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Employer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "orgNumber" TEXT,
    "sector" TEXT NOT NULL,
    "phone" TEXT,
    "website" TEXT,
    "description" TEXT,
    "organizationId" TEXT,
    "contactCoachId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Employer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Employer_contactCoachId_fkey" FOREIGN KEY ("contactCoachId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Workplace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "employerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lng" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Workplace_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Workplace_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Opening" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "employerId" TEXT NOT NULL,
    "workplaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "tasks" TEXT NOT NULL DEFAULT '[]',
    "occupationId" TEXT NOT NULL,
    "skillIds" TEXT NOT NULL DEFAULT '[]',
    "hoursMin" INTEGER NOT NULL,
    "hoursMax" INTEGER NOT NULL,
    "schedule" TEXT NOT NULL DEFAULT '{}',
    "environment" TEXT NOT NULL DEFAULT '{}',
    "accommodationsOffered" TEXT NOT NULL DEFAULT '[]',
    "employmentSupport" TEXT,
    "competitive" BOOLEAN NOT NULL DEFAULT true,
    "leadsToEmployment" TEXT NOT NULL DEFAULT 'maybe',
    "supervisorName" TEXT,
    "supervisorFixed" BOOLEAN NOT NULL DEFAULT false,
    "purpose" TEXT,
    "lengthWeeks" INTEGER,
    "places" INTEGER NOT NULL DEFAULT 1,
    "startDate" DATETIME,
    "endDate" DATETIME,
    "publishedAt" DATETIME,
    "closedAt" DATETIME,
    "closeReason" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Opening_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Opening_workplaceId_fkey" FOREIGN KEY ("workplaceId") REFERENCES "Workplace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Opening_occupationId_fkey" FOREIGN KEY ("occupationId") REFERENCES "Occupation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpeningEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "openingId" TEXT NOT NULL,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "onBehalf" BOOLEAN NOT NULL DEFAULT false,
    "detail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OpeningEvent_openingId_fkey" FOREIGN KEY ("openingId") REFERENCES "Opening" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpeningEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "coachId" TEXT,
    "userId" TEXT,
    "pseudonym" TEXT NOT NULL,
    "realName" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "gender" TEXT NOT NULL,
    "birthYear" INTEGER,
    "municipalityCode" TEXT,
    "postalCode" TEXT,
    "lat" REAL,
    "lng" REAL,
    "referralSource" TEXT NOT NULL,
    "goals" TEXT NOT NULL DEFAULT '[]',
    "phase" TEXT NOT NULL DEFAULT 'enrolled',
    "phaseChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enrolledAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startOccupation" TEXT,
    "startIncomeSources" TEXT NOT NULL DEFAULT '[]',
    "nextContactAt" DATETIME,
    "lastContactAt" DATETIME,
    "exitedAt" DATETIME,
    "erasedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Participant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Participant_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Participant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Participant_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "given" BOOLEAN NOT NULL,
    "date" DATETIME NOT NULL,
    "recordedById" TEXT,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Consent_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PhaseChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "fromPhase" TEXT,
    "toPhase" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byId" TEXT,
    CONSTRAINT "PhaseChange_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PhaseChange_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Profile" (
    "participantId" TEXT NOT NULL PRIMARY KEY,
    "interests" TEXT NOT NULL DEFAULT '{"occupationIds":[],"groupCodes":[]}',
    "strengths" TEXT NOT NULL DEFAULT '[]',
    "skillIds" TEXT NOT NULL DEFAULT '[]',
    "experience" TEXT NOT NULL DEFAULT '[]',
    "education" TEXT,
    "drivingLicences" TEXT NOT NULL DEFAULT '[]',
    "languageIds" TEXT NOT NULL DEFAULT '[]',
    "preferences" TEXT NOT NULL DEFAULT '{}',
    "environmentPrefs" TEXT NOT NULL DEFAULT '{}',
    "needs" TEXT NOT NULL DEFAULT '[]',
    "exclusions" TEXT NOT NULL DEFAULT '{}',
    "disclosure" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Profile_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProfileComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "replyToId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProfileComment_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProfileComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "openingId" TEXT NOT NULL,
    "coachId" TEXT,
    "score" INTEGER NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "proposedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "participantAnswer" TEXT,
    "participantReason" TEXT,
    "participantAnsweredAt" DATETIME,
    "presentedAt" DATETIME,
    "employerDecision" TEXT,
    "employerReason" TEXT,
    "employerAnsweredAt" DATETIME,
    "visitAt" DATETIME,
    "proposedStartDate" DATETIME,
    CONSTRAINT "Proposal_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_openingId_fkey" FOREIGN KEY ("openingId") REFERENCES "Opening" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT,
    "participantId" TEXT NOT NULL,
    "openingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME,
    "hoursPerWeek" INTEGER,
    "supervisorName" TEXT,
    "purpose" TEXT,
    "status" TEXT NOT NULL DEFAULT 'introduction',
    "supportIntensity" TEXT NOT NULL DEFAULT 'weekly',
    "nextCheckInAt" DATETIME,
    "endedAt" DATETIME,
    "endReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Placement_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Placement_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Placement_openingId_fkey" FOREIGN KEY ("openingId") REFERENCES "Opening" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Thread" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "employerId" TEXT NOT NULL,
    "organizationId" TEXT,
    "placementId" TEXT,
    "subject" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastMessageAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Thread_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Thread_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Thread_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Thread_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "threadId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'employer',
    "via" TEXT NOT NULL DEFAULT 'web',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Message_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ThreadRead" (
    "threadId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lastReadAt" DATETIME NOT NULL,

    PRIMARY KEY ("threadId", "userId"),
    CONSTRAINT "ThreadRead_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ThreadRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "placementId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scheduledAt" DATETIME NOT NULL,
    "durationMin" INTEGER NOT NULL DEFAULT 60,
    "place" TEXT,
    "videoLink" TEXT,
    "agenda" TEXT,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "notes" TEXT,
    "doneAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Meeting_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" DATETIME,
    "doneAt" DATETIME,
    CONSTRAINT "MeetingAction_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmployerContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "employerId" TEXT NOT NULL,
    "coachId" TEXT,
    "participantId" TEXT,
    "kind" TEXT NOT NULL,
    "notes" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "followUpDate" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmployerContact_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EmployerContact_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EmployerContact_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "EmployerContact_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutcomeRecord" (
    "participantId" TEXT NOT NULL PRIMARY KEY,
    "exitOccupation" TEXT,
    "exitIncomeSources" TEXT NOT NULL DEFAULT '[]',
    "exitReason" TEXT,
    "firstEmployerContactAt" DATETIME,
    "firstPlacementAt" DATETIME,
    "firstEmploymentAt" DATETIME,
    "employmentForm" TEXT,
    "competitive" BOOLEAN,
    "retention" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutcomeRecord_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnonymousOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "birthYear" INTEGER,
    "municipalityCode" TEXT,
    "enrolledAt" DATETIME NOT NULL,
    "exitedAt" DATETIME,
    "startOccupation" TEXT,
    "startIncomeSources" TEXT NOT NULL DEFAULT '[]',
    "exitOccupation" TEXT,
    "exitIncomeSources" TEXT NOT NULL DEFAULT '[]',
    "exitReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "participantId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "detail" TEXT,
    "ip" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEvent_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "template" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "replyTo" TEXT,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "messageId" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SearchOutbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "openingId" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "processedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "PostalCode_municipalityCode_idx" ON "PostalCode"("municipalityCode");

-- CreateIndex
CREATE UNIQUE INDEX "OccupationGroup_conceptId_key" ON "OccupationGroup"("conceptId");

-- CreateIndex
CREATE INDEX "OccupationGroup_parentCode_idx" ON "OccupationGroup"("parentCode");

-- CreateIndex
CREATE INDEX "OccupationGroup_level_idx" ON "OccupationGroup"("level");

-- CreateIndex
CREATE INDEX "Occupation_ssyk4Code_idx" ON "Occupation"("ssyk4Code");

-- CreateIndex
CREATE INDEX "OccupationSubstitute_toId_idx" ON "OccupationSubstitute"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE INDEX "User_employerId_idx" ON "User"("employerId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "LoginToken_tokenHash_key" ON "LoginToken"("tokenHash");

-- CreateIndex
CREATE INDEX "LoginToken_userId_idx" ON "LoginToken"("userId");

-- CreateIndex
CREATE INDEX "SignInRequest_emailHash_createdAt_idx" ON "SignInRequest"("emailHash", "createdAt");

-- CreateIndex
CREATE INDEX "SignInRequest_ip_createdAt_idx" ON "SignInRequest"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Employer_orgNumber_key" ON "Employer"("orgNumber");

-- CreateIndex
CREATE INDEX "Employer_organizationId_idx" ON "Employer"("organizationId");

-- CreateIndex
CREATE INDEX "Workplace_employerId_idx" ON "Workplace"("employerId");

-- CreateIndex
CREATE INDEX "Opening_employerId_idx" ON "Opening"("employerId");

-- CreateIndex
CREATE INDEX "Opening_status_idx" ON "Opening"("status");

-- CreateIndex
CREATE INDEX "Opening_occupationId_idx" ON "Opening"("occupationId");

-- CreateIndex
CREATE INDEX "OpeningEvent_openingId_idx" ON "OpeningEvent"("openingId");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_userId_key" ON "Participant"("userId");

-- CreateIndex
CREATE INDEX "Participant_organizationId_idx" ON "Participant"("organizationId");

-- CreateIndex
CREATE INDEX "Participant_coachId_idx" ON "Participant"("coachId");

-- CreateIndex
CREATE INDEX "Consent_participantId_idx" ON "Consent"("participantId");

-- CreateIndex
CREATE INDEX "PhaseChange_participantId_idx" ON "PhaseChange"("participantId");

-- CreateIndex
CREATE INDEX "ProfileComment_participantId_idx" ON "ProfileComment"("participantId");

-- CreateIndex
CREATE INDEX "Proposal_participantId_idx" ON "Proposal"("participantId");

-- CreateIndex
CREATE INDEX "Proposal_openingId_idx" ON "Proposal"("openingId");

-- CreateIndex
CREATE UNIQUE INDEX "Placement_proposalId_key" ON "Placement"("proposalId");

-- CreateIndex
CREATE INDEX "Placement_participantId_idx" ON "Placement"("participantId");

-- CreateIndex
CREATE INDEX "Placement_openingId_idx" ON "Placement"("openingId");

-- CreateIndex
CREATE UNIQUE INDEX "Thread_placementId_key" ON "Thread"("placementId");

-- CreateIndex
CREATE INDEX "Thread_employerId_idx" ON "Thread"("employerId");

-- CreateIndex
CREATE INDEX "Thread_organizationId_idx" ON "Thread"("organizationId");

-- CreateIndex
CREATE INDEX "Message_threadId_createdAt_idx" ON "Message"("threadId", "createdAt");

-- CreateIndex
CREATE INDEX "Meeting_placementId_idx" ON "Meeting"("placementId");

-- CreateIndex
CREATE INDEX "MeetingAction_meetingId_idx" ON "MeetingAction"("meetingId");

-- CreateIndex
CREATE INDEX "EmployerContact_employerId_idx" ON "EmployerContact"("employerId");

-- CreateIndex
CREATE INDEX "EmployerContact_participantId_idx" ON "EmployerContact"("participantId");

-- CreateIndex
CREATE INDEX "AuditEvent_participantId_at_idx" ON "AuditEvent"("participantId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_nextAttemptAt_idx" ON "EmailOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "SearchOutbox_processedAt_nextAttemptAt_idx" ON "SearchOutbox"("processedAt", "nextAttemptAt");
