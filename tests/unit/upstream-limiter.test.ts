import { describe, expect, it } from 'vitest';
import { type ReleaseSlot, UpstreamLimiter, UpstreamOverloadedError } from '../../src/wordpress/upstream-limiter.ts';

/** A limiter on a clock the test moves, and a log of which requests started, in order. */
function setup(options: ConstructorParameters<typeof UpstreamLimiter>[0] = {}) {
  const clock = { now: 0 };
  const limiter = new UpstreamLimiter({ now: () => clock.now, ...options });
  const started: string[] = [];
  const releases = new Map<string, ReleaseSlot>();
  const schedule = (name: string, priority?: number, deadline?: number) =>
    limiter.schedule({ priority, deadline }, (release) => {
      started.push(name);
      releases.set(name, release);
    });
  const release = (name: string, outcome: Parameters<ReleaseSlot>[0] = 'success') => releases.get(name)?.(outcome);
  return { clock, limiter, started, schedule, release };
}

describe('UpstreamLimiter', () => {
  it('starts at most `concurrency` at once and the rest as slots free', () => {
    const { limiter, started, schedule, release } = setup({ concurrency: 2 });
    for (const name of ['a', 'b', 'c', 'd']) schedule(name, 1);
    expect(started).toEqual(['a', 'b']);
    expect(limiter.stats).toMatchObject({ inFlight: 2, queued: 2, peakInFlight: 2 });
    release('a');
    expect(started).toEqual(['a', 'b', 'c']);
    release('a'); // a second release of the same slot changes nothing
    expect(limiter.stats).toMatchObject({ inFlight: 2, queued: 1 });
    release('b');
    release('c');
    release('d');
    expect(limiter.stats).toMatchObject({ inFlight: 0, queued: 0, peakInFlight: 2 });
  });

  it('serves the oldest GraphQL request first, arrival order within one', () => {
    const { started, schedule, release } = setup({ concurrency: 1 });
    schedule('busy', 0);
    schedule('new-1', 30);
    schedule('old-1', 10);
    schedule('mid-1', 20);
    schedule('old-2', 10);
    schedule('new-2', 30);
    for (const name of ['busy', 'old-1', 'old-2', 'mid-1', 'new-1']) release(name);
    expect(started).toEqual(['busy', 'old-1', 'old-2', 'mid-1', 'new-1', 'new-2']);
  });

  it('refuses a request when the queue is full, with the estimated wait', () => {
    const { limiter, schedule } = setup({ concurrency: 1, queue: 2, adaptive: false });
    schedule('a');
    schedule('b');
    schedule('c');
    const refused = schedule('d');
    expect(refused).toBeInstanceOf(UpstreamOverloadedError);
    expect((refused as UpstreamOverloadedError).retryAfterMs).toBeGreaterThan(0);
    expect(limiter.stats).toMatchObject({ inFlight: 1, queued: 2, shed: 1 });
  });

  it('refuses at once a request whose estimated wait outlasts its deadline', () => {
    const { clock, limiter, schedule, release } = setup({ concurrency: 1, adaptive: false });
    // Service time learned: each request holds its slot 100 ms.
    for (let i = 0; i < 60; i++) {
      schedule(`warm-${i}`);
      clock.now += 100;
      release(`warm-${i}`);
    }
    schedule('busy');
    for (let i = 0; i < 5; i++) schedule(`q-${i}`);
    // Six ahead at ~100 ms each: a deadline 200 ms away cannot be met, one 2 s away can.
    expect(schedule('late', undefined, clock.now + 200)).toBeInstanceOf(UpstreamOverloadedError);
    expect(typeof schedule('fine', undefined, clock.now + 2_000)).toBe('function');
    expect(limiter.stats.shed).toBe(1);
  });

  it('a withdrawn request leaves the queue and never starts', () => {
    const { limiter, started, schedule, release } = setup({ concurrency: 1 });
    schedule('a');
    const withdraw = schedule('b') as () => boolean;
    schedule('c');
    expect(withdraw()).toBe(true);
    expect(withdraw()).toBe(false);
    release('a');
    expect(started).toEqual(['a', 'c']);
    expect(limiter.stats.queued).toBe(0);
  });

  it('AIMD: sustained overload lowers the limit to 3/4 once per service time; successes raise it back to the ceiling', () => {
    const { clock, limiter, schedule, release } = setup({ concurrency: 8 });
    // Overload signs in a row: the limit goes down once the recent outcomes are half overload (35 in a row)...
    let n = 0;
    const overload = () => {
      schedule(`o${n}`);
      release(`o${n++}`, 'overload');
    };
    for (let i = 0; i < 34; i++) overload();
    expect(limiter.limit).toBe(8);
    overload();
    expect(limiter.limit).toBe(6);
    // ...and not again within the same service time (one overload episode counts once).
    overload();
    expect(limiter.limit).toBe(6);
    clock.now += 1_000;
    overload();
    expect(limiter.limit).toBe(4);
    // Successes bring the average down and the limit back up, by 1/limit each.
    let i = 0;
    while (limiter.limit < 8 && i < 200) {
      schedule(`s${i}`);
      release(`s${i++}`, 'success');
    }
    expect(limiter.limit).toBe(8);
    expect(i).toBeGreaterThan(10);
  });

  it('failures among successes, even clustered (a third of outcomes, in runs of 3 retries), leave the limit at its ceiling', () => {
    const { clock, limiter, schedule, release } = setup({ concurrency: 6 });
    for (let i = 0; i < 600; i++) {
      schedule(`r${i}`);
      clock.now += 10;
      release(`r${i}`, i % 9 < 3 ? 'overload' : 'success');
    }
    expect(limiter.limit).toBe(6);
  });

  it('a cancelled request and a non-adaptive limiter leave the limit alone', () => {
    const fixed = setup({ concurrency: 4, adaptive: false });
    fixed.schedule('a');
    fixed.release('a', 'overload');
    expect(fixed.limiter.limit).toBe(4);
    const adaptive = setup({ concurrency: 4 });
    adaptive.schedule('a');
    adaptive.release('a', 'cancelled');
    expect(adaptive.limiter.limit).toBe(4);
  });

  it('rejects a limit below 1', () => {
    expect(() => new UpstreamLimiter({ concurrency: 0 })).toThrow(RangeError);
  });
});
