import { defineMethod } from '../api/method';
import { z } from '../shared/zod-messages';
import { listStudios } from './studio.repository';

export const studioMethods = {
  'studios/list': defineMethod({
    input: z.object({}),
    access: 'signedIn',
    write: false,
    summary: 'The studios of the center with their rooms',
    handler: (ctx) => listStudios(ctx.db),
  }),
};
