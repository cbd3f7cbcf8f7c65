ALTER TABLE `conversations` ADD `wrapped_up_at` integer;--> statement-breakpoint
-- Chats that ended before wrap-up existed are not brought back into anyone's console.
UPDATE `conversations` SET `wrapped_up_at` = `ended_at` WHERE `status` = 'ended';
