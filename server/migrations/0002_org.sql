CREATE TABLE "areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"name" text NOT NULL,
	"call_info" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocking_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_system" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocking_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"category" text NOT NULL,
	"prefix" text,
	"effect" text NOT NULL,
	CONSTRAINT "blocking_rules_direction_check" CHECK ("blocking_rules"."direction" in ('outgoing','incoming','forwarded')),
	CONSTRAINT "blocking_rules_effect_check" CHECK ("blocking_rules"."effect" in ('bar','allow'))
);
--> statement-breakpoint
CREATE TABLE "company_settings" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"call_info" jsonb,
	"standard_blocking_profile_id" uuid
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"short_code" text NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"time_zone" text DEFAULT 'Europe/Berlin' NOT NULL,
	"dial_code" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"blocking_profile_id" uuid,
	"call_info" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocking_profiles" ADD CONSTRAINT "blocking_profiles_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocking_rules" ADD CONSTRAINT "blocking_rules_profile_id_blocking_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."blocking_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_settings" ADD CONSTRAINT "company_settings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "areas_group_name_idx" ON "areas" USING btree ("group_id",lower("name"));--> statement-breakpoint
CREATE INDEX "areas_company_idx" ON "areas" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "blocking_profiles_name_idx" ON "blocking_profiles" USING btree ("company_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "blocking_profiles_system_idx" ON "blocking_profiles" USING btree ("company_id") WHERE "blocking_profiles"."is_system";--> statement-breakpoint
CREATE INDEX "blocking_rules_profile_idx" ON "blocking_rules" USING btree ("profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_company_name_idx" ON "groups" USING btree ("company_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "groups_company_code_idx" ON "groups" USING btree ("company_id",lower("short_code"));--> statement-breakpoint
CREATE UNIQUE INDEX "groups_company_dial_code_idx" ON "groups" USING btree ("company_id","dial_code");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_default_idx" ON "groups" USING btree ("company_id") WHERE "groups"."is_default";--> statement-breakpoint
INSERT INTO "groups" ("company_id", "name", "short_code", "street", "postal_code", "city", "is_default", "created_at", "updated_at")
SELECT c."id", ct."city" || ', ' || ct."street", 'STD', ct."street", ct."postal_code", ct."city", true, now(), now()
FROM "companies" c JOIN "contracts" ct ON ct."company_id" = c."id"
WHERE NOT EXISTS (SELECT 1 FROM "groups" g WHERE g."company_id" = c."id" AND g."is_default");
--> statement-breakpoint
INSERT INTO "blocking_profiles" ("company_id", "name", "description", "is_system", "created_at", "updated_at")
SELECT c."id", 'Systemsperrprofil', 'Erlaubt alle Verbindungen.', true, now(), now() FROM "companies" c
WHERE NOT EXISTS (SELECT 1 FROM "blocking_profiles" p WHERE p."company_id" = c."id" AND p."is_system");
--> statement-breakpoint
INSERT INTO "company_settings" ("company_id", "standard_blocking_profile_id")
SELECT p."company_id", p."id" FROM "blocking_profiles" p WHERE p."is_system"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "number_blocks" b SET "group_id" = g."id" FROM "groups" g
WHERE g."company_id" = b."company_id" AND g."is_default" AND b."group_id" IS NULL;
