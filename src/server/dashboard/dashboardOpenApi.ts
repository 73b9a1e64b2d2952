/** The OpenAPI description of the dashboard (dashboardRoute.ts; docs/dashboard.md). */
import { z } from 'zod';
import { BREAKDOWNS, DASHBOARD_FIGURES_VERSION, FIGURE_KEYS } from '../../domain/dashboard/dashboardFigures.ts';
import { DASHBOARD_PATH, type DashboardReply } from '../../domain/dashboard/dashboardReply.ts';
import { queryParameters } from '../openapi/openApiComponents.ts';
import type { PathSpecs } from '../openapi/openApiOperation.ts';
import type { Same } from '../openapi/replySchemas.ts';
import { dashboardQuerySchema } from './dashboardRoute.ts';

const shownCount = z.union([z.number().int().min(0), z.enum(['fewerThan5', 'hidden'])]).meta({
  description:
    'A count; for an aggregate-only reader `fewerThan5` stands for 1–4, and `hidden` for a count that a ' +
    'published total would otherwise give away (never 0, never 1–4).',
});

const figureTableSchema = z.strictObject({
  columns: z.array(z.string()),
  rows: z.array(z.strictObject({ group: z.string(), cells: z.array(shownCount), total: shownCount })),
  columnTotals: z.array(shownCount),
  total: shownCount,
});

const timelinessTableSchema = figureTableSchema.extend({
  medianDays: z.array(z.number().nullable()),
  shareOnTime: z.array(z.number().min(0).max(1).nullable()),
  overallMedianDays: z.number().nullable(),
  overallShareOnTime: z.number().min(0).max(1).nullable(),
});

const breakdownFiguresSchema = z.strictObject(
  Object.fromEntries(
    FIGURE_KEYS.map((figure) => [figure, figure === 'flagToPlan' ? timelinessTableSchema : figureTableSchema]),
  ) as {
    [K in (typeof FIGURE_KEYS)[number]]: K extends 'flagToPlan'
      ? typeof timelinessTableSchema
      : typeof figureTableSchema;
  },
);

const figuresSchema = z.strictObject({
  version: z.literal(DASHBOARD_FIGURES_VERSION),
  asOf: z.string(),
  months: z.array(z.string()),
  suppressed: z.boolean(),
  breakdowns: z.strictObject(
    Object.fromEntries(BREAKDOWNS.map((breakdown) => [breakdown, breakdownFiguresSchema])) as {
      [K in (typeof BREAKDOWNS)[number]]: typeof breakdownFiguresSchema;
    },
  ),
});

export const dashboardReplySchema = z.strictObject({
  places: z.strictObject({
    municipalities: z.array(z.strictObject({ id: z.string(), schoolIds: z.array(z.string()) })),
    schoolIds: z.array(z.string()),
  }),
  place: z.strictObject({ municipalityId: z.string().nullable(), schoolId: z.string().nullable() }),
  computedAt: z.number().int(),
  figures: figuresSchema,
});

const replyMatches: Same<z.output<typeof dashboardReplySchema>, DashboardReply> = true;
void replyMatches;

export const DASHBOARD_PATHS: PathSpecs = {
  [DASHBOARD_PATH]: {
    get: {
      operationId: 'readDashboard',
      tag: 'dashboard',
      summary: "A place's dashboard figures, and the places the user may choose.",
      description:
        'For a municipal coordinator: the aggregates of their municipality, or of one school in it, with every ' +
        'count of 1–4 suppressed and the counts a total would give away hidden (never a record, a name or a ' +
        "child's id). For a school team member or principal: their school's own figures, not suppressed. Each " +
        'figure is broken down by school, sex, rural/urban and community (docs/dashboard.md). Figures are kept ' +
        'until the next accepted write, so `computedAt` may be earlier than the request. Every read is audited ' +
        '(`dashboard_read`).',
      access: 'session',
      query: queryParameters(dashboardQuerySchema, {
        municipalityId: "One of the coordinator's municipalities (the first when neither parameter is given).",
        schoolId: 'A school of that municipality, or (alone) the school team member’s own school.',
      }),
      success: { status: 200, description: 'The figures of the place.', schema: 'DashboardReply' },
      refusals: {
        bad_request: 'A query parameter is not an id, or is unknown.',
        forbidden:
          'The user is neither a coordinator nor on a school team or principal, or the place is not one of ' +
          'theirs (an unknown place is answered alike).',
      },
    },
  },
};

/** The reply as a named component. */
export function dashboardComponentSchemas(): [z.ZodType, string, string][] {
  return [
    [shownCount, 'DashboardCount', 'A count, or why it is not shown.'],
    [figureTableSchema, 'DashboardTable', 'One figure under one breakdown: a row per group, a column per category.'],
    [
      timelinessTableSchema,
      'DashboardTimelinessTable',
      'Time from flag to plan: the counts, and per row the median days and the share on time (null: not shown).',
    ],
    [breakdownFiguresSchema, 'DashboardBreakdown', 'Every figure under one breakdown.'],
    [
      dashboardReplySchema,
      'DashboardReply',
      'The places the user may choose (ids only), the place of these figures, when they were computed, and ' +
        'the figures: each of them under each breakdown, as a table of counts with totals.',
    ],
  ];
}
