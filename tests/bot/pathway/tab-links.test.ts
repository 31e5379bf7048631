import { TabLinks } from '../../../src/bot/pathway/tab-links';

const APP_ID = '5f3c2b1a-8d7e-4f60-9a1b-2c3d4e5f6a7b';
const MATERNITY = { id: 3, teamsChannelId: '19:a1b2c3&d=4?e#f@thread.tacv2' };

/** The `context` of a deep link, decoded as Teams decodes it. */
function contextOf(link: string | undefined): unknown {
  return JSON.parse(new URL(link ?? '').searchParams.get('context') ?? '');
}

describe('Deep links from the bot into the tabs', () => {
  it("links a partner to the workstream's channel tab, with the partner id as the sub-entity and the channel id", () => {
    const link = new TabLinks(APP_ID).workstream(MATERNITY, 42);
    expect(link).toBe(
      `https://teams.microsoft.com/l/entity/${APP_ID}/workstream-3?context=` +
        '%7B%22subEntityId%22%3A%22partner-42%22%2C%22channelId%22%3A%2219%3Aa1b2c3%26d%3D4%3Fe%23f%40thread.tacv2%22%7D',
    );
    expect(contextOf(link)).toEqual({ subEntityId: 'partner-42', channelId: MATERNITY.teamsChannelId });
  });

  it('links a list to the channel tab with no sub-entity', () => {
    const link = new TabLinks(APP_ID).workstream(MATERNITY);
    expect(link?.startsWith(`https://teams.microsoft.com/l/entity/${APP_ID}/workstream-3?context=`)).toBe(true);
    expect(contextOf(link)).toEqual({ channelId: MATERNITY.teamsChannelId });
  });

  it("links the Engagement team to their personal tab by the manifest's entity id", () => {
    expect(new TabLinks(APP_ID).engagement()).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/engagement`);
  });

  it('gives no link without the Teams app id (a local server), nor for a workstream with no channel yet', () => {
    expect(new TabLinks(undefined).workstream(MATERNITY, 42)).toBeUndefined();
    expect(new TabLinks(undefined).engagement()).toBeUndefined();
    expect(new TabLinks(APP_ID).workstream({ id: 3, teamsChannelId: null }, 42)).toBeUndefined();
    expect(new TabLinks(APP_ID).workstream(undefined)).toBeUndefined();
  });
});
