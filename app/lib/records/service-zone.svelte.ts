/**
 * The service's time zone, as the Worker reports it (SERVICE_TIME_ZONE, with the list of one's own
 * recent chats): every time on the Records page is written in it, with its offset. Until the
 * Worker has said, the service's default is used, and the offset shown keeps that honest.
 */
import { DEFAULT_SERVICE_TIME_ZONE } from "$shared/service-time";

export const serviceZone = $state({ name: DEFAULT_SERVICE_TIME_ZONE });
