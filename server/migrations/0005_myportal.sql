ALTER TABLE "onboarding_codes" DROP CONSTRAINT "onboarding_codes_kind_check";--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "downloads" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "onboarding_codes" ADD CONSTRAINT "onboarding_codes_kind_check" CHECK ("onboarding_codes"."kind" in ('welcome_letter','activation','admin_invite','temporary_password'));