/** Strings of the private messages pages. Every key also in messages.pl.ts. */
export const messagesEn = {
  'messages.title': 'Messages',
  'messages.intro':
    'Private messages between you and the facilitators of your groups. Facilitators answer when they can: this is not for emergencies.',
  'messages.asMember.title': 'Your conversations with facilitators',
  'messages.asMember.empty':
    'No messages yet. To write to the facilitator of a group you belong to, open the group and choose “Message the facilitator”.',
  'messages.asFacilitator.title': 'Messages from members of your groups',
  'messages.asFacilitator.help': 'Whoever has waited longest for an answer comes first.',
  'messages.asFacilitator.empty': 'No messages from members yet.',
  'messages.inbox.group': 'Group: {group}',
  'messages.inbox.unread': '{count} unread',
  'messages.inbox.last': 'Last message {time}',
  'messages.inbox.waiting': 'Waiting for an answer since {time}',
  'messages.inbox.overdue': 'Overdue',
  'messages.inbox.closed': 'Left the group',
  'messages.totalUnread': 'You have {count} unread messages.',
  'messages.back': 'All messages',
  'messages.thread.titleMember': 'Messages with {names}',
  'messages.thread.titleFacilitator': 'Messages with {pseudonym}',
  'messages.thread.group': 'Group: {group}',
  'messages.thread.responseTime': '{name} usually answers within {hours} hours.',
  'messages.thread.notEmergency':
    'Messages are not read around the clock. If you are in danger now, use “I need help now” or call your local emergency number.',
  'messages.thread.facilitatorHelp':
    'The member sees your professional name. You see them only by their group pseudonym.',
  'messages.thread.empty': 'No messages yet. Write the first one below.',
  'messages.thread.list': 'Messages',
  'messages.thread.you': 'You',
  'messages.thread.formerFacilitator': 'Former facilitator',
  'messages.thread.sent': 'Sent',
  'messages.thread.read': 'Read {time}',
  'messages.thread.closedMember':
    'You left this group. You can read this conversation but no longer send messages in it.',
  'messages.thread.closedFacilitator':
    'This member has left the group. You can read the conversation but no longer send messages in it.',
  'messages.thread.crisis':
    'What you wrote sounds really hard. A crisis clinician has been told and will reach out to you, so you do not have to wait for the facilitator. You can also contact one of these lines now.',
  'messages.thread.crisisOpen':
    'Your earlier request for help is still open: a crisis clinician will reach out to you.',
  'messages.thread.crisisOpenLink': 'Write to them on the help page',
  'messages.thread.crisisLines': 'Crisis lines you can call now',
  'messages.form.title': 'Write a message',
  'messages.form.body': 'Your message',
  'messages.form.bodyHelp': 'Up to 4000 characters. Only this group’s facilitators can read it.',
  'messages.form.send': 'Send',
  'messages.form.sent': 'Message sent.',
  'messages.startFromGroup': 'Message the facilitator',
  'profile.responseHours': 'Usual response time to private messages (hours)',
  'profile.responseHoursHelp': 'Members see this when they write to you. From 1 to 168 hours (one week).',
  'error.message_required': 'Write a message first.',
  'error.message_too_long': 'A message can be at most 4000 characters.',
  'error.message_rate_limited':
    'You have sent many messages in a short time. Please wait a few minutes before sending another.',
  'error.message_thread_closed': 'This conversation is closed because the member is no longer in the group.',
  'error.response_hours_invalid': 'Enter a whole number of hours from 1 to 168.',
} as const
