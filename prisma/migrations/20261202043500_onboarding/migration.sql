-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "funderName" TEXT;
ALTER TABLE "Organization" ADD COLUMN "orgNumber" TEXT;
ALTER TABLE "Organization" ADD COLUMN "phone" TEXT;
ALTER TABLE "Organization" ADD COLUMN "visitingAddress" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "invitedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "invitedById" TEXT;

-- CreateTable
CREATE TABLE "OrganizationMunicipality" (
    "organizationId" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,

    PRIMARY KEY ("organizationId", "municipalityCode"),
    CONSTRAINT "OrganizationMunicipality_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrganizationMunicipality_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmployerRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "companyName" TEXT NOT NULL,
    "orgNumber" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "offer" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'unconfirmed',
    "confirmTokenHash" TEXT NOT NULL,
    "confirmExpiresAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "employerId" TEXT,
    "acceptedById" TEXT,
    "acceptedAt" DATETIME,
    "ip" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmployerRegistration_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EmployerRegistration_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "EmployerRegistration_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OrganizationMunicipality_municipalityCode_idx" ON "OrganizationMunicipality"("municipalityCode");

-- CreateIndex
CREATE UNIQUE INDEX "EmployerRegistration_confirmTokenHash_key" ON "EmployerRegistration"("confirmTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "EmployerRegistration_employerId_key" ON "EmployerRegistration"("employerId");

-- CreateIndex
CREATE INDEX "EmployerRegistration_status_municipalityCode_idx" ON "EmployerRegistration"("status", "municipalityCode");

-- CreateIndex
CREATE INDEX "EmployerRegistration_ip_createdAt_idx" ON "EmployerRegistration"("ip", "createdAt");


-- Existing organisations serve their home municipality.
INSERT INTO "OrganizationMunicipality" ("organizationId", "municipalityCode")
SELECT "id", "municipalityCode" FROM "Organization" WHERE "municipalityCode" IS NOT NULL;
