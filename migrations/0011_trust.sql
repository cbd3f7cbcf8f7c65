CREATE TABLE `conversation_participants` (
	`conversation_id` text NOT NULL,
	`officer_id` text NOT NULL,
	`how` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`conversation_id`, `officer_id`)
);
--> statement-breakpoint
CREATE INDEX `conversation_participants_officer` ON `conversation_participants` (`officer_id`,`conversation_id`);--> statement-breakpoint
CREATE TABLE `guess_failures` (
	`subject_hash` text NOT NULL,
	`source_hash` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `guess_failures_subject_at` ON `guess_failures` (`subject_hash`,`at`);--> statement-breakpoint
CREATE INDEX `guess_failures_subject_source_at` ON `guess_failures` (`subject_hash`,`source_hash`,`at`);--> statement-breakpoint
CREATE TABLE `known_sources` (
	`subject_hash` text NOT NULL,
	`source_hash` text NOT NULL,
	`last_success_at` integer NOT NULL,
	PRIMARY KEY(`subject_hash`, `source_hash`)
);
--> statement-breakpoint
CREATE INDEX `known_sources_last_success` ON `known_sources` (`last_success_at`);--> statement-breakpoint
DROP TABLE `sign_in_failures`;--> statement-breakpoint
ALTER TABLE `resume_codes` ADD `used_at` integer;--> statement-breakpoint
CREATE INDEX `resume_codes_issued_for` ON `resume_codes` (`issued_for`);--> statement-breakpoint
ALTER TABLE `resume_codes` DROP COLUMN `failed_attempts`;--> statement-breakpoint
ALTER TABLE `resume_codes` DROP COLUMN `locked_at`;--> statement-breakpoint
-- Who took part in chats that began before this table existed: those who accepted a chat or had
-- it transferred to them, and whoever had it at the end. Raising a chat's priority is not taking part.
INSERT OR IGNORE INTO `conversation_participants` (`conversation_id`, `officer_id`, `how`, `at`)
	SELECT `conversation_id`, `officer_id`, `kind`, MIN(`at`) FROM `queue_events`
	WHERE `kind` IN ('accepted', 'transferred') AND `officer_id` IS NOT NULL
	GROUP BY `conversation_id`, `officer_id`;--> statement-breakpoint
INSERT OR IGNORE INTO `conversation_participants` (`conversation_id`, `officer_id`, `how`, `at`)
	SELECT `id`, `officer_id`, 'accepted', COALESCE(`accepted_at`, `created_at`) FROM `conversations`
	WHERE `officer_id` IS NOT NULL;
