import { AddressInfo } from 'node:net';
import { createStaff, createTestApp, FakeTwilioApi, loginAs, openEventStream, Staff, TestApp, waitFor } from '@app/testing';
import { at, callCentreDriver, PUBLIC_URL, TWILIO_TOKEN } from './call-centre-driver';

const TUESDAY = '2026-11-24';
const WEDNESDAY = '2026-11-25';

/**
 * A day of 444 calls driven through Twilio's signed webhooks (menu, softphone ring, queue, queue
 * exit, status) and the agents' state switches, with the clock set to each event's moment; every
 * figure is checked against its value worked out by hand in the comments.
 */
describe('call-centre figures and the wallboard', () => {
  let t: TestApp;
  let port: number;
  let a: Staff;
  let b: Staff;
  let supervisor: Staff;
  const twilio = new FakeTwilioApi(`AC${'a'.repeat(32)}`, TWILIO_TOKEN);

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        TWILIO_API_URL: await twilio.start(),
        PUBLIC_URL,
        VOICE_SERVICE_LEVEL_SECONDS: '20',
        VOICE_SERVICE_LEVEL_TARGET_PERCENT: '80',
      },
      now: at(TUESDAY, '09:00:00'),
    });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    a = await loginAs(t, 'agent');
    b = await createStaff(t, await loginAs(t, 'admin'), 'agent');
    supervisor = await loginAs(t, 'supervisor');
  });
  afterAll(async () => {
    await t.close();
    await twilio.stop();
  });

  const { clockAt, signed, as, state, offer, answer, hangUp, leaveQueue } = callCentreDriver(() => t);
  const fileTicket = (staff: Staff, callSid: string, solved: boolean) =>
    as(staff)
      .post(`/calls/${callSid}/ticket`, {
        subject: solved ? 'Çöp toplama saati' : 'Kaldırım kırık',
        description: solved ? 'Çöpler hangi gün toplanıyor?' : 'Okul önündeki kaldırım taşları kırık.',
        citizenName: 'Arayan Vatandaş',
        kind: solved ? 'bilgi_edinme' : 'sikayet',
        ...(solved ? { solvedDuringCall: true, resolutionNote: 'Salı ve cuma günleri toplanıyor.' } : {}),
      })
      .expect(201);

  it('counts a day of calls: offered, answered, abandoned and after how long, speed of answer, handling, service level, solved during the call', async () => {
    // Tuesday: one call, answered by A after 15 s, 60 s of talk, no wrap-up.
    await state(a, TUESDAY, '10:00:00', 'available');
    const c0 = await offer(TUESDAY, '10:00:00');
    await answer(c0, a, TUESDAY, '10:00:15');
    await hangUp(c0, TUESDAY, '10:01:15');
    await state(a, TUESDAY, '10:01:15', 'available');
    await state(a, TUESDAY, '17:00:00', 'offline');

    // Wednesday.
    await state(a, WEDNESDAY, '08:30:00', 'available');
    await state(b, WEDNESDAY, '08:45:00', 'available');
    // C1: A answers after 10 s, talks 240 s, wraps up 60 s; solved during the call.
    const c1 = await offer(WEDNESDAY, '09:00:00');
    await answer(c1, a, WEDNESDAY, '09:00:10');
    await hangUp(c1, WEDNESDAY, '09:04:10');
    await fileTicket(a, c1, true);
    await state(a, WEDNESDAY, '09:05:10', 'available');
    // C2: B takes it from the queue after 30 s (25 s of it in the queue), talks 120 s, wraps up 60 s; a ticket left open.
    const c2 = await offer(WEDNESDAY, '09:10:00');
    await answer(c2, b, WEDNESDAY, '09:10:30', 25);
    await hangUp(c2, WEDNESDAY, '09:12:30');
    await leaveQueue(c2, WEDNESDAY, '09:12:30', 'bridged', 25);
    await fileTicket(b, c2, false);
    await state(b, WEDNESDAY, '09:13:30', 'available');
    // C3: the caller hangs up in the queue after 45 s: abandoned.
    const c3 = await offer(WEDNESDAY, '09:20:00');
    await leaveQueue(c3, WEDNESDAY, '09:20:45', 'hangup', 40);
    await hangUp(c3, WEDNESDAY, '09:20:45');
    // C4: A answers after 5 s, talks 120 s, wraps up 60 s, then a break until 10:20.
    const c4 = await offer(WEDNESDAY, '10:00:00');
    await answer(c4, a, WEDNESDAY, '10:00:05');
    await hangUp(c4, WEDNESDAY, '10:02:05');
    await state(a, WEDNESDAY, '10:03:05', 'break');
    // C5: nobody takes it; at 10:05:20 it is the one waiting call (20 s), then the queue lets it go to a voicemail.
    const c5 = await offer(WEDNESDAY, '10:05:00');
    clockAt(WEDNESDAY, '10:05:20');
    const board = (await as(supervisor).get('/call-centre/wallboard').expect(200)).body;
    expect(board).toMatchObject({ waitingCalls: 1, longestWaitSeconds: 20, agents: { available: 1, on_call: 0, wrap_up: 0, break: 1 } });
    expect(board.agentList).toEqual(
      expect.arrayContaining([
        { fullName: expect.any(String), state: 'break', since: at(WEDNESDAY, '10:03:05').toISOString() },
        { fullName: expect.any(String), state: 'available', since: at(WEDNESDAY, '09:13:30').toISOString() },
      ]),
    );
    await leaveQueue(c5, WEDNESDAY, '10:06:30', 'leave', 85);
    clockAt(WEDNESDAY, '10:07:00');
    const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE${'5'.repeat(32)}`;
    await signed('voicemail', { CallSid: c5, From: '+905321230005', RecordingUrl: recordingUrl, RecordingSid: `RE${'5'.repeat(32)}`, RecordingDuration: '20' });
    await hangUp(c5, WEDNESDAY, '10:07:30');
    await state(a, WEDNESDAY, '10:20:00', 'available');
    // C6: the caller hangs up while the softphones ring, after 8 s: abandoned.
    const c6 = await offer(WEDNESDAY, '10:30:00');
    await hangUp(c6, WEDNESDAY, '10:30:08');
    // C7: asks for an application's status by keypad, never for an agent: not offered.
    clockAt(WEDNESDAY, '10:40:00');
    await signed('incoming', { CallSid: 'CA7'.padEnd(34, '7'), From: '+905321239999', To: '+904440444', CallStatus: 'ringing' });
    await signed('menu', { CallSid: 'CA7'.padEnd(34, '7'), Digits: '2' });
    await hangUp('CA7'.padEnd(34, '7'), WEDNESDAY, '10:41:00');
    // C8: B takes it from the queue after 50 s, talks 60 s, wraps up 30 s; solved during the call.
    const c8 = await offer(WEDNESDAY, '11:00:00');
    await answer(c8, b, WEDNESDAY, '11:00:50', 45);
    await hangUp(c8, WEDNESDAY, '11:01:50');
    await fileTicket(b, c8, true);
    await state(b, WEDNESDAY, '11:02:20', 'available');
    await waitFor(
      'the voicemail filed as a ticket',
      async () => (await t.dataSource.query('SELECT ticket_id FROM call_logs WHERE call_sid = $1', [c5]))[0].ticket_id,
    );
    await state(a, WEDNESDAY, '12:00:00', 'offline');
    await state(b, WEDNESDAY, '12:00:00', 'offline');
    clockAt(WEDNESDAY, '12:30:00');

    const day = (await as(supervisor).get('/call-centre/figures', { from: WEDNESDAY, to: WEDNESDAY }).expect(200)).body;
    expect(day.serviceLevel).toEqual({ thresholdSeconds: 20, targetPercent: 80 });
    expect(day.total).toEqual({
      offered: 7, // C1–C6, C8
      answered: 4, // C1, C2, C4, C8
      abandoned: 2, // C3, C6
      voicemail: 1, // C5
      answeredWithinThreshold: 2, // C1 (10 s), C4 (5 s)
      serviceLevelPercent: 28.6, // 2 / 7
      averageSpeedOfAnswerSeconds: 23.8, // (10 + 30 + 5 + 50) / 4 = 23.75
      averageHandlingSeconds: 187.5, // (240+60 + 120+60 + 120+60 + 60+30) / 4
      averageAbandonWaitSeconds: 26.5, // (45 + 8) / 2
      longestAbandonWaitSeconds: 45,
      solvedDuringCall: 2, // C1, C8
      solvedDuringCallPercent: 50,
    });
    expect(
      day.byHour.map((h: Record<string, number>) => [
        h.hour,
        h.offered,
        h.answered,
        h.abandoned,
        h.voicemail,
        h.averageSpeedOfAnswerSeconds,
        h.serviceLevelPercent,
      ]),
    ).toEqual([
      [9, 3, 2, 1, 0, 20, 33.3],
      [10, 3, 1, 1, 1, 5, 33.3],
      [11, 1, 1, 0, 0, 50, 0],
    ]);
    expect(
      day.byAgent.map((r: Record<string, unknown>) => [r.agentId, r.answered, r.averageSpeedOfAnswerSeconds, r.averageHandlingSeconds, r.solvedDuringCall]),
    ).toEqual(
      expect.arrayContaining([
        [a.id, 2, 7.5, 240, 1], // C1 300, C4 180
        [b.id, 2, 40, 135, 1], // C2 180, C8 90
      ]),
    );
    expect(day.byAgent).toHaveLength(2);
    expect(day.voicemailsWaiting).toBe(1);
    // A: available 08:30–09:00:10, 09:05:10–10:00:05, 10:20–12:00; on calls 240 + 120; wrap-up 60 + 60; break 10:03:05–10:20.
    // B: available 08:45–09:10:30, 09:13:30–11:00:50, 11:02:20–12:00; on calls 120 + 60; wrap-up 60 + 30.
    const seconds = (id: string) => day.agentStates.find((s: { userId: string }) => s.userId === id).seconds;
    expect(seconds(a.id)).toEqual({ available: 1810 + 3295 + 6000, on_call: 360, wrap_up: 120, break: 1015, offline: 0 });
    expect(seconds(b.id)).toEqual({ available: 1530 + 6440 + 3460, on_call: 180, wrap_up: 90, break: 0, offline: 0 });

    const both = (await as(supervisor).get('/call-centre/figures', { from: TUESDAY, to: WEDNESDAY }).expect(200)).body;
    expect(
      both.byDay.map((d: Record<string, unknown>) => [
        d.day,
        d.offered,
        d.answered,
        d.averageSpeedOfAnswerSeconds,
        d.averageHandlingSeconds,
        d.serviceLevelPercent,
      ]),
    ).toEqual([
      [TUESDAY, 1, 1, 15, 60, 100],
      [WEDNESDAY, 7, 4, 23.8, 187.5, 28.6],
    ]);
    expect(both.total).toMatchObject({ offered: 8, answered: 5, answeredWithinThreshold: 3, serviceLevelPercent: 37.5 });

    // The call log keeps Twilio's queue events as they came.
    const logged = await t.dataSource.query('SELECT call_sid, queue_result, queue_seconds FROM call_logs WHERE call_sid = ANY($1) ORDER BY call_sid', [
      [c2, c3, c5, c8],
    ]);
    expect(logged.map((r: Record<string, unknown>) => [r.queue_result, r.queue_seconds])).toEqual([
      ['bridged', 25],
      ['hangup', 40],
      ['leave', 85],
      [null, 45],
    ]);
  });

  it("shows the wallboard after the day: nobody waiting, the agents' states, today's service level against the target", async () => {
    clockAt(WEDNESDAY, '12:30:00');
    const board = (await as(supervisor).get('/call-centre/wallboard').expect(200)).body;
    expect(board).toMatchObject({
      at: at(WEDNESDAY, '12:30:00').toISOString(),
      waitingCalls: 0,
      longestWaitSeconds: null,
      agents: { available: 0, on_call: 0, wrap_up: 0, break: 0, offline: 0 },
      agentList: [],
      today: { offered: 7, answered: 4, abandoned: 2, serviceLevelPercent: 28.6 },
      serviceLevel: { thresholdSeconds: 20, targetPercent: 80, met: false },
      voicemailsWaiting: 1,
    });
  });

  it('announces on the live stream when an agent changes state or a call moves, and the wallboard shows it', async () => {
    clockAt(WEDNESDAY, '13:00:00');
    const stream = await openEventStream<{ cause: string; at: string }>(port, `/api/v1/live/wallboard?access_token=${supervisor.token}`, 'wallboard');
    try {
      expect(stream.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await as(a).post('/voice/state', { state: 'available' }).expect(200);
      await waitFor('the wallboard nudge', async () => stream.events.some((e) => e.cause === 'agent'));
      expect((await as(supervisor).get('/call-centre/wallboard').expect(200)).body.agents.available).toBe(1);
      await offer(WEDNESDAY, '13:00:10');
      await waitFor('the call nudge', async () => stream.events.some((e) => e.cause === 'call'));
      clockAt(WEDNESDAY, '13:00:40');
      expect((await as(supervisor).get('/call-centre/wallboard').expect(200)).body).toMatchObject({ waitingCalls: 1, longestWaitSeconds: 30 });
    } finally {
      stream.close();
    }
  });

  it('lets supervisors, managers and executives see the wallboard and figures; an agent sees only their own figures', async () => {
    clockAt(WEDNESDAY, '13:30:00');
    const admin = await loginAs(t, 'admin');
    const manager = await loginAs(t, 'department-manager');
    const executive = await createStaff(t, admin, 'executive');
    for (const staff of [supervisor, manager, executive]) {
      await as(staff).get('/call-centre/wallboard').expect(200);
      await as(staff).get('/call-centre/figures', { from: WEDNESDAY }).expect(200);
    }
    const agentA = await loginAs(t, 'agent');
    await as(agentA).get('/call-centre/wallboard').expect(403);
    const own = (await as(agentA).get('/call-centre/figures', { from: WEDNESDAY, to: WEDNESDAY }).expect(200)).body;
    expect(own.total).toMatchObject({ offered: 2, answered: 2, abandoned: 0, averageHandlingSeconds: 240 });
    expect(own.byAgent.map((r: { agentId: string }) => r.agentId)).toEqual([a.id]);
    expect(own.agentStates.map((r: { userId: string }) => r.userId)).toEqual([a.id]);
    expect(own.voicemailsWaiting).toBe(0);
    const staff = await loginAs(t, 'department-staff');
    await as(staff).get('/call-centre/figures').expect(403);
    await as(staff).get('/call-centre/wallboard').expect(403);
    await as(staff).post('/voice/state', { state: 'available' }).expect(403);
    const stream = await openEventStream(port, `/api/v1/live/wallboard?access_token=${agentA.token}`, 'wallboard');
    stream.close();
    expect(stream.status).toBe(403);

    // Only the phone puts an agent on a call; a bad period is refused naming its field.
    const onCall = await as(agentA).post('/voice/state', { state: 'on_call' }).expect(400);
    expect(onCall.body.details[0].field).toBe('state');
    const backwards = await as(supervisor).get('/call-centre/figures', { from: WEDNESDAY, to: TUESDAY }).expect(400);
    expect(backwards.body.details[0].field).toBe('to');
  });

  it("a transfer ends the agent's part of the call (wrap-up); the colleague who takes it wraps up when it ends", async () => {
    await state(a, WEDNESDAY, '14:00:00', 'available');
    await state(b, WEDNESDAY, '14:00:00', 'available');
    const call = await offer(WEDNESDAY, '14:00:00');
    await answer(call, a, WEDNESDAY, '14:00:05');
    clockAt(WEDNESDAY, '14:01:00');
    await as(a).post(`/calls/${call}/transfer`, { toUserId: b.id }).expect(200);
    await answer(call, b, WEDNESDAY, '14:01:10');
    const stateOf = async (staff: Staff) => (await as(staff).get('/voice/state').expect(200)).body;
    expect(await stateOf(a)).toEqual({ userId: a.id, state: 'wrap_up', since: at(WEDNESDAY, '14:01:00').toISOString(), callSid: call });
    expect(await stateOf(b)).toMatchObject({ state: 'on_call', callSid: call });
    await hangUp(call, WEDNESDAY, '14:03:10');
    expect(await stateOf(b)).toEqual({ userId: b.id, state: 'wrap_up', since: at(WEDNESDAY, '14:03:10').toISOString(), callSid: call });
    const sources = await t.dataSource.query('SELECT user_id, state, source FROM agent_state_changes WHERE call_sid = $1 ORDER BY id', [call]);
    expect(sources).toEqual([
      { user_id: a.id, state: 'on_call', source: 'phone' },
      { user_id: a.id, state: 'wrap_up', source: 'phone' },
      { user_id: b.id, state: 'on_call', source: 'phone' },
      { user_id: b.id, state: 'wrap_up', source: 'phone' },
    ]);
  });
});
