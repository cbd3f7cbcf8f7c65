ALTER TABLE `conversations` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `crime_reference` text;--> statement-breakpoint
CREATE INDEX `conversations_crime_reference` ON `conversations` (`crime_reference`);