-- New: the LLM's last answer per event for one exact question (our title and the candidate set), so an unchanged
-- cache never costs a second LLM call, whether the answer was a match or "none of these". Not read by the web app.
CREATE TABLE IF NOT EXISTS "TmMatchDecision" (
    "eventId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "tmEventId" TEXT,
    "confidence" TEXT NOT NULL,
    "preferTitle" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "TmMatchDecision_pkey" PRIMARY KEY ("eventId"),
    CONSTRAINT "TmMatchDecision_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
