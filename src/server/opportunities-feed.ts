import type { Request, RequestHandler } from 'express';
import { escapeMarkup, longDate, type Opportunity, type PathwayService } from '../domain';

/** The feed's name, in both formats. */
const FEED_TITLE = 'Opportunities to get involved';

const FEED_DESCRIPTION = 'Roles for patients, carers and members of the public, open for expressions of interest.';

/** Websites may keep a copy for five minutes; a role closed or filled leaves the feed within that time. */
const CACHE_CONTROL = 'public, max-age=300';

/** The public feed's two formats, at `/feed/opportunities.json` and `/feed/opportunities.rss`. */
export const FEED_PATHS = { json: '/feed/opportunities.json', rss: '/feed/opportunities.rss' } as const;

function feedUrl(req: Request, path: string): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${path}`;
}

/** The feed as JSON: its title, the day it was made, and the open opportunities. */
export function opportunitiesJsonHandler(service: PathwayService): RequestHandler {
  return async (_req, res) => {
    const opportunities = await service.roleViews.opportunities();
    res.setHeader('Cache-Control', CACHE_CONTROL);
    res.json({ title: FEED_TITLE, description: FEED_DESCRIPTION, opportunities });
  };
}

function itemDescription(opportunity: Opportunity): string {
  return [
    opportunity.summary,
    opportunity.timeCommitment ? `Time: ${opportunity.timeCommitment}.` : '',
    opportunity.where ? `Where: ${opportunity.where}.` : '',
    `Closing date: ${longDate(opportunity.closingDate)}.`,
    opportunity.howToExpressInterest,
  ]
    .filter(Boolean)
    .join('\n\n');
}

function rssItem(opportunity: Opportunity): string {
  return [
    '<item>',
    `<title>${escapeMarkup(opportunity.title)}</title>`,
    ...(opportunity.link ? [`<link>${escapeMarkup(opportunity.link)}</link>`] : []),
    `<description>${escapeMarkup(itemDescription(opportunity))}</description>`,
    `<guid isPermaLink="false">partner-pathway-role-${opportunity.id}</guid>`,
    '</item>',
  ].join('\n');
}

/** The open opportunities as an RSS 2.0 channel; every value from a role is escaped. */
export function opportunitiesRss(opportunities: readonly Opportunity[], selfUrl: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '<channel>',
    `<title>${FEED_TITLE}</title>`,
    `<link>${escapeMarkup(selfUrl)}</link>`,
    `<description>${FEED_DESCRIPTION}</description>`,
    '<language>en-gb</language>',
    ...opportunities.map(rssItem),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** The feed as RSS 2.0. */
export function opportunitiesRssHandler(service: PathwayService): RequestHandler {
  return async (req, res) => {
    const opportunities = await service.roleViews.opportunities();
    res.setHeader('Cache-Control', CACHE_CONTROL);
    res
      .status(200)
      .type('application/rss+xml; charset=utf-8')
      .send(opportunitiesRss(opportunities, feedUrl(req, FEED_PATHS.rss)));
  };
}
