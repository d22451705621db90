import type { Db } from '../db/database.ts';
import type { Rooms } from '../relay/rooms.ts';
import type { SilenceScheduler } from './scheduler.ts';

/** What the silence operations need: the database, the rooms to mirror into, and the deadline scheduler. */
export interface SilenceDeps {
  db: Db;
  rooms: Rooms;
  silence: SilenceScheduler;
}
