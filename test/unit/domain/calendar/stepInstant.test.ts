import { describe, expect, it } from 'vitest';
import { defaultPlanSettings } from '../../../../src/domain/calendar/planSettings.js';
import { meetingTimeline, stepInstant, timelineStepKinds } from '../../../../src/domain/calendar/timeline.js';

const defaults = defaultPlanSettings();

describe('stepInstant', () => {
  // Around both DST changes, and a plain day: one step alone is the step of the whole timeline.
  it.each(['2026-03-04', '2026-04-01', '2026-10-28', '2026-11-04', '2027-03-31'])('equals meetingTimeline for every kind (%s)', (date) => {
    const steps = meetingTimeline({ date, time: '13:00' }, defaults);
    for (const kind of timelineStepKinds) {
      expect(stepInstant({ date, time: '13:00' }, defaults, kind).toISOString()).toBe(steps.find((s) => s.kind === kind)!.at.toISOString());
    }
  });
});
