import { z } from 'zod'
import { defineHub, hubMethod } from '../../../server/signalr'

/** The smallest hub a broadcast benchmark needs: subscribers join a group, the server sends to it. */
export const benchHub = defineHub({
  methods: {
    JoinGroup: hubMethod([z.string()], (context, group) => context.groups.add(context.connectionId, group)),
  },
})
