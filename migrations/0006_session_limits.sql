CREATE TABLE `sign_in_failures` (
	`email_hash` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_email_at` ON `sign_in_failures` (`email_hash`,`at`);--> statement-breakpoint
ALTER TABLE `officer_sessions` ADD `last_seen_at` integer DEFAULT 0 NOT NULL;