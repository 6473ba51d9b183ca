/**
 * The table of Lambda functions: what each one runs, which HTTP contracts it serves and what it
 * may touch. The API stack only wires this table; adding a function is one entry here.
 *
 * Routes come from each function's own contract (`functions/<name>/routes.ts`), the single source
 * of truth shared with the Hono app and the OpenAPI document: nothing is copied by hand.
 */
import { routes as approvalRoutes } from '../functions/approval/routes';
import { routes as peopleRoutes } from '../functions/people/routes';
import { routes as reviewRoutes } from '../functions/review/routes';
import { routes as submissionRoutes } from '../functions/submission/routes';
import { ATTACHMENTS_PREFIX, GSI1, UPLOADS_PREFIX } from '../shared/store/keys';

/** What infra needs of a `createRoute` result. */
export interface RouteContract {
  readonly method: string;
  readonly path: string;
}

/** DynamoDB actions a function may be granted (IAM action names without the `dynamodb:` prefix). */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem';

/** S3 object access, as key prefixes per action (`uploads/*`). `HeadObject` is authorized by `s3:GetObject`. */
export interface BucketAccess {
  readonly getObject?: readonly string[];
  readonly putObject?: readonly string[];
  readonly deleteObject?: readonly string[];
  /**
   * Key prefixes the function may list (s3:ListBucket with an s3:prefix condition). Needed where a
   * HeadObject of a missing key must answer 404, not 403 (S3 hides absence without list rights).
   */
  readonly listPrefixes?: readonly string[];
}

export interface FunctionSpec {
  /** Short name: construct ids, log group, outputs. */
  readonly name: string;
  /** Entry file, relative to the repository root; it must `export const handler`. */
  readonly entry: string;
  /** The contracts API Gateway routes to this function. */
  readonly routes: readonly RouteContract[];
  /** Also serves `/` and every path no other function serves (the web app). */
  readonly catchAll?: boolean;
  /** Table actions; a `TransactWriteItems` is authorized item by item (Put/Update/Delete/ConditionCheckItem). */
  readonly table: readonly TableAction[];
  /** Global secondary indexes the function may Query. */
  readonly queryIndexes?: readonly string[];
  readonly bucket: BucketAccess;
  readonly memorySize?: number;
  /**
   * Cognito actions on the stack's user pool (only when the stack uses Cognito; the directory is
   * in the table otherwise): `read` lists people, `admin` also invites, edits and disables them.
   */
  readonly userPool?: 'read' | 'admin';
  /** Sends mail through SES: `ses:SendEmail` on the sender identity (and configuration set) only. */
  readonly sendsMail?: boolean;
  /** Not behind the API: `stream` = the table's stream (notice items only), `schedule` = the daily EventBridge Scheduler schedule. */
  readonly trigger?: 'stream' | 'schedule';
  /** Lambda timeout (default 25 s, under API Gateway's 29 s). */
  readonly timeoutSeconds?: number;
}

/** A transition writes its state change and its audit event in one TransactWriteItems. */
const TRANSITION_WRITES: readonly TableAction[] = ['UpdateItem', 'PutItem', 'ConditionCheckItem'];

export const FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'submission',
    entry: 'functions/submission/handler.ts',
    routes: Object.values(submissionRoutes),
    // reads cycles and reports (Query), saves and transitions (incl. prefill), attachments (Get/Delete),
    // a report's commitments (one BatchGetItem of both cycles' meta items and sections).
    table: ['GetItem', 'BatchGetItem', 'Query', ...TRANSITION_WRITES, 'DeleteItem'],
    bucket: {
      // presigned PUT and HEAD of uploads; copy to attachments on completion; presigned GET; delete both.
      getObject: [`${UPLOADS_PREFIX}*`, `${ATTACHMENTS_PREFIX}*`],
      putObject: [`${UPLOADS_PREFIX}*`, `${ATTACHMENTS_PREFIX}*`],
      deleteObject: [`${UPLOADS_PREFIX}*`, `${ATTACHMENTS_PREFIX}*`],
      // completing an upload HEADs it; a missing upload must read as missing (409), not forbidden.
      listPrefixes: [`${UPLOADS_PREFIX}*`],
    },
  },
  {
    name: 'review',
    entry: 'functions/review/handler.ts',
    routes: Object.values(reviewRoutes),
    // reads reports, history, conversations and cycles (Query), the cycle list (gsi1), a rapporteur's own summary
    // (GetItem), the answers to one question across countries and the commitments' compilation (BatchGetItem);
    // writes reviews (Update + Put, ConditionChecks on the sections a review leaves alone, the sent draft
    // deleted), drafts (Put, Delete) and comments (Put; a reply also updates its section); reads revisions (BatchGetItem of the two a diff compares).
    table: ['GetItem', 'BatchGetItem', 'Query', 'UpdateItem', 'PutItem', 'ConditionCheckItem', 'DeleteItem'],
    queryIndexes: [GSI1],
    // exports and the compilation list attachment names from DynamoDB; downloads go through submission.
    bucket: {},
  },
  {
    name: 'approval',
    entry: 'functions/approval/handler.ts',
    routes: Object.values(approvalRoutes),
    // approve, publish and import: read the report (Query), write the transition (Update + Put + ConditionCheck);
    // the admins' cycle changes: read every cycle (Query), write one (a conditional PutItem), and before a
    // participant leaves, read its report's meta item (BatchGetItem).
    table: ['BatchGetItem', 'Query', 'UpdateItem', 'PutItem', 'ConditionCheckItem'],
    bucket: {},
  },
  {
    // The directory (admin), one's own notices and preferences, and the outbox (admin). Table: the
    // directory's Query/Get, an invitation's transaction (two conditional Puts), edits (Update),
    // the outbox's Query per cycle and the cycles (Query).
    name: 'people',
    entry: 'functions/people/handler.ts',
    routes: Object.values(peopleRoutes),
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
    bucket: {},
    userPool: 'admin',
  },
  {
    // The notifier: the table's stream, filtered to new notice items, → SES. Reads the directory
    // (Query) and a reply's section (BatchGetItem); claims each mail (conditional PutItem) and records
    // deliveries and the notice's status (UpdateItem). Retries with backoff inside one invocation.
    name: 'notifier',
    entry: 'functions/notifier/handler.ts',
    routes: [],
    table: ['BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
    bucket: {},
    userPool: 'read',
    sendsMail: true,
    trigger: 'stream',
    timeoutSeconds: 120,
  },
  {
    // The daily reminders: the cycles (Query), each open cycle's reports (gsi1), a reminder written once
    // per participant and kind (a transaction of two conditional Puts).
    name: 'reminder',
    entry: 'functions/reminder/handler.ts',
    routes: [],
    table: ['Query', 'PutItem'],
    queryIndexes: [GSI1],
    bucket: {},
    trigger: 'schedule',
    timeoutSeconds: 120,
  },
  {
    // The web pages: `/` and every path no API function serves. They run the same use cases as the
    // API (reading, saving, transitions, attachments, the dashboard on gsi1, the cycle admin pages, commitments
    // and answers across countries), so they need the same access.
    name: 'web',
    entry: 'functions/web/handler.ts',
    routes: [],
    catchAll: true,
    table: ['GetItem', 'BatchGetItem', 'Query', ...TRANSITION_WRITES, 'DeleteItem'],
    queryIndexes: [GSI1],
    bucket: {
      getObject: [`${UPLOADS_PREFIX}*`, `${ATTACHMENTS_PREFIX}*`],
      putObject: [`${UPLOADS_PREFIX}*`, `${ATTACHMENTS_PREFIX}*`],
      deleteObject: [`${UPLOADS_PREFIX}*`, `${ATTACHMENTS_PREFIX}*`],
      listPrefixes: [`${UPLOADS_PREFIX}*`],
    },
  },
];
