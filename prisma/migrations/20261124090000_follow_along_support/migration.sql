-- AlterTable
ALTER TABLE "User" ADD COLUMN "digestSentAt" DATETIME;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "emailMessageId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "placementId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scheduledAt" DATETIME NOT NULL,
    "durationMin" INTEGER NOT NULL DEFAULT 60,
    "place" TEXT,
    "videoLink" TEXT,
    "phone" TEXT,
    "agenda" TEXT,
    "attendees" TEXT NOT NULL DEFAULT '[]',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "notes" TEXT,
    "doneAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Meeting_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("agenda", "createdAt", "createdById", "doneAt", "durationMin", "id", "kind", "notes", "place", "placementId", "scheduledAt", "status", "videoLink") SELECT "agenda", "createdAt", "createdById", "doneAt", "durationMin", "id", "kind", "notes", "place", "placementId", "scheduledAt", "status", "videoLink" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_placementId_idx" ON "Meeting"("placementId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Message_threadId_emailMessageId_key" ON "Message"("threadId", "emailMessageId");

