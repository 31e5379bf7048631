/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiClient } from '../../../src/tab/api/client';
import { BotChatButton, botChatLink, useBotChat } from '../../../src/tab/teams/bot-chat';
import type { TeamsHost } from '../../../src/tab/teams/teams-host';
import { fakeApi } from '../fake-api';
import { fakeHost } from '../fake-host';
import { renderInFluent } from '../render';

const BOT_ID = '6f1b2a3c-0000-4000-8000-00000000b0d1';

function Harness({ host, api }: { readonly host: TeamsHost | null; readonly api: ApiClient }) {
  return <BotChatButton onChat={useBotChat(host, api)} />;
}

describe('the link to chat with the bot', () => {
  it('is the Teams chat deep link for the bot user', () => {
    expect(botChatLink(BOT_ID)).toBe(`https://teams.microsoft.com/l/chat/0/0?users=28:${BOT_ID}`);
  });

  it('opens the chat with the bot through Teams when the server names the bot', async () => {
    const host = fakeHost();
    const api = fakeApi({ botId: jest.fn(async () => BOT_ID) });
    renderInFluent(<Harness host={host} api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Chat with the Partner Pathway bot' }));
    expect(host.openLink).toHaveBeenCalledWith(`https://teams.microsoft.com/l/chat/0/0?users=28:${BOT_ID}`);
    expect(api.botId).toHaveBeenCalledTimes(1);
  });

  it('is not offered in a plain browser, and the server is not asked', () => {
    const api = fakeApi({ botId: jest.fn(async () => BOT_ID) });
    renderInFluent(<Harness host={null} api={api} />);
    expect(screen.queryByRole('button', { name: /Chat with/ })).not.toBeInTheDocument();
    expect(api.botId).not.toHaveBeenCalled();
  });

  it('is not offered when the server has no bot registered', async () => {
    const api = fakeApi({ botId: jest.fn(async () => null) });
    renderInFluent(<Harness host={fakeHost()} api={api} />);
    await waitFor(() => expect(api.botId).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: /Chat with/ })).not.toBeInTheDocument();
  });
});
