import { GraphQLError } from 'graphql';
import { builder } from '../../builder.ts';
import type { GatewayContext } from '../../context.ts';
import { databaseIdFromId } from '../../models/global-id.ts';
import { referenceInput } from '../inputs.ts';

/**
 * What every mutation shares: WPGraphQL's `input` argument (its input type from the reference SDL, with the
 * fields the REST API can honour), `clientMutationId` echoed back, ids read as WPGraphQL reads them, and the
 * checks made before anything is sent (sizes, ids), so bad input never reaches WordPress.
 */

/** A mutation's input as Pothos hands it over: the served fields of WPGraphQL's input type. */
export type MutationInput = Record<string, unknown>;

/** Every payload has `clientMutationId`, echoed from the input. */
export interface PayloadShape {
  clientMutationId: string | null;
}

/** `BAD_USER_INPUT` naming the input field (`extensions.field`) and what to send instead. */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`input.${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/**
 * A database id from an `ID` input: a global id (`cG9zdDox`) or a database id, as WPGraphQL's
 * `Utils::get_database_id_from_id` reads it; BAD_USER_INPUT when it is neither.
 */
export function idInput(input: MutationInput, field: string): number {
  const value = input[field];
  const id = typeof value === 'string' || typeof value === 'number' ? databaseIdFromId(value) : null;
  if (!id)
    throw badInput(
      field,
      `${JSON.stringify(value)} is not a valid ID: send a global id (as the node's \`id\` field gives it) or a database id`,
    );
  return id;
}

/** Like {@link idInput}, for an optional field: undefined when it was not sent (null or absent). */
export function optionalId(input: MutationInput, field: string): number | undefined {
  return input[field] === undefined || input[field] === null ? undefined : idInput(input, field);
}

/**
 * The longest text accepted per input field, in characters, checked before anything is sent. Content fields:
 * 1 MiB (a long article is ~100 KB of HTML; beyond this is a mistake or an attack, and PHP's post_max_size
 * would cut it anyway); comments: WordPress's own column limits (`wp_get_comment_fields_max_lengths`), so its
 * refusal after a half-done request never happens; any other text: 64 KiB.
 */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  content: 1_048_576,
  excerpt: 1_048_576,
  description: 1_048_576,
  caption: 1_048_576,
};
const DEFAULT_TEXT_LIMIT = 65_536;

/** Refuses text fields over their limit (`limits` over {@link TEXT_LIMITS}) with BAD_USER_INPUT naming the field. */
export function checkSizes(input: MutationInput, limits: Readonly<Record<string, number>> = {}): void {
  for (const [field, value] of Object.entries(input)) {
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    const limit = limits[field] ?? TEXT_LIMITS[field] ?? DEFAULT_TEXT_LIMIT;
    for (const text of texts) {
      if (text.length > limit) throw badInput(field, `${text.length} characters is more than the ${limit} accepted; send less`);
    }
  }
}

/**
 * A REST body from the input: for each `[inputField, restField]` the value sent, when it was sent (null counts as
 * not sent, as WPGraphQL ignores it), converted by `convert` when given.
 */
export function restBody(
  input: MutationInput,
  fields: Readonly<Record<string, string>>,
  convert: Readonly<Record<string, (value: unknown) => unknown>> = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(fields)) {
    const value = input[from];
    if (value === undefined || value === null) continue;
    body[to] = convert[from] ? convert[from](value) : value;
  }
  return body;
}

/** REST parameter → input field, the reverse of a {@link restBody} map, for naming the fields WordPress refuses. */
export function inputNames(fields: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([from, to]) => [to, from]));
}

/** WPGraphQL's status enum values (`PUBLISH`, `HOLD`) as REST's (`publish`, `hold`). */
export const lowerCase = (value: unknown): unknown => (typeof value === 'string' ? value.toLowerCase() : value);

/**
 * Declares the mutation `name`: argument `input: <inputType>!` (WPGraphQL's, with the `served` fields), its
 * payload type, and a resolver whose result is merged with the echoed `clientMutationId`.
 */
export function mutation<P extends object>(
  name: string,
  inputType: string,
  served: readonly string[],
  payload: ReturnType<typeof builder.objectRef<P & PayloadShape>>,
  resolve: (input: MutationInput, context: GatewayContext) => Promise<P>,
): void {
  const Input = referenceInput(inputType, served);
  builder.mutationField(name, (t) =>
    t.field({
      type: payload,
      args: { input: t.arg({ type: Input, required: true }) },
      // cast: Pothos's resolver type is conditional on the payload type, which a generic P leaves unresolved.
      resolve: (async (_root: unknown, args: { input: unknown }, context: GatewayContext) => {
        const input = args.input as MutationInput;
        const result = await resolve(input, context);
        const clientMutationId = typeof input.clientMutationId === 'string' ? input.clientMutationId : null;
        return { ...result, clientMutationId };
      }) as never,
    }),
  );
}
