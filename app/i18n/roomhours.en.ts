/** Rooms that open only with cover (decision 043). */
export const roomhoursEn = {
  'error.ROOM_CLOSED':
    'This room is closed just now, so your message was not sent. It opens again when someone is there to look after it.',
  'roomhours.openNow': 'Open now',
  'roomhours.closedNow': 'Closed now',
  'roomhours.opens': 'Opens',
  'roomhours.closedTitle': 'This room is closed just now',
  'roomhours.closedBody': 'You can read it, but not write in it, until someone is there to look after it.',
  'roomhours.closedNoOpening': 'No opening time is planned yet.',
  'roomhours.admin.title': 'Room opening hours',
  'roomhours.admin.intro':
    'A room with opening hours is read-only outside them. Leave the hours empty for a room that is always open.',
  'roomhours.admin.zone': 'Time zone of the hours',
  'roomhours.admin.windows': 'Opening hours',
  'roomhours.admin.windowsHelp':
    'One line per opening: weekday number (1 Monday to 7 Sunday), then the hours, for example "1 18:00-20:00".',
  'roomhours.admin.save': 'Save hours',
  'roomhours.admin.saved': 'Opening hours saved.',
  'roomhours.closedHelp': 'If you need someone now, these lines are open:',
} as const
