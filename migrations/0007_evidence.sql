CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text NOT NULL,
	`actor_role` text NOT NULL,
	`action` text NOT NULL,
	`conversation_id` text,
	`detail` text,
	`justification` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_conversation` ON `audit_log` (`conversation_id`,`at`);--> statement-breakpoint
CREATE TABLE `record_addenda` (
	`conversation_id` text NOT NULL,
	`n` integer NOT NULL,
	`entry` text NOT NULL,
	`digest` text NOT NULL,
	PRIMARY KEY(`conversation_id`, `n`)
);
--> statement-breakpoint
ALTER TABLE `conversations` ADD `pdf_key` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `pdf_sha256` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `chain_head` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `chain_entries` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `sealed_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `risk_grade` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `victim_token_hash` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `legal_hold_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `legal_hold_by` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `legal_hold_reason` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `erased_at` integer;--> statement-breakpoint
CREATE INDEX `conversations_created` ON `conversations` (`created_at`);--> statement-breakpoint
CREATE INDEX `conversations_ended` ON `conversations` (`ended_at`);--> statement-breakpoint
ALTER TABLE `messages` ADD `digest` text;