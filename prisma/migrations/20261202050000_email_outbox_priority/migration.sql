-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "EmailOutbox_status_priority_nextAttemptAt_idx" ON "EmailOutbox"("status", "priority", "nextAttemptAt");
