import { builder } from '../../builder.ts';
import type { UserModel } from '../../models/user.ts';
import { UserRef } from '../object-refs.ts';
import { checkSizes, idInput, inputNames, mutation, type PayloadShape, restBody } from './common.ts';

/**
 * updateUser (WPGraphQL's Mutation/UserUpdate.php), as a REST write to `/wp/v2/users/<id>` with the viewer's
 * credentials: a viewer may update themself; updating others takes what WordPress requires (`edit_users`).
 * Not served: `password` (a gateway should not be a path to change account passwords; WordPress's profile
 * screen is), `roles`, `registered`, and the legacy `aim`, `jabber`, `yim`, `richEditing` (no REST fields).
 */

const USER_FIELDS = {
  description: 'description',
  displayName: 'name',
  email: 'email',
  firstName: 'first_name',
  lastName: 'last_name',
  locale: 'locale',
  nicename: 'slug',
  nickname: 'nickname',
  websiteUrl: 'url',
} as const;

interface UserPayload {
  user: UserModel | null;
}

const UpdateUserPayload = builder.objectRef<UserPayload & PayloadShape>('UpdateUserPayload');
UpdateUserPayload.implement({
  fields: (t) => ({
    clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
    user: t.field({ type: UserRef, nullable: true, resolve: (p) => p.user }),
  }),
});

mutation(
  'updateUser',
  'UpdateUserInput',
  [
    'clientMutationId',
    'description',
    'displayName',
    'email',
    'firstName',
    'id',
    'lastName',
    'locale',
    'nicename',
    'nickname',
    'websiteUrl',
  ],
  UpdateUserPayload,
  async (input, context) => {
    checkSizes(input);
    const id = idInput(input, 'id');
    return { user: await context.writes.save('users', id, restBody(input, USER_FIELDS), inputNames(USER_FIELDS)) };
  },
);
