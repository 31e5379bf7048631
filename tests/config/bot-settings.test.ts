import { ConfigError, loadConfig } from '../../src/config';

describe('Bot settings from the environment', () => {
  it('has working defaults with nothing set', () => {
    const settings = loadConfig({}).botSettings;
    expect(settings).toMatchObject({
      guidanceDir: 'content/guidance',
      engagementChannelId: undefined,
      reminders: { schedule: true, hour: 9, dueWithinDays: 7, escalateAfterDays: 14, inductionStallDays: 14, closingWithinDays: 7 },
    });
  });

  it('reads the document links and the Engagement team channel', () => {
    const settings = loadConfig({
      DOC_EXPENSES_POLICY_URL: 'https://example.org/e.pdf',
      ENGAGEMENT_CHANNEL_ID: '19:abc@thread.tacv2',
    }).botSettings;
    expect(settings.documents.expensesPolicy).toBe('https://example.org/e.pdf');
    expect(settings.engagementChannelId).toBe('19:abc@thread.tacv2');
  });

  it('reports every bad setting together', () => {
    let error: unknown;
    try {
      loadConfig({
        GUIDANCE_DIR: '/nowhere/guidance',
        DOC_EXPENSES_POLICY_URL: 'http://example.org/e.pdf',
        REMINDER_HOUR: '25',
        ENGAGEMENT_CHANNEL_ID: 'general',
        REMINDERS_TOKEN: 'short',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^GUIDANCE_DIR: there is no folder at "\/nowhere\/guidance"/),
      expect.stringMatching(/^ENGAGEMENT_CHANNEL_ID/),
      expect.stringMatching(/^DOC_EXPENSES_POLICY_URL/),
      expect.stringMatching(/^REMINDER_HOUR/),
      expect.stringMatching(/^REMINDERS_TOKEN/),
    ]);
  });
});

describe('Server and bot settings together', () => {
  it('reports the problems of both in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', REMINDER_HOUR: '25' });
    } catch (caught) {
      error = caught;
    }
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^PORT/), expect.stringMatching(/^REMINDER_HOUR/)]);
  });

  it('gives both when all is well', () => {
    const config = loadConfig({ PORT: '4000' });
    expect(config.port).toBe(4000);
    expect(config.botSettings.reminders.hour).toBe(9);
  });
});
