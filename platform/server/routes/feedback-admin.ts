import type { FastifyInstance } from 'fastify';
import { FeedbackQuery, feedbackReport } from '../../data/feedback-report';
import { parseInput } from '../../errors';
import type { PlatformContext } from '../context';

/** The operator's view of what a store's customers said: NPS per store and period, and its detractors. */
export function adminFeedbackRoutes(app: FastifyInstance, context: PlatformContext): void {
  app.get<{ Params: { id: string } }>('/v1/admin/stores/:id/feedback', async (request) =>
    feedbackReport(context.sql, request.params.id, parseInput(FeedbackQuery, request.query)),
  );
}
