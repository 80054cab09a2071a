import { bigint, boolean, doublePrecision, integer, pgView, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { attachmentKind, eventType, rejectReason, reportStatus } from '../../schema';

/*
 * The public projection as the database defines it (drizzle/0014_public_projection.sql). These
 * views decide what a row shows to the public — confidential tickets never, private reports
 * without text, address or reporter photos and at a snapped position — and the modules of this
 * folder are the only readers of reports for anything public. Declared `.existing()`: the
 * migration owns their SQL.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const publicReports = pgView('public_reports', {
  id: bigint('id', { mode: 'number' }).notNull(),
  number: text('number').notNull(),
  status: reportStatus('status').notNull(),
  categoryCode: text('category_code').notNull(),
  channelCode: text('channel_code').notNull(),
  isPublic: boolean('is_public').notNull(),
  /** Null for private reports and for text hidden by moderation. Mask before showing (publicText). */
  description: text('description'),
  address: text('address'),
  isModerated: boolean('is_moderated').notNull(),
  /** Exact for public reports, snapped to the 0.001° grid for private ones. */
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
  locationApproximate: boolean('location_approximate').notNull(),
  kelurahanCode: text('kelurahan_code'),
  kecamatanCode: text('kecamatan_code'),
  kotaCode: text('kota_code'),
  handlingAgencyId: integer('handling_agency_id'),
  supportCount: integer('support_count').notNull(),
  reopenCount: smallint('reopen_count').notNull(),
  rejectedFollowUpCount: smallint('rejected_follow_up_count').notNull(),
  disputeCount: smallint('dispute_count').notNull(),
  proofFlags: smallint('proof_flags').notNull(),
  rejectReason: rejectReason('reject_reason'),
  duplicateOfId: bigint('duplicate_of_id', { mode: 'number' }),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  firstResponseDueAt: ts('first_response_due_at'),
  dueAt: ts('due_at'),
  firstResponseAt: ts('first_response_at'),
  finishedAt: ts('finished_at'),
  estimatedCompletionAt: ts('estimated_completion_at'),
  lastActivityAt: ts('last_activity_at').notNull(),
  changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
}).existing();

export const publicReportEvents = pgView('public_report_events', {
  id: bigint('id', { mode: 'number' }).notNull(),
  reportId: bigint('report_id', { mode: 'number' }).notNull(),
  type: eventType('type').notNull(),
  fromStatus: reportStatus('from_status'),
  toStatus: reportStatus('to_status'),
  isPublic: boolean('is_public').notNull(),
  actorAgencyId: integer('actor_agency_id'),
  actorLabel: text('actor_label'),
  isFromReporter: boolean('is_from_reporter').notNull(),
  /** Null for internal notes and for what the reporter of a private report wrote. Mask before showing. */
  body: text('body'),
  /** The unit a coordination, disposition or re-routing handed the ticket to (agency code). */
  handedTo: text('handed_to'),
  createdAt: ts('created_at').notNull(),
}).existing();

export const publicAttachments = pgView('public_attachments', {
  id: bigint('id', { mode: 'number' }).notNull(),
  reportId: bigint('report_id', { mode: 'number' }).notNull(),
  eventId: bigint('event_id', { mode: 'number' }),
  kind: attachmentKind('kind').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  mime: text('mime').notNull(),
  storageKey: text('storage_key').notNull(),
  thumbKey: text('thumb_key'),
  createdAt: ts('created_at').notNull(),
}).existing();

export const publicRatings = pgView('public_ratings', {
  id: bigint('id', { mode: 'number' }).notNull(),
  reportId: bigint('report_id', { mode: 'number' }).notNull(),
  score: smallint('score').notNull(),
  /** Null on private reports. */
  comment: text('comment'),
  createdAt: ts('created_at').notNull(),
}).existing();
