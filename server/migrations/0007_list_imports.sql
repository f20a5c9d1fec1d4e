CREATE TABLE "list_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"session_id" uuid,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"file" "bytea" NOT NULL,
	"state" jsonb NOT NULL,
	"rows" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "list_imports" ADD CONSTRAINT "list_imports_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_imports" ADD CONSTRAINT "list_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "list_imports_company_user_idx" ON "list_imports" USING btree ("company_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "list_imports_expires_idx" ON "list_imports" USING btree ("expires_at");