-- AlterTable
ALTER TABLE "Message" ADD COLUMN "formKey" TEXT;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN "coachNote" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Message_formKey_key" ON "Message"("formKey");
