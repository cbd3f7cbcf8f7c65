CREATE TABLE `resume_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`thread_id` text NOT NULL,
	`pin_hash` text NOT NULL,
	`issued_for` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_at` integer
);
--> statement-breakpoint
CREATE INDEX `resume_codes_expires` ON `resume_codes` (`expires_at`);--> statement-breakpoint
ALTER TABLE `conversations` ADD `victim_language` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `thread_id` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `is_returning` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `conversations_thread` ON `conversations` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `conversations_officer_status` ON `conversations` (`officer_id`,`status`);