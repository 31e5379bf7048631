import type { Principal } from '../../../src/domain';
import { ENGAGEMENT, harness, LEAD, rejection } from './harness';

const OUTSIDER: Principal = { id: 'aad-sam', name: 'Sam Okafor', email: 'sam.okafor@example.nhs.uk', tenantId: 'tenant-1' };

describe('Which Teams channel belongs to which workstream', () => {
  it('assigns a channel to a workstream and finds the workstream by it', async () => {
    const { service } = await harness();
    const maternity = await service.workstreams.create(LEAD, { title: 'Maternity' });
    await service.channels.assignChannel(LEAD, { workstreamId: maternity.id, teamsChannelId: '19:maternity@thread.tacv2' });
    expect((await service.channels.workstreamForChannel('19:maternity@thread.tacv2'))?.title).toBe('Maternity');
    expect(await service.channels.workstreamForChannel('19:other@thread.tacv2')).toBeUndefined();
  });

  it('moves a channel to another workstream, releasing the first', async () => {
    const { service } = await harness();
    const maternity = await service.workstreams.create(LEAD, { title: 'Maternity' });
    const digital = await service.workstreams.create(LEAD, { title: 'Digital' });
    await service.channels.assignChannel(LEAD, { workstreamId: maternity.id, teamsChannelId: '19:shared@thread.tacv2' });
    await service.channels.assignChannel(LEAD, { workstreamId: digital.id, teamsChannelId: '19:shared@thread.tacv2' });
    expect((await service.channels.workstreamForChannel('19:shared@thread.tacv2'))?.title).toBe('Digital');
    expect((await service.workstreams.list(LEAD)).find((item) => item.id === maternity.id)?.teamsChannelId).toBeNull();
  });

  it('refuses to give a workstream a second channel, changing nothing', async () => {
    const { service } = await harness();
    const maternity = await service.workstreams.create(LEAD, { title: 'Maternity' });
    await service.channels.assignChannel(LEAD, { workstreamId: maternity.id, teamsChannelId: '19:first@thread.tacv2' });
    const error = await rejection(
      service.channels.assignChannel(LEAD, { workstreamId: maternity.id, teamsChannelId: '19:second@thread.tacv2' }),
    );
    expect(error.code).toBe('workstream-has-channel');
    expect(error.message).toBe('"Maternity" already has its own Teams channel. Use that channel, or ask an administrator to move it.');
    expect(await service.channels.workstreamForChannel('19:second@thread.tacv2')).toBeUndefined();
  });

  it('refuses to move a channel away from a workstream the person is not a member of, changing nothing', async () => {
    const { service, store } = await harness();
    const maternity = await service.workstreams.create(LEAD, { title: 'Maternity' });
    const digital = await service.workstreams.create(OUTSIDER, { title: 'Digital' });
    await service.channels.assignChannel(LEAD, { workstreamId: maternity.id, teamsChannelId: '19:maternity@thread.tacv2' });
    const before = await store.find({ list: 'workstreams' });
    const error = await rejection(
      service.channels.assignChannel(OUTSIDER, { workstreamId: digital.id, teamsChannelId: '19:maternity@thread.tacv2' }),
    );
    expect(error.code).toBe('channel-held-elsewhere');
    expect(error.message).toBe(
      "This channel already belongs to another workstream, and you are not a member of that one, so you cannot move the channel to yours. Use your own workstream's channel, or ask a member of the other workstream or the Engagement team to move it.",
    );
    expect(await store.find({ list: 'workstreams' })).toEqual(before);
  });

  it('lets the Engagement team move a channel between any two workstreams', async () => {
    const { service } = await harness();
    const maternity = await service.workstreams.create(LEAD, { title: 'Maternity' });
    const digital = await service.workstreams.create(OUTSIDER, { title: 'Digital' });
    await service.channels.assignChannel(LEAD, { workstreamId: maternity.id, teamsChannelId: '19:shared@thread.tacv2' });
    await service.channels.assignChannel(ENGAGEMENT, { workstreamId: digital.id, teamsChannelId: '19:shared@thread.tacv2' });
    expect((await service.channels.workstreamForChannel('19:shared@thread.tacv2'))?.title).toBe('Digital');
  });

  it('refuses an empty channel id and an unknown workstream', async () => {
    const { service } = await harness();
    const maternity = await service.workstreams.create(LEAD, { title: 'Maternity' });
    expect((await rejection(service.channels.assignChannel(LEAD, { workstreamId: maternity.id, teamsChannelId: ' ' }))).code).toBe(
      'validation',
    );
    expect((await rejection(service.channels.assignChannel(LEAD, { workstreamId: 999, teamsChannelId: '19:x@thread.tacv2' }))).code).toBe(
      'no-access',
    );
  });
});
