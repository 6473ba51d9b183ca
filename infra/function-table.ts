/**
 * The table of Lambda functions: what each one runs, which HTTP contracts it serves and what it
 * may touch. The API stack only wires this table; adding a function is one entry here.
 *
 * Routes come from each function's own contract (`functions/<name>/routes.ts`), the single source
 * of truth shared with the Hono app and the OpenAPI document: nothing is copied by hand.
 */
import { routes as approvalRoutes } from '../functions/approval/routes';
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
