CREATE TABLE `assessment_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`kind` text NOT NULL,
	`question_id` text,
	`answer` text,
	`comment` text,
	`message_seqs` text,
	`grade` text,
	`incidents_in_year` integer,
	`officer_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_entries_conversation` ON `assessment_entries` (`conversation_id`,`at`);