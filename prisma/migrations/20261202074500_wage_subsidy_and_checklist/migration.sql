-- CreateTable
CREATE TABLE "WageSubsidyPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT,
    "placementId" TEXT,
    "form" TEXT NOT NULL,
    "monthlySalary" INTEGER NOT NULL,
    "hoursPerWeek" INTEGER NOT NULL,
    "holidayPay" BOOLEAN NOT NULL DEFAULT true,
    "contributionCategory" TEXT NOT NULL DEFAULT 'standard',
    "startDate" DATETIME NOT NULL,
    "steps" TEXT NOT NULL DEFAULT '[]',
    "note" TEXT,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WageSubsidyPlan_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WageSubsidyPlan_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChecklistTick" (
    "placementId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "doneAt" DATETIME NOT NULL,
    "doneById" TEXT,

    PRIMARY KEY ("placementId", "itemId"),
    CONSTRAINT "ChecklistTick_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "WageSubsidyPlan_proposalId_key" ON "WageSubsidyPlan"("proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "WageSubsidyPlan_placementId_key" ON "WageSubsidyPlan"("placementId");
