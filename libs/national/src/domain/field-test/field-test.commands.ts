import type { EffectScale, FieldTestVerdict } from '@spiral/event-catalogue';
import type { PracticeStatus } from '@spiral/event-catalogue';

/** What the application layer loaded of the practice under test; undefined when none exists. */
export interface PracticeUnderTest {
  readonly practiceId: string;
  readonly status: PracticeStatus;
}

export interface StartFieldTest {
  readonly type: 'StartFieldTest';
  readonly fieldTestId: string;
  readonly practiceId: string;
  readonly practice: PracticeUnderTest | undefined;
  /** Organisation codes of the sites, 1 to 50, each once. */
  readonly sites: readonly string[];
  readonly protocol: string;
}

export interface ReportFieldTestSite {
  readonly type: 'ReportFieldTestSite';
  readonly fieldTestId: string;
  readonly site: string;
  readonly measure: string;
  readonly baselineValue: number;
  readonly resultValue: number;
  readonly notes?: string;
}

export interface ConcludeFieldTest {
  readonly type: 'ConcludeFieldTest';
  readonly fieldTestId: string;
  readonly verdict: FieldTestVerdict;
  readonly effectSize: number;
  /** The effect size's scale; the protocol's own when not given (as every verdict before schema v2). */
  readonly effectScale?: EffectScale;
  readonly summary: string;
}

export type FieldTestCommand = StartFieldTest | ReportFieldTestSite | ConcludeFieldTest;
