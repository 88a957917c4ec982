// The extension's one clock: real time, plus an offset the integration tests move (through the API activate()
// returns) to see what a later day looks like. The spaced-review schedule and the mock-interview countdown read it.
import { Emitter, type Event } from './events';

export class Clock {
  private offsetMs = 0;
  private readonly changed = new Emitter<void>();
  /** Fires when the clock is moved (never as time simply passes). */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(private readonly real: () => number = () => Date.now()) {}

  now(): Date {
    return new Date(this.real() + this.offsetMs);
  }

  /** Moves the clock forward (or back, with a negative amount) by `ms`. */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`Clock.advance: ${ms} is not a number of milliseconds`);
    this.offsetMs += ms;
    this.changed.fire();
  }

  /** Back to real time. */
  reset(): void {
    this.offsetMs = 0;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
