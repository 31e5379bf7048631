import type { Body } from '../../contract/api';
import type { Booking, ChangeCalls, Http } from './contract';
import type { Judged, Stage, StageChange } from './types';

/** The criteria judged, when any were: none is sent as none, for the server to ask for those the role has. */
const judged = (criteria: Judged) => (Object.keys(criteria).length > 0 ? { criteria } : {});

/** The route and body for a stage change: the action that reaches `to` from `from`. */
export function stageRequest(from: Stage, change: StageChange) {
  const cancelBooked = 'cancelBooked' in change && change.cancelBooked !== undefined ? { cancelBooked: change.cancelBooked } : {};
  switch (change.to) {
    case 'Chat booked':
      return {
        route: 'bookChat',
        body: { at: change.at, where: change.where, ...(change.adjustments?.trim() ? { adjustments: change.adjustments.trim() } : {}) },
      } as const;
    case 'Chat held':
      return {
        route: 'holdChat',
        body: {
          ...(change.notes.trim() ? { notes: change.notes.trim() } : {}),
          ...(change.adjustments?.trim() ? { adjustments: change.adjustments.trim() } : {}),
        },
      } as const;
    case 'Offered':
      return { route: 'makeOffer', body: { reason: change.reason, ...judged(change.criteria) } } as const;
    case 'Induction':
      return { route: 'startInduction', body: {} } as const;
    case 'Active':
      return { route: from === 'Paused' ? 'resume' : 'activate', body: {} } as const;
    case 'Paused':
      return { route: 'pause', body: { reason: change.reason, ...cancelBooked } } as const;
    case 'Not progressed':
      return { route: 'notProgress', body: { reason: change.reason, ...judged(change.criteria), ...cancelBooked } } as const;
    case 'Ended':
      return {
        route: 'end',
        body: { reason: change.reason, exitConversationOffered: change.exitConversationOffered, ...cancelBooked },
      } as const;
  }
}

/** A booking's date, and its time and place when given. */
const bookingBody = (booking: Booking) => ({
  date: booking.date,
  ...(booking.time ? { time: booking.time } : {}),
  ...(booking.where?.trim() ? { where: booking.where.trim() } : {}),
});

/** The change calls of the API client, on its transport. Each change carries the version read and, where the server takes one, its key. */
export function changeCalls(http: Http): ChangeCalls {
  const done = async (change: Promise<unknown>): Promise<void> => {
    await change;
  };
  return {
    completeTask: (task, key, date) =>
      done(http.call('completeTask', { taskId: task.id }, { version: task.version, key, ...(date ? { date } : {}) })),
    reopenTask: (task, key) => done(http.call('reopenTask', { taskId: task.id }, { version: task.version, key })),
    bookOneToOne: (involvementId, booking, key) => done(http.call('bookOneToOne', { involvementId }, { ...bookingBody(booking), key })),
    moveOneToOne: (oneToOne, booking, key) =>
      done(http.call('moveOneToOne', { oneToOneId: oneToOne.id }, { version: oneToOne.version, ...bookingBody(booking), key })),
    cancelOneToOne: (oneToOne, key) => done(http.call('cancelOneToOne', { oneToOneId: oneToOne.id }, { version: oneToOne.version, key })),
    recordHeld: (involvementId, held, key) =>
      done(
        http.call(
          'recordHeld',
          { involvementId },
          {
            date: held.date,
            ...(held.booked ? { oneToOneId: held.booked.id, oneToOneVersion: held.booked.version } : {}),
            ...(held.notes?.trim() ? { notes: held.notes.trim() } : {}),
            key,
          },
        ),
      ),
    interestGuidance: (signal) => http.call('interestGuidance', {}, undefined, signal),
    // Consent not given is sent as it is, for the server to refuse in its own words.
    logInterest: (interest, key) => http.call('recordInterest', {}, { ...interest, key } as Body<'recordInterest'>),
    acknowledgement: (involvementId, signal) => http.call('acknowledgement', { involvementId }, undefined, signal),
    chatGuide: (signal) => http.call('chatGuide', {}, undefined, signal),
    acknowledgeInterest: (involvement, key) =>
      done(http.call('acknowledgeInterest', { involvementId: involvement.id }, { version: involvement.version, key })),
    correctPartner: (partner, corrections, key) =>
      done(http.call('correctPartner', { partnerId: partner.id }, { version: partner.version, key, ...corrections })),
    changeNamedContact: (involvement, ownerId, key) =>
      done(http.call('changeNamedContact', { involvementId: involvement.id }, { version: involvement.version, key, ownerId })),
    invitePeerNetwork: (partner, key) => done(http.call('invitePeerNetwork', { partnerId: partner.id }, { version: partner.version, key })),
    recordPeerNetworkAnswer: (partner, answer, key) =>
      done(http.call('recordPeerNetworkAnswer', { partnerId: partner.id }, { version: partner.version, key, answer })),
    withdrawPeerNetworkInvitation: (partner, key) =>
      done(http.call('withdrawPeerNetworkInvitation', { partnerId: partner.id }, { version: partner.version, key })),
    setCadence: (involvement, cadenceWeeks, key) =>
      done(http.call('setCadence', { involvementId: involvement.id }, { version: involvement.version, key, cadenceWeeks })),
    monitoringForm: (involvementId, signal) => http.call('monitoringForm', { involvementId }, undefined, signal),
    submitMonitoring: (involvement, answers, key) =>
      done(http.call('submitMonitoring', { involvementId: involvement.id }, { ...answers, version: involvement.version, key })),
    declineMonitoring: (involvement, key) =>
      done(http.call('declineMonitoring', { involvementId: involvement.id }, { version: involvement.version, key })),
    workstreamClaims: (workstreamId, signal) => http.call('workstreamClaims', { workstreamId }, undefined, signal),
    involvementClaims: (involvementId, signal) => http.call('involvementClaims', { involvementId }, undefined, signal),
    createClaim: (involvementId, claim, key) => http.call('createClaim', { involvementId }, { ...claim, key }),
    editClaim: (claim, changes, key) => http.call('editClaim', { claimId: claim.id }, { ...changes, version: claim.version, key }),
    withdrawClaim: (claim, key) => done(http.call('withdrawClaim', { claimId: claim.id }, { version: claim.version, key })),
    submitClaim: (claim, key) => done(http.call('submitClaim', { claimId: claim.id }, { version: claim.version, key })),
    approveClaim: (claim, adviceHadAndGoesOverCap, key) =>
      done(
        http.call(
          'approveClaim',
          { claimId: claim.id },
          { version: claim.version, key, ...(adviceHadAndGoesOverCap ? { adviceHadAndGoesOverCap } : {}) },
        ),
      ),
    rejectClaim: (claim, reason, key) =>
      done(http.call('rejectClaim', { claimId: claim.id }, { version: claim.version, key, reason: reason.trim() })),
    setPaymentPreferences: (partnerId, choices, key) => done(http.call('setPaymentPreferences', { partnerId }, { ...choices, key })),
    financeExport: (period, key) => http.call('financeExport', {}, { ...period, key }),
    reviews: (involvementId, signal) => http.call('reviews', { involvementId }, undefined, signal),
    renewTerm: (involvement, termEndDate, key) =>
      done(http.call('renewTerm', { involvementId: involvement.id }, { version: involvement.version, key, termEndDate })),
    reconfirmAgreements: (involvement, date, key) =>
      done(http.call('reconfirmAgreements', { involvementId: involvement.id }, { version: involvement.version, key, date })),
    reviewAccessNeeds: (involvement, key) =>
      done(http.call('reviewAccessNeeds', { involvementId: involvement.id }, { version: involvement.version, key })),
    setMonitoringTable: (kind, csv) =>
      http.call(kind === 'Population profile' ? 'setPopulationProfile' : 'setPostcodeDeciles', {}, { csv }),
    duplicates: (signal) => http.call('duplicates', {}, undefined, signal),
    mergePartners: ({ survivor, duplicate }, key) =>
      http.call(
        'mergePartners',
        {},
        { survivorId: survivor.id, survivorVersion: survivor.version, duplicateId: duplicate.id, duplicateVersion: duplicate.version, key },
      ),
    addMember: (group, person) => {
      const body = { userId: person.userId.trim(), userName: person.userName.trim() };
      return done(
        group === 'engagement-team'
          ? http.call('addEngagementTeamMember', {}, body)
          : http.call('addMember', { workstreamId: group.workstreamId }, body),
      );
    },
    removeMember: (member) => done(http.call('removeMember', { memberId: member.id }, { version: member.version })),
    inductionTemplate: (owner, signal) =>
      owner === 'organisation'
        ? http.call('organisationTemplate', {}, undefined, signal)
        : http.call('workstreamTemplate', { workstreamId: owner.workstreamId }, undefined, signal),
    setInductionTemplate: (owner, items, basedOn) => {
      const body = { items: items.map(({ label, kind, required }) => ({ label: label.trim(), kind, required })), basedOn };
      return owner === 'organisation'
        ? http.call('setOrganisationTemplate', {}, body)
        : http.call('setWorkstreamTemplate', { workstreamId: owner.workstreamId }, body);
    },
    recordNotesConsent: (partner) => done(http.call('recordNotesConsent', { partnerId: partner.id }, { version: partner.version })),
    withdrawNotesConsent: (partner) => done(http.call('withdrawNotesConsent', { partnerId: partner.id }, { version: partner.version })),
    erasePartner: async (partner) => (await http.call('erasePartner', { partnerId: partner.id }, { version: partner.version })).kept,
    approveAdvert: (advert, approval) =>
      done(
        http.call(
          'approveAdvert',
          { roleId: advert.roleId },
          { version: advert.version, advertUrl: approval.advertUrl.trim(), key: approval.key },
        ),
      ),
    sendAdvertBack: (advert, sentBack) =>
      done(
        http.call(
          'sendAdvertBack',
          { roleId: advert.roleId },
          { version: advert.version, comment: sentBack.comment.trim(), key: sentBack.key },
        ),
      ),
    roleDescription: (signal) => http.call('roleDescription', {}, undefined, signal),
    role: (roleId, signal) => http.call('role', { roleId }, undefined, signal),
    planRole: (workstreamId, description, key) => http.call('planRole', {}, { title: '', ...description, workstreamId, key }),
    updateRole: (role, changes, key) => http.call('updateRole', { roleId: role.id }, { ...changes, version: role.version, key }),
    moveRole: (role, move, changes, key) => http.call(move, { roleId: role.id }, { ...changes, version: role.version, key }),
    changeRoleLead: (role, ownerId, key) => http.call('changeRoleLead', { roleId: role.id }, { version: role.version, key, ownerId }),
    changeStage: async (involvement, change, key) => {
      const { route, body } = stageRequest(involvement.stage, change);
      const moved = await http.call(route, { involvementId: involvement.id }, { version: involvement.version, key, ...body });
      if (change.to !== 'Chat held' || !change.outcome) return;
      // The chat's outcome is a change of its own, made on the involvement as the chat left it, under a key of its own.
      const next = stageRequest('Chat held', change.outcome);
      await http.call(next.route, { involvementId: involvement.id }, { version: moved.version, key: `${key}:outcome`, ...next.body });
    },
  };
}
