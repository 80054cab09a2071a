import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// ---------------------------------------------------------------- enums

export const regionLevel = pgEnum('region_level', ['kota', 'kecamatan', 'kelurahan']);

export const agencyKind = pgEnum('agency_kind', [
  'kelurahan',
  'kecamatan',
  'walikota',
  'balaikota',
  'dinas',
  'sudin',
  'inspektorat',
  'biro',
  'bumd',
  // bodies outside the Pemprov that CRM forwards to (PLN, the police, …)
  'eksternal',
]);

export const reportStatus = pgEnum('report_status', [
  'menunggu',
  'koordinasi',
  'disposisi',
  'proses',
  'menunggu_validasi',
  'selesai',
  'ditolak',
]);

export const eventType = pgEnum('event_type', [
  'dibuat', // report filed
  'diterima', // accepted by the handling unit → proses
  'koordinasi', // coordinated to another agency
  'disposisi', // Dinas → Suku Dinas
  'dialihkan', // re-routed to another kelurahan
  'estimasi', // estimated completion date set
  'tanggapan', // public response
  'catatan', // internal note (never public)
  'tindak_lanjut', // follow-up with after-photos → menunggu_validasi
  'validasi_diterima', // validator accepts → selesai
  'validasi_ditolak', // "TL ditolak" → proses
  'ditolak', // ticket rejected (duplicate / not within authority / invalid)
  'konfirmasi', // reporter confirms the work is done
  'dibuka_kembali', // reopened by the reporter ("belum selesai")
  'penilaian', // rating
  'informasi', // reporter adds information
  'dukungan', // a citizen supports ("me too")
  'eskalasi', // escalated up the ladder
  'triase', // location and category set for a report that came without them
  'sanggahan', // the reporter disputes a follow-up waiting for validation
  'moderasi', // staff hid or edited the public text of a report, or hid a photo
  'instruksi', // a camat or walikota instructs a unit below them, with a deadline
]);

export const rejectReason = pgEnum('reject_reason', ['duplikat', 'bukan_kewenangan', 'tidak_valid']);

export const userRole = pgEnum('user_role', [
  'admin',
  'operator',
  'lurah',
  'camat',
  'walikota',
  'agency',
  'validator',
  'inspektorat',
]);

export const attachmentKind = pgEnum('attachment_kind', ['sebelum', 'sesudah', 'informasi']);

export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

export const slaCalendar = pgEnum('sla_calendar', ['kalender', 'hari_kerja']);

/** How an instruction ended: carried out (follow-up reported or ticket closed), or moved away from its unit. */
export const instructionOutcome = pgEnum('instruction_outcome', ['dilaksanakan', 'dialihkan']);

/** The reference lists an outside label (an archive's spelling) can be mapped onto. */
export const referenceKind = pgEnum('reference_kind', ['kategori', 'instansi', 'kelurahan']);

// ---------------------------------------------------------------- reference data

export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: regionLevel('level').notNull(),
    parentCode: text('parent_code'),
    /** GeoJSON Polygon or MultiPolygon (RFC 7946, lon/lat). */
    geometry: jsonb('geometry').notNull(),
    minLng: doublePrecision('min_lng').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLng: doublePrecision('max_lng').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    centerLat: doublePrecision('center_lat').notNull(),
    centerLng: doublePrecision('center_lng').notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_level_idx').on(t.level)],
);

export const agencies = pgTable(
  'agencies',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: agencyKind('kind').notNull(),
    /** The name people and the archive use for short ("Dishub", "Satpol PP"). */
    shortName: text('short_name'),
    /** The region an office serves (kelurahan/kecamatan/kota office, or a Suku Dinas's kota). */
    regionCode: text('region_code').references(() => regions.code),
    /** A Suku Dinas points at its Dinas. */
    parentId: integer('parent_id'),
  },
  (t) => [index('agencies_region_idx').on(t.regionCode), index('agencies_parent_idx').on(t.parentId)],
);

export const categories = pgTable('categories', {
  code: text('code').primaryKey(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  groupId: text('group_id').notNull(),
  groupEn: text('group_en').notNull(),
  /** Agency code of the Dinas that handles it when the kelurahan coordinates it onward. */
  defaultAgencyCode: text('default_agency_code'),
  isConfidential: boolean('is_confidential').notNull().default(false),
  duplicateRadiusM: integer('duplicate_radius_m').notNull().default(150),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * Service-level policy: the row without a category is the city-wide default, a row with one
 * overrides it for that category. Hours are service hours on the row's calendar.
 */
export const slaPolicies = pgTable('sla_policies', {
  id: serial('id').primaryKey(),
  categoryCode: text('category_code')
    .unique()
    .references(() => categories.code),
  firstResponseHours: integer('first_response_hours').notNull(),
  followUpHours: integer('follow_up_hours').notNull(),
  silenceRedHours: integer('silence_red_hours').notNull(),
  escalationStepHours: integer('escalation_step_hours').notNull(),
  calendar: slaCalendar('calendar').notNull().default('kalender'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Public holidays (WIB calendar days): not working days on the working-day calendar. */
export const holidays = pgTable('holidays', {
  day: date('day', { mode: 'string' }).primaryKey(),
  name: text('name').notNull(),
});

export const channels = pgTable('channels', {
  code: text('code').primaryKey(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  isGeotagged: boolean('is_geotagged').notNull().default(false),
  isOfficial: boolean('is_official').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  /** How a resident uses it (address, account, number), in each language; editable by admins. */
  howId: text('how_id').notNull().default(''),
  howEn: text('how_en').notNull().default(''),
  /** Desk or service hours, in each language; empty = any time. */
  hoursId: text('hours_id').notNull().default(''),
  hoursEn: text('hours_en').notNull().default(''),
});

// ---------------------------------------------------------------- people

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    regionCode: text('region_code').references(() => regions.code),
    agencyId: integer('agency_id').references(() => agencies.id),
    isActive: boolean('is_active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Bumped by a password change, sign-out everywhere, disabling, or a new role or jurisdiction: older sessions end. */
    sessionVersion: integer('session_version').notNull().default(1),
    /** A one-time password was given (first admin, reset): it must be changed at the next sign-in. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** The TOTP secret (RFC 6238), encrypted with the server secret; null until enrolled. */
    totpSecret: text('totp_secret'),
    /** When enrolment was confirmed with a first code; null while only pending. */
    totpEnabledAt: ts('totp_enabled_at'),
    /** The last TOTP time step accepted, so a code is never accepted twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  },
  (t) => [index('users_region_idx').on(t.regionCode), index('users_agency_idx').on(t.agencyId)],
);

/** One-time recovery codes for multi-factor sign-in; only a hash is kept. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('staff_recovery_codes_user_idx').on(t.userId)],
);

/**
 * Devices an official signed in from successfully (a keyed hash of a long-lived cookie): failed
 * attempts lock an account only for unknown devices, so nobody can lock an official out from elsewhere.
 */
export const staffDevices = pgTable(
  'staff_devices',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    deviceHash: text('device_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceHash] })],
);

/** Settings an admin changes at run time (e.g. multi-factor sign-in required for every role). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

// ---------------------------------------------------------------- reports

/** Numbers every insert and update of a report (set by a trigger), so readers can fetch what changed since. */
export const reportsChangeSeq = pgSequence('reports_change_seq');

export const reports = pgTable(
  'reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    number: text('number').notNull(),
    channelCode: text('channel_code')
      .notNull()
      .references(() => channels.code),
    channelRef: text('channel_ref'),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    description: text('description').notNull(),
    address: text('address'),
    isPublic: boolean('is_public').notNull().default(false),
    isConfidential: boolean('is_confidential').notNull().default(false),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    kelurahanCode: text('kelurahan_code').references(() => regions.code),
    kecamatanCode: text('kecamatan_code').references(() => regions.code),
    kotaCode: text('kota_code').references(() => regions.code),
    status: reportStatus('status').notNull().default('menunggu'),
    handlingAgencyId: integer('handling_agency_id').references(() => agencies.id),
    estimatedCompletionAt: ts('estimated_completion_at'),
    firstResponseDueAt: ts('first_response_due_at'),
    dueAt: ts('due_at'),
    firstResponseAt: ts('first_response_at'),
    finishedAt: ts('finished_at'),
    lastActivityAt: ts('last_activity_at').notNull().defaultNow(),
    supportCount: integer('support_count').notNull().default(0),
    reopenCount: smallint('reopen_count').notNull().default(0),
    rejectedFollowUpCount: smallint('rejected_follow_up_count').notNull().default(0),
    rejectReason: rejectReason('reject_reason'),
    duplicateOfId: bigint('duplicate_of_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    reporterEmail: text('reporter_email'),
    trackingSecretHash: text('tracking_secret_hash'),
    idempotencyKey: text('idempotency_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** Steps climbed on the escalation ladder: 0 none, 1 kecamatan, 2 walikota, 3 Balai Kota. */
    escalationLevel: smallint('escalation_level').notNull().default(0),
    /** Times the reporter disputed a follow-up ("belum selesai" before validation). */
    disputeCount: smallint('dispute_count').notNull().default(0),
    /** Integrity flags raised by the latest follow-up's photos (0 = none): validators see these first. */
    proofFlags: smallint('proof_flags').notNull().default(0),
    /** The point is a stand-in inside the kelurahan (imported or typed-in reports without coordinates). */
    locationApproximate: boolean('location_approximate').notNull().default(false),
    /** Set from reports_change_seq by a trigger on every insert and update; never written by the app. */
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull().default(0),
    /** The text the public sees when staff moderated it (null = the description as filed, masked). */
    publicDescription: text('public_description'),
    /** Staff hid the public text altogether (moderation). */
    isTextHidden: boolean('is_text_hidden').notNull().default(false),
    moderatedAt: ts('moderated_at'),
    /**
     * The position the public may know, computed by the database: exact for public reports, snapped
     * to a fixed grid of 0.001° (about 110 m) for private ones. Every public filter and distance uses it.
     */
    publicLat: doublePrecision('public_lat').generatedAlwaysAs(
      sql`case when is_public then lat else round(lat::numeric, 3)::double precision end`,
    ),
    publicLng: doublePrecision('public_lng').generatedAlwaysAs(
      sql`case when is_public then lng else round(lng::numeric, 3)::double precision end`,
    ),
  },
  (t) => [
    uniqueIndex('reports_number_uq').on(t.number),
    uniqueIndex('reports_idempotency_uq').on(t.idempotencyKey),
    uniqueIndex('reports_channel_ref_uq').on(t.channelCode, t.channelRef),
    // map: public, non-confidential points by position, newest first
    index('reports_map_idx')
      .on(t.publicLat, t.publicLng)
      .where(sql`${t.isConfidential} = false and ${t.publicLat} is not null`),
    index('reports_created_idx').on(t.createdAt),
    index('reports_kelurahan_status_idx').on(t.kelurahanCode, t.status, t.createdAt),
    index('reports_kecamatan_status_idx').on(t.kecamatanCode, t.status, t.createdAt),
    index('reports_kota_status_idx').on(t.kotaCode, t.status, t.createdAt),
    index('reports_agency_status_idx').on(t.handlingAgencyId, t.status, t.dueAt),
    index('reports_category_created_idx').on(t.categoryCode, t.createdAt),
    index('reports_status_created_idx').on(t.status, t.createdAt),
    index('reports_change_idx').on(t.changeSeq),
    check('reports_lat_range', sql`${t.lat} is null or (${t.lat} between -90 and 90)`),
    check('reports_lng_range', sql`${t.lng} is null or (${t.lng} between -180 and 180)`),
  ],
);

/** Daily ticket sequence, locked by the transaction that files the report. */
export const ticketSequences = pgTable('ticket_sequences', {
  day: date('day', { mode: 'string' }).primaryKey(),
  last: integer('last').notNull().default(0),
});

/** The confidential series (`JKR…`): confidential tickets take no number of the public daily sequence. */
export const confidentialTicketSequences = pgTable('confidential_ticket_sequences', {
  day: date('day', { mode: 'string' }).primaryKey(),
  last: integer('last').notNull().default(0),
});

export const reportEvents = pgTable(
  'report_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id),
    type: eventType('type').notNull(),
    fromStatus: reportStatus('from_status'),
    toStatus: reportStatus('to_status'),
    isPublic: boolean('is_public').notNull().default(true),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorAgencyId: integer('actor_agency_id').references(() => agencies.id),
    /** Who acted when no staff user did: 'warga' (the reporter), 'sistem'. */
    actorLabel: text('actor_label'),
    body: text('body'),
    data: jsonb('data'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('report_events_report_idx').on(t.reportId, t.createdAt)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id),
    eventId: bigint('event_id', { mode: 'number' }).references(() => reportEvents.id),
    kind: attachmentKind('kind').notNull(),
    storageKey: text('storage_key').notNull(),
    thumbKey: text('thumb_key'),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    /** Perceptual (difference) hash, hex; private, for integrity checks. */
    phash: text('phash'),
    exifTakenAt: ts('exif_taken_at'),
    exifLat: doublePrecision('exif_lat'),
    exifLng: doublePrecision('exif_lng'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** An official's photo of a private report is public only when its author marked it publishable. */
    isPublishable: boolean('is_publishable').notNull().default(false),
    /** Staff hid it from the public (moderation); it stays for staff. */
    hiddenAt: ts('hidden_at'),
    /**
     * Accepted but not yet processed: `storage_key` is the upload as it came, never served to
     * anyone; the photo worker re-encodes it, hashes it and clears this (lib/media/quarantine.ts).
     */
    quarantinedAt: ts('quarantined_at'),
    processAttempts: integer('process_attempts').notNull().default(0),
    /** A worker holds it until then; after that another may take it over. */
    processLeaseUntil: ts('process_lease_until'),
    /** Why it could not be processed (the file is damaged): it stays in quarantine for good. */
    processError: text('process_error'),
  },
  (t) => [
    index('attachments_report_idx').on(t.reportId),
    index('attachments_quarantine_idx').on(t.id).where(sql`${t.quarantinedAt} is not null and ${t.processError} is null`),
    index('attachments_phash_idx').on(t.phash),
    // the orphan sweep asks, file by file, whether any row still points at it
    index('attachments_storage_key_idx').on(t.storageKey),
    index('attachments_thumb_key_idx').on(t.thumbKey),
  ],
);

/**
 * The robust perceptual hashes of a published photo (lib/media/photo-fingerprint.ts): one per window
 * (whole photo, centred and corner crops), each split into four 16-bit bands, each band indexed, so
 * that a recycled proof photo finds its original by index (multi-index hashing), never by a scan of
 * every photo. Private, like `phash`; written by the photo-hash indexer, which also backfills.
 */
export const photoHashes = pgTable(
  'photo_hashes',
  {
    attachmentId: bigint('attachment_id', { mode: 'number' })
      .notNull()
      .references(() => attachments.id),
    window: smallint('window').notNull(),
    /** The 64-bit pHash as a signed bigint (compared with bit_count of the xor). */
    hash: bigint('hash', { mode: 'bigint' }).notNull(),
    band0: integer('band0').notNull(),
    band1: integer('band1').notNull(),
    band2: integer('band2').notNull(),
    band3: integer('band3').notNull(),
  },
  // each band's index carries the hash and the photo, so a look-up is an index-only scan: at a
  // million photos, fetching the matching rows from the table cost more than finding them
  (t) => [
    primaryKey({ columns: [t.attachmentId, t.window] }),
    index('photo_hashes_band0_cover_idx').on(t.band0, t.hash, t.attachmentId),
    index('photo_hashes_band1_cover_idx').on(t.band1, t.hash, t.attachmentId),
    index('photo_hashes_band2_cover_idx').on(t.band2, t.hash, t.attachmentId),
    index('photo_hashes_band3_cover_idx').on(t.band3, t.hash, t.attachmentId),
  ],
);

/**
 * An instruction ("disposisi" down the hierarchy) from a camat or walikota to a unit below them on
 * one ticket, with a deadline. Its 'instruksi' timeline event records that it was given; this row
 * carries what the event cannot: whether it is still open, and when and how it ended, so the
 * receiving unit's queue and the supervisor's "Instruksi saya" are plain indexed reads.
 */
export const instructions = pgTable(
  'instructions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id),
    /** The 'instruksi' event that gave it. */
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => reportEvents.id),
    fromUserId: integer('from_user_id')
      .notNull()
      .references(() => users.id),
    /** The instructing office (kecamatan or walikota), when the official has one. */
    fromAgencyId: integer('from_agency_id').references(() => agencies.id),
    toAgencyId: integer('to_agency_id')
      .notNull()
      .references(() => agencies.id),
    body: text('body').notNull(),
    dueAt: ts('due_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Null while open. */
    closedAt: ts('closed_at'),
    outcome: instructionOutcome('outcome'),
    /** The event that ended it. */
    closedEventId: bigint('closed_event_id', { mode: 'number' }).references(() => reportEvents.id),
  },
  (t) => [
    index('instructions_report_idx').on(t.reportId),
    index('instructions_to_idx').on(t.toAgencyId, t.closedAt),
    index('instructions_from_agency_idx').on(t.fromAgencyId, t.createdAt),
    index('instructions_from_user_idx').on(t.fromUserId, t.createdAt),
    check('instructions_closed', sql`(${t.closedAt} is null) = (${t.outcome} is null)`),
  ],
);

/**
 * Photo files written but perhaps not yet recorded: a key is added (and committed) before its file
 * is written, and the orphan sweep later removes the file if no attachment refers to it.
 */
export const mediaUploads = pgTable(
  'media_uploads',
  {
    key: text('key').primaryKey(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('media_uploads_created_idx').on(t.createdAt)],
);

export const ratings = pgTable(
  'ratings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id),
    score: smallint('score').notNull(),
    comment: text('comment'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('ratings_report_idx').on(t.reportId),
    check('ratings_score_range', sql`${t.score} between 1 and 5`),
  ],
);

/**
 * Public figures of every kota, kecamatan and kelurahan, kept by triggers on reports and ratings
 * (drizzle/0020_region_tallies.sql) so that a region page never counts its reports one by one.
 * A report counts in its three regions unless confidential; a finished one also in the quarter-hour
 * bucket of its time to finish (aduan_finish_bucket: quarter hours, then hours to 60 days), which leads
 * the median to a short index range. Triggers only append to the changes table (no row that
 * concurrent filings would queue on); the figures are the sum of both tables, folded from time to
 * time by aduan_fold_region_tallies().
 */
const tallyColumns = () => ({
  regionCode: text('region_code').notNull(),
  status: reportStatus('status').notNull(),
  finishBucket: smallint('finish_bucket').notNull(),
  reports: integer('reports').notNull(),
  ratings: integer('ratings').notNull(),
  ratingSum: integer('rating_sum').notNull(),
});

export const regionReportTallies = pgTable('region_report_tallies', tallyColumns(), (t) => [
  primaryKey({ columns: [t.regionCode, t.status, t.finishBucket] }),
]);

/** What the triggers appended since the last fold, in the same shape. */
export const regionReportTallyChanges = pgTable('region_report_tally_changes', tallyColumns(), (t) => [
  index('region_report_tally_changes_region_idx').on(t.regionCode),
]);

/** Citizens following one ticket (the reporter, supporters). Contact is private. */
/**
 * A citizen's support ("dukung") of a ticket. With a contact it counts, and the contact follows the
 * ticket, only once confirmed from the message sent to it (double opt-in); one supporter (a keyed
 * hash of the contact, or of the browser without one) supports a ticket once.
 */
export const reportSupports = pgTable(
  'report_supports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id),
    supporterKey: text('supporter_key').notNull(),
    /** Kept only until confirmed (then it is in report_subscribers); null for a support without contact. */
    contact: text('contact'),
    /** Secret of the confirmation link; null once used or for a support without contact. */
    token: text('token').unique(),
    confirmedAt: ts('confirmed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_supports_once_uq').on(t.reportId, t.supporterKey)],
);

export const reportSubscribers = pgTable(
  'report_subscribers',
  {
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id),
    contact: text('contact').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.contact] })],
);

// ---------------------------------------------------------------- accountability & delivery

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    data: jsonb('data'),
    ip: text('ip'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_actor_idx').on(t.actorUserId, t.createdAt),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    reportId: bigint('report_id', { mode: 'number' }).references(() => reports.id),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    deliveredAt: ts('delivered_at'),
    /** Extra e-mail headers (List-Unsubscribe for alerts). */
    headers: jsonb('headers'),
  },
  (t) => [index('outbox_pending_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * A browser's Web Push subscription: its endpoint and keys, and whose it is: a citizen's for one
 * report (proven with the tracking key) or an official's for their unit's tickets. Personal data
 * like a phone number: no public view reads this table, nothing logs it, and outbox rows name a
 * subscription by id (`push:<id>`), never by endpoint. One browser has one endpoint, so the same
 * endpoint may follow several reports and belong to an official: unique per owner, not alone.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: serial('id').primaryKey(),
    endpoint: text('endpoint').notNull(),
    /** The browser's P-256 public key and auth secret (base64url), to encrypt payloads (RFC 8291). */
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    reportId: bigint('report_id', { mode: 'number' }).references(() => reports.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The language of the payloads ('id' or 'en'), as the page was when the subscriber opted in. */
    language: text('language').notNull().default('id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSuccessAt: ts('last_success_at'),
    lastFailureAt: ts('last_failure_at'),
  },
  (t) => [
    uniqueIndex('push_subscriptions_report_uq').on(t.endpoint, t.reportId).where(sql`${t.reportId} is not null`),
    uniqueIndex('push_subscriptions_user_uq').on(t.endpoint, t.userId).where(sql`${t.userId} is not null`),
    index('push_subscriptions_report_idx').on(t.reportId),
    index('push_subscriptions_user_idx').on(t.userId),
    check('push_subscriptions_one_owner', sql`(${t.reportId} is null) <> (${t.userId} is null)`),
    check('push_subscriptions_language', sql`${t.language} in ('id', 'en')`),
  ],
);

/**
 * A WhatsApp sender (lib/whatsapp): their number (`wa_id`, personal data like a phone number: no
 * public view reads this table and outbox rows name a conversation by id, `wa:<id>`), where the
 * report they are filing stands, their language, and when they last wrote (the 24-hour window in
 * which free text may be sent; outside it only an approved template).
 */
export const waConversations = pgTable(
  'wa_conversations',
  {
    id: serial('id').primaryKey(),
    waId: text('wa_id').notNull().unique(),
    language: text('language').notNull().default('id'),
    /** The conversation engine's state (lib/whatsapp/conversation.ts ConversationState). */
    state: jsonb('state').notNull(),
    lastInboundAt: ts('last_inbound_at'),
    /** A conversation in the middle of a report ends here without a message from the sender. */
    expiresAt: ts('expires_at'),
    /** "berhenti": no status messages until "mulai". */
    optedOutAt: ts('opted_out_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('wa_conversations_expires_idx').on(t.expiresAt).where(sql`${t.expiresAt} is not null`),
    check('wa_conversations_language', sql`${t.language} in ('id', 'en')`),
  ],
);

/**
 * Each message the WhatsApp webhook acknowledged, stored before the 200 and keyed by its `wamid`:
 * a delivery repeated by Meta (or replayed) is stored once. The worker processes rows in order
 * per sender and marks them; an unprocessed row is picked up again after a crash.
 */
export const waInbound = pgTable(
  'wa_inbound',
  {
    wamid: text('wamid').primaryKey(),
    waId: text('wa_id').notNull(),
    /** The message as the Cloud API sent it (lib/whatsapp/payload.ts InboundMessage). */
    message: jsonb('message').notNull(),
    sentAt: ts('sent_at').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    /** Lease: another worker leaves the row alone until then. */
    lockedUntil: ts('locked_until'),
    processedAt: ts('processed_at'),
    lastError: text('last_error'),
  },
  (t) => [
    index('wa_inbound_pending_idx').on(t.receivedAt).where(sql`${t.processedAt} is null`),
    // a sender's messages in order: the claim's "earlier message pending" and the flood limit
    index('wa_inbound_sender_idx').on(t.waId, t.sentAt),
  ],
);

/**
 * Messages sent through the Cloud API, with the `wamid` it gave them and the last status its
 * callbacks reported (sent, delivered, read, failed).
 */
export const waOutgoing = pgTable(
  'wa_outgoing',
  {
    wamid: text('wamid').primaryKey(),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => waConversations.id, { onDelete: 'cascade' }),
    outboxId: bigint('outbox_id', { mode: 'number' }).references(() => outbox.id, { onDelete: 'set null' }),
    /** 'text', 'interactive' or 'template'. */
    type: text('type').notNull(),
    status: text('status').notNull().default('accepted'),
    error: text('error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('wa_outgoing_conversation_idx').on(t.conversationId, t.createdAt)],
);

/** Deadlines whose "about to breach" push went out: once per ticket, kind and deadline. */
export const slaWarnings = pgTable(
  'sla_warnings',
  {
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** 'tanggapan' (first response) or 'selesai' (follow-up, or the estimate when one was set). */
    kind: text('kind').notNull(),
    deadline: ts('deadline').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.kind, t.deadline] })],
);

export const alertFrequency = pgEnum('alert_frequency', ['segera', 'harian']);

/**
 * A resident following an area, a point or a ticket by e-mail. Nothing is sent before the
 * subscription is confirmed from the first message (double opt-in).
 */
export const alertSubscriptions = pgTable(
  'alert_subscriptions',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    /** Secret of this subscription: confirms it and stops it. */
    token: text('token').notNull().unique(),
    /** A kota, kecamatan or kelurahan code; or null for a point or a ticket. */
    regionCode: text('region_code'),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    radiusM: integer('radius_m'),
    reportId: bigint('report_id', { mode: 'number' }).references(() => reports.id),
    frequency: alertFrequency('frequency').notNull().default('segera'),
    confirmedAt: ts('confirmed_at'),
    unsubscribedAt: ts('unsubscribed_at'),
    /** What was already announced: the newest report id (areas) or event id (a ticket). */
    cursor: bigint('cursor', { mode: 'number' }).notNull().default(0),
    lastSentAt: ts('last_sent_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('alert_subscriptions_email_idx').on(t.email)],
);

// ---------------------------------------------------------------- satisfaction survey (SKM)

/** A survey period opened by an admin for chosen units (quarterly by default). */
export const skmPeriods = pgTable('skm_periods', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  /** Units with fewer valid responses are shown but not graded or ranked. */
  minRespondents: integer('min_respondents').notNull().default(30),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const skmPeriodUnits = pgTable(
  'skm_period_units',
  {
    periodId: integer('period_id')
      .notNull()
      .references(() => skmPeriods.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.agencyId] })],
);

/** One resident's answers (nine elements, 1–4). Flagged responses are kept but not counted. */
export const skmResponses = pgTable(
  'skm_responses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    periodId: integer('period_id')
      .notNull()
      .references(() => skmPeriods.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Answered from a finished ticket's private link: one response per ticket. */
    reportId: bigint('report_id', { mode: 'number' })
      .unique()
      .references(() => reports.id),
    answers: smallint('answers').array().notNull(),
    ageGroup: text('age_group'),
    sex: text('sex'),
    education: text('education'),
    occupation: text('occupation'),
    /** A keyed hash of the sender's address: bursts from one sender are flagged, the address is not kept. */
    senderKey: text('sender_key'),
    flagReason: text('flag_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('skm_responses_unit_idx').on(t.periodId, t.agencyId, t.createdAt)],
);

/** Keys that let other apps file reports through Open311; only a hash is kept. */
export const apiKeys = pgTable('api_keys', {
  id: serial('id').primaryKey(),
  /** Who the key belongs to (an app or an agency); tickets filed with it carry it. */
  owner: text('owner').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  /** The first characters, to recognise a key in lists. */
  prefix: text('prefix').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  revokedAt: ts('revoked_at'),
});

/** Signatures of accepted channel webhooks, kept for the replay window: the same request twice is refused. */
export const webhookReceipts = pgTable(
  'webhook_receipts',
  {
    channel: text('channel').notNull(),
    signature: text('signature').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.signature] }), index('webhook_receipts_received_idx').on(t.receivedAt)],
);

/** Fixed-window counters for rate limits (per client and action), kept in PostgreSQL. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limits_window_idx').on(t.windowStart)],
);

/**
 * An outside label (as an archive spells a category, agency or kelurahan) mapped once by an admin
 * onto the reference list: every later import reads it. `key` is the label normalised
 * (lib/reference/match.ts labelKey); `targetCode` a category code, an agency code (or `@kelurahan`,
 * `@kecamatan`, `@walikota`: the office of the report's own area) or a kelurahan code.
 */
export const referenceAliases = pgTable(
  'reference_aliases',
  {
    kind: referenceKind('kind').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    targetCode: text('target_code').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] })],
);

/**
 * What an imported report said in its archive, verbatim. While one of its labels matches nothing,
 * that label's key is kept here and the report is held (by its kelurahan, or in triage); mapping
 * the label moves every held report and clears the key.
 */
export const archiveLabels = pgTable(
  'archive_labels',
  {
    reportId: bigint('report_id', { mode: 'number' })
      .primaryKey()
      .references(() => reports.id),
    source: text('source').notNull(),
    line: integer('line').notNull(),
    kelurahan: text('kelurahan').notNull(),
    category: text('category').notNull(),
    agency: text('agency').notNull(),
    kelurahanKey: text('kelurahan_key'),
    categoryKey: text('category_key'),
    agencyKey: text('agency_key'),
  },
  (t) => [
    index('archive_labels_kelurahan_key_idx').on(t.kelurahanKey).where(sql`${t.kelurahanKey} is not null`),
    index('archive_labels_category_key_idx').on(t.categoryKey).where(sql`${t.categoryKey} is not null`),
    index('archive_labels_agency_key_idx').on(t.agencyKey).where(sql`${t.agencyKey} is not null`),
  ],
);

/** Raw bytes (Buffer on PostgreSQL, Uint8Array on PGlite). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Snapshots of the in-memory map and dashboard stores (lib/cache/store-snapshot.ts), so that a
 * restarted server loads one instead of every report. Split into parts of a few megabytes; only
 * public projection data, never reporter data.
 */
export const storeSnapshots = pgTable(
  'store_snapshots',
  {
    store: text('store').notNull(),
    part: integer('part').notNull(),
    /** The store's layout version: a snapshot of another one is ignored. */
    format: integer('format').notNull(),
    /** The store holds every change up to this `reports.change_seq`. */
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    data: bytea('data').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.store, t.part] })],
);

export type Region = typeof regions.$inferSelect;
export type Agency = typeof agencies.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type Channel = typeof channels.$inferSelect;
export type User = typeof users.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
export type ReportEvent = typeof reportEvents.$inferSelect;
export type Instruction = typeof instructions.$inferSelect;
export type NewReportEvent = typeof reportEvents.$inferInsert;
export type ReportStatus = (typeof reportStatus.enumValues)[number];
export type EventType = (typeof eventType.enumValues)[number];
export type UserRole = (typeof userRole.enumValues)[number];
export type AgencyKind = (typeof agencyKind.enumValues)[number];
export type ReferenceKind = (typeof referenceKind.enumValues)[number];
