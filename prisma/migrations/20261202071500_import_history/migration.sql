-- Issue 12: imported history (external references for idempotent re-imports) and participants
-- who are enrolled but not counted in results. Additive: new nullable columns and unique indexes.

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "externalRef" TEXT;
ALTER TABLE "Participant" ADD COLUMN "notCountedReason" TEXT;

-- AlterTable
ALTER TABLE "Placement" ADD COLUMN "externalRef" TEXT;

-- AlterTable
ALTER TABLE "EmployerContact" ADD COLUMN "externalRef" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Participant_organizationId_externalRef_key" ON "Participant"("organizationId", "externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "Placement_participantId_externalRef_key" ON "Placement"("participantId", "externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "EmployerContact_organizationId_externalRef_key" ON "EmployerContact"("organizationId", "externalRef");
