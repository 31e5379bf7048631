import type { ApiClient } from '../../src/tab/api/client';

/** An API client whose every call is a jest mock; a test gives the answers it needs. */
export function fakeApi(overrides: Partial<ApiClient> = {}): jest.Mocked<ApiClient> {
  const never = () => jest.fn(() => new Promise<never>(() => undefined));
  return {
    me: never(),
    workstreams: never(),
    createWorkstream: never(),
    dashboard: never(),
    agenda: never(),
    overview: never(),
    botId: jest.fn(async () => null),
    partnerDetail: never(),
    completeTask: jest.fn(async () => undefined),
    reopenTask: jest.fn(async () => undefined),
    bookOneToOne: jest.fn(async () => undefined),
    moveOneToOne: jest.fn(async () => undefined),
    cancelOneToOne: jest.fn(async () => undefined),
    recordHeld: jest.fn(async () => undefined),
    correctPartner: jest.fn(async () => undefined),
    changeNamedContact: jest.fn(async () => undefined),
    invitePeerNetwork: jest.fn(async () => undefined),
    duplicates: never(),
    mergePartners: jest.fn(async () => ({ survivor: {} as never, moved: 0 })),
    download: jest.fn(async (path: string) => ({ fileName: path.split('/').pop() ?? 'file', blob: new Blob(['file']) })),
    interestGuidance: never(),
    logInterest: never(),
    acknowledgement: never(),
    chatGuide: never(),
    acknowledgeInterest: jest.fn(async () => undefined),
    changeStage: jest.fn(async () => undefined),
    approveAdvert: jest.fn(async () => undefined),
    sendAdvertBack: jest.fn(async () => undefined),
    recordNotesConsent: jest.fn(async () => undefined),
    withdrawNotesConsent: jest.fn(async () => undefined),
    erasePartner: jest.fn(async () => undefined),
    members: never(),
    addMember: jest.fn(async () => undefined),
    removeMember: jest.fn(async () => undefined),
    ...overrides,
  } as jest.Mocked<ApiClient>;
}
