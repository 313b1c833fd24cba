/** Rooms that open only with cover (decision 043). */
export const roomhoursEn = {
  'error.ROOM_CLOSED': 'This room is closed just now, so your message was not sent. It opens again when someone is there to look after it.',
  'roomhours.openNow': 'Open now',
  'roomhours.closedNow': 'Closed now',
  'roomhours.opens': 'Opens',
  'roomhours.closedTitle': 'This room is closed just now',
  'roomhours.closedBody': 'You can read it, but not write in it, until someone is there to look after it.',
  'roomhours.closedNoOpening': 'No opening time is planned yet.',
  'roomhours.closedHelp': 'If you need someone now, these lines are open:',
} as const
