/** The answer bodies tests read, typed (supertest types them as any). */
export interface Answer {
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly eventIds: readonly string[];
  readonly error: string;
  readonly message: string;
  readonly problems: readonly { readonly field: string; readonly reason: string }[];
}

export const answerOf = (response: { body: unknown }) => response.body as Answer;

/** Any other body, read as a plain record for checks on its fields. */
export const bodyOf = (response: { body: unknown }) => response.body as Record<string, unknown>;

/** `expect.any` typed as what it stands for, so a matcher in an expected object is not an `any`. */
export const anyString = expect.any(String) as unknown as string;
export const anyArray = expect.any(Array) as unknown as unknown[];
