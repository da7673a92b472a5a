import type { ColumnType } from 'kysely';

/**
 * The server's tables as Kysely sees them. Times are epoch milliseconds in a bigint column,
 * read back as numbers: both SQLite and PostgreSQL store them the same way.
 */
type Millis = ColumnType<number, number, number>;

export interface TeamsTable {
  id: string;
  name: string;
  created_at: Millis;
  /** The team's change counter: every synced write takes the next value (pull cursors). */
  version: ColumnType<number, number | undefined, number>;
  crm_webhook_url: ColumnType<string | null, string | null | undefined, string | null>;
  crm_webhook_secret: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UsersTable {
  id: string;
  team_id: string | null;
  email: string;
  name: string;
  role: 'sdr' | 'lead' | 'sales' | 'admin';
  password_hash: string;
  created_at: Millis;
  disabled_at: Millis | null;
}

export interface SessionsTable {
  /** SHA-256 of the opaque token: a stolen database does not hand out live sessions. */
  token_hash: string;
  user_id: string;
  created_at: Millis;
  expires_at: Millis;
  revoked_at: Millis | null;
}

export type EntityKindColumn = 'lead' | 'call' | 'note' | 'event' | 'handoff' | 'playbook' | 'review';

export interface SyncEntitiesTable {
  kind: EntityKindColumn;
  id: string;
  team_id: string;
  /** The lead a call, note, event or hand-off belongs to (a lead's own id for a lead). */
  lead_id: string | null;
  /** The SDR who owns the lead (copied onto its calls, notes…); null: the team's unassigned pool. */
  owner_id: string | null;
  /** Hand-offs: the sales rep they are routed to; null: the team's sales queue. */
  sales_id: string | null;
  /** The record as the client stores it (JSON). */
  data: string;
  /** Leads: the hybrid logical clock of each field's last write (JSON). */
  clocks: string | null;
  deleted: ColumnType<number, number | undefined, number>;
  version: Millis;
  /** The version at which a lead's owner last changed: the previous owner is told it left. */
  owner_version: ColumnType<number, number | undefined, number>;
}

export interface SyncClientsTable {
  client_id: string;
  user_id: string;
  last_seq: Millis;
  updated_at: Millis;
}

export interface SyncRejectionsTable {
  client_id: string;
  seq: Millis;
  mutation_id: string;
  code: string;
  message: string;
  at: Millis;
}

export interface CrmDeliveriesTable {
  handoff_id: string;
  team_id: string;
  url: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failing';
  attempts: number;
  next_attempt_at: Millis;
  last_error: string;
  updated_at: Millis;
}

/** Projections for review and reports (003_review): one row per synced record, flat. */
export interface RvCallsTable {
  id: string;
  team_id: string;
  lead_id: string;
  /** The account that placed the call. */
  sdr_id: string;
  channel: string;
  started_at: Millis;
  connected: number;
  talk_ms: Millis;
  disposition: string | null;
  script_id: string | null;
  script_version: number | null;
  reviews: ColumnType<number, number | undefined, number>;
  last_score: number | null;
}

export interface RvCallDaysTable {
  team_id: string;
  sdr_id: string;
  /** started_at / 86,400,000: the UTC day. */
  day: number;
  dials: number;
  conversations: number;
  talk_ms: Millis;
  touches: number;
}

export interface RvCallQuartersTable {
  team_id: string;
  /** started_at / 900,000: the quarter hour. */
  bucket: Millis;
  dials: number;
  conversations: number;
}

export interface RvLeadsTable {
  id: string;
  team_id: string;
  kind: string;
  owner_id: string | null;
  source: string | null;
  campaign: string | null;
  company: string;
  contact_name: string;
  tags: string;
  created_at: Millis;
  first_call_at: Millis | null;
  first_call_sdr: string | null;
  outcome: 'accepted' | 'returned' | 'pending' | null;
  mql_at: Millis | null;
  sql_at: Millis | null;
}

export interface RvHandoffsTable {
  id: string;
  team_id: string;
  lead_id: string;
  sdr_id: string;
  created_at: Millis;
  status: string;
  decided_at: Millis | null;
  reason: string;
}

export interface RvStatusTable {
  id: string;
  team_id: string;
  lead_id: string;
  sdr_id: string;
  to_status: string;
  at: Millis;
}

export interface RvAnswersTable {
  call_id: string;
  question_id: string;
  team_id: string;
  lead_id: string;
  script_id: string;
}

export interface RvTextsTable {
  id: string;
  team_id: string;
  call_id: string;
  started_at: Millis;
  text: string;
}

export interface PlaybookVersionsTable {
  team_id: string;
  version: number;
  text: string;
  by_name: string;
  note: string;
  restored_from: number | null;
  scripts: string;
  published_at: Millis;
}

export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  sync_entities: SyncEntitiesTable;
  sync_clients: SyncClientsTable;
  sync_rejections: SyncRejectionsTable;
  crm_deliveries: CrmDeliveriesTable;
  rv_calls: RvCallsTable;
  rv_call_days: RvCallDaysTable;
  rv_call_quarters: RvCallQuartersTable;
  rv_leads: RvLeadsTable;
  rv_handoffs: RvHandoffsTable;
  rv_status: RvStatusTable;
  rv_answers: RvAnswersTable;
  rv_texts: RvTextsTable;
  playbook_versions: PlaybookVersionsTable;
}
