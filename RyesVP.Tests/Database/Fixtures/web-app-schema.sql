-- FIXTURE: a database as the web app's Prisma migrations leave it (plain CREATE statements, Prisma's names),
-- plus web-app-only tables and a little data, to prove the pipeline's migrations apply on top without changes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE "EventSource" AS ENUM ('VENUE_WEBSITE', 'TICKETMASTER', 'SEATGEEK', 'MANUAL');
CREATE TYPE "EventStatus" AS ENUM ('SCHEDULED', 'CANCELLED', 'POSTPONED', 'SOLD_OUT');
CREATE TYPE "EventCategory" AS ENUM ('CONCERT', 'COMEDY', 'THEATER', 'SPORTS', 'FESTIVAL', 'OTHER');
CREATE TYPE "EnrichmentStatus" AS ENUM ('PENDING', 'PROCESSING', 'COMPLETED', 'PARTIAL', 'FAILED', 'SKIPPED');
CREATE TYPE "PerformerType" AS ENUM ('ARTIST', 'TEAM', 'COMEDIAN', 'COMPANY', 'OTHER');

ALTER TYPE "EventCategory" ADD VALUE 'MOVIE';

CREATE TABLE "Venue" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "websiteUrl" TEXT,
    "address" TEXT,
    "city" TEXT NOT NULL DEFAULT 'Austin',
    "state" TEXT NOT NULL DEFAULT 'TX',
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Venue_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Venue_slug_key" ON "Venue"("slug");
CREATE INDEX "Venue_slug_idx" ON "Venue"("slug");
CREATE INDEX "idx_venue_name_trgm" ON "Venue" USING GIN ("name" gin_trgm_ops);

CREATE TABLE "Performer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "type" "PerformerType" NOT NULL DEFAULT 'OTHER',
    "bio" TEXT,
    "imageUrl" TEXT,
    "websiteUrl" TEXT,
    "tags" TEXT[],
    "spotifyId" TEXT,
    "ticketmasterId" TEXT,
    "espnId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Performer_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Performer_slug_key" ON "Performer"("slug");
CREATE INDEX "Performer_slug_idx" ON "Performer"("slug");
CREATE INDEX "Performer_type_idx" ON "Performer"("type");
CREATE INDEX "Performer_name_idx" ON "Performer"("name");
CREATE INDEX "Performer_spotifyId_idx" ON "Performer"("spotifyId");
CREATE INDEX "Performer_ticketmasterId_idx" ON "Performer"("ticketmasterId");
CREATE INDEX "idx_performer_name_trgm" ON "Performer" USING GIN ("name" gin_trgm_ops);

CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "startDateTime" TIMESTAMP(3) NOT NULL,
    "endDateTime" TIMESTAMP(3),
    "url" TEXT,
    "imageUrl" TEXT,
    "source" "EventSource" NOT NULL DEFAULT 'VENUE_WEBSITE',
    "sourceEventId" TEXT,
    "status" "EventStatus" NOT NULL DEFAULT 'SCHEDULED',
    "category" "EventCategory" NOT NULL DEFAULT 'OTHER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "performerId" TEXT,
    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Event_source_sourceEventId_key" ON "Event"("source", "sourceEventId");
CREATE INDEX "Event_venueId_idx" ON "Event"("venueId");
CREATE INDEX "Event_status_idx" ON "Event"("status");
CREATE INDEX "Event_category_idx" ON "Event"("category");
CREATE INDEX "Event_performerId_idx" ON "Event"("performerId");
CREATE INDEX "Event_startDateTime_status_idx" ON "Event"("startDateTime", "status");
CREATE INDEX "Event_startDateTime_status_category_idx" ON "Event"("startDateTime", "status", "category");
CREATE INDEX "idx_event_title_trgm" ON "Event" USING GIN ("title" gin_trgm_ops);
CREATE INDEX "idx_event_created_at" ON "Event"("createdAt" DESC);

CREATE TABLE "Enrichment" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "searchQuery" TEXT NOT NULL,
    "kgEntityId" TEXT,
    "kgName" TEXT,
    "kgDescription" TEXT,
    "kgBio" TEXT,
    "kgImageUrl" TEXT,
    "kgWikiUrl" TEXT,
    "kgTypes" TEXT[],
    "kgScore" DOUBLE PRECISION,
    "spotifyId" TEXT,
    "spotifyName" TEXT,
    "spotifyUrl" TEXT,
    "spotifyImageUrl" TEXT,
    "spotifyGenres" TEXT[],
    "spotifyPopularity" INTEGER,
    "llmCategory" "EventCategory",
    "llmPerformer" TEXT,
    "llmDescription" TEXT,
    "llmConfidence" TEXT,
    "tmEventId" TEXT,
    "tmEventName" TEXT,
    "tmUrl" TEXT,
    "tmOnSaleStart" TIMESTAMP(3),
    "tmOnSaleEnd" TIMESTAMP(3),
    "tmPresales" JSONB,
    "tmImageUrl" TEXT,
    "tmSeatmapUrl" TEXT,
    "tmAttractionId" TEXT,
    "tmAttractionName" TEXT,
    "tmSupportingActs" TEXT[],
    "tmExternalLinks" JSONB,
    "tmGenre" TEXT,
    "tmSubGenre" TEXT,
    "tmSegment" TEXT,
    "tmInfo" TEXT,
    "tmPleaseNote" TEXT,
    "tmTicketLimit" INTEGER,
    "tmTimezone" TEXT,
    "tmPromoterId" TEXT,
    "tmPromoterName" TEXT,
    "tmStatus" TEXT,
    "tmMatchConfidence" DOUBLE PRECISION,
    "tmPreferTitle" BOOLEAN NOT NULL DEFAULT false,
    "tmLastChecked" TIMESTAMP(3),
    "inferredCategory" "EventCategory",
    "categoryUpdated" BOOLEAN NOT NULL DEFAULT false,
    "status" "EnrichmentStatus" NOT NULL DEFAULT 'PENDING',
    "retryCount" INTEGER NOT NULL DEFAULT 0,
    "errorMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Enrichment_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Enrichment_eventId_key" ON "Enrichment"("eventId");
CREATE INDEX "Enrichment_eventId_status_idx" ON "Enrichment"("eventId", "status");
CREATE INDEX "Enrichment_status_idx" ON "Enrichment"("status");
CREATE INDEX "Enrichment_kgEntityId_idx" ON "Enrichment"("kgEntityId");
CREATE INDEX "Enrichment_spotifyId_idx" ON "Enrichment"("spotifyId");

CREATE TABLE "TMEventCache" (
    "id" TEXT NOT NULL,
    "venueSlug" TEXT NOT NULL,
    "tmVenueId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "localDate" TEXT,
    "startDateTime" TIMESTAMP(3) NOT NULL,
    "endDateTime" TIMESTAMP(3),
    "timezone" TEXT,
    "spanMultipleDays" BOOLEAN NOT NULL DEFAULT false,
    "onSaleStart" TIMESTAMP(3),
    "onSaleEnd" TIMESTAMP(3),
    "presales" JSONB,
    "imageUrl" TEXT,
    "seatmapUrl" TEXT,
    "attractionId" TEXT,
    "attractionName" TEXT,
    "supportingActs" TEXT[],
    "externalLinks" JSONB,
    "genre" TEXT,
    "subGenre" TEXT,
    "segment" TEXT,
    "promoterId" TEXT,
    "promoterName" TEXT,
    "status" TEXT,
    "info" TEXT,
    "pleaseNote" TEXT,
    "ticketLimit" INTEGER,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TMEventCache_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "TMEventCache_venueSlug_localDate_idx" ON "TMEventCache"("venueSlug", "localDate");
CREATE INDEX "TMEventCache_tmVenueId_idx" ON "TMEventCache"("tmVenueId");
CREATE INDEX "TMEventCache_fetchedAt_idx" ON "TMEventCache"("fetchedAt");

CREATE TABLE "WeatherCache" (
    "id" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "forecastDate" TEXT NOT NULL,
    "tempHigh" INTEGER NOT NULL,
    "tempLow" INTEGER NOT NULL,
    "feelsLikeHigh" INTEGER NOT NULL,
    "feelsLikeLow" INTEGER NOT NULL,
    "precipChance" INTEGER NOT NULL,
    "humidity" INTEGER NOT NULL,
    "uvIndex" INTEGER NOT NULL,
    "windSpeed" INTEGER NOT NULL,
    "condition" TEXT NOT NULL,
    "conditionIcon" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WeatherCache_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "WeatherCache_lat_lng_forecastDate_key" ON "WeatherCache"("lat", "lng", "forecastDate");
CREATE INDEX "WeatherCache_forecastDate_idx" ON "WeatherCache"("forecastDate");

ALTER TABLE "Event" ADD CONSTRAINT "Event_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Event" ADD CONSTRAINT "Event_performerId_fkey" FOREIGN KEY ("performerId") REFERENCES "Performer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Enrichment" ADD CONSTRAINT "Enrichment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "User" ("id" TEXT NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
CREATE TABLE "UserEvent" ("id" TEXT NOT NULL, "userId" TEXT NOT NULL, "eventId" TEXT NOT NULL, "status" TEXT NOT NULL,
  CONSTRAINT "UserEvent_pkey" PRIMARY KEY ("id"));
ALTER TABLE "UserEvent" ADD CONSTRAINT "UserEvent_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "Venue" ("id", "name", "slug", "websiteUrl", "city", "state", "lat", "lng", "updatedAt")
VALUES ('venue-stubbs', 'Stubb''s BBQ', 'stubbs', 'https://stubbsaustin.com', 'Austin', 'TX', NULL, NULL, '2025-11-26 03:24:07.000');
INSERT INTO "Event" ("id", "venueId", "title", "startDateTime", "url", "source", "sourceEventId", "status", "category", "createdAt", "updatedAt")
VALUES ('event-shakey', 'venue-stubbs', 'Shakey Graves', '2027-03-21 01:00:00.000', 'https://stubbsaustin.com/tm-event/shakey-graves-2027-03-20/',
        'VENUE_WEBSITE', 'shakey-graves-2027-03-20', 'SCHEDULED', 'COMEDY', '2025-12-01 00:00:00.000', '2025-12-01 00:00:00.000');
INSERT INTO "User" VALUES ('user-1', 'fan@example.com');
INSERT INTO "UserEvent" VALUES ('ue-1', 'user-1', 'event-shakey', 'GOING');
