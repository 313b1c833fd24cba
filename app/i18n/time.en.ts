/** Time zones, the recurrence picker, plurals and numbers (issue 18). Plural keys end in a CLDR category. */
export const timeEn = {
  'time.zone.label': 'Time zone',
  'time.zone.help':
    'Every time on Holdspace is shown in this zone. It was taken from your browser; change it if it is wrong.',
  'time.zone.save': 'Save time zone',
  'time.zone.saved': 'Time zone saved.',
  'time.zone.current': 'Times are shown in {zone}.',

  'schedule.legend': 'Schedule',
  'schedule.repeat': 'Repeats',
  'schedule.repeat.weekly': 'Every week',
  'schedule.repeat.fortnightly': 'Every two weeks',
  'schedule.repeat.monthly': 'Every month, on the start date’s day',
  'schedule.days': 'On these days',
  'schedule.daysHelp': 'For weekly and two-weekly groups. None chosen: the start date’s weekday.',
  'schedule.startDate': 'First session date',
  'schedule.time': 'Start time',
  'schedule.ends': 'Ends',
  'schedule.ends.never': 'Never',
  'schedule.ends.on': 'On a date',
  'schedule.ends.after': 'After a number of sessions',
  'schedule.endDate': 'End date (if it ends on a date)',
  'schedule.count': 'Number of sessions (if it ends after a number)',
  'schedule.previewZone': 'Example member time zone for the preview',
  'schedule.preview': 'Preview sessions',
  'schedule.previewTitle': 'Next sessions',
  'schedule.previewHelp': 'Choose the schedule and press “Preview sessions” to see the next dates.',
  'schedule.previewIncomplete': 'The schedule is not complete yet.',
  'schedule.previewNone': 'This schedule has no more sessions.',
  'schedule.inZone': 'In {zone}',

  'plural.checkIns.one': '{count} check-in',
  'plural.checkIns.few': '{count} check-ins',
  'plural.checkIns.many': '{count} check-ins',
  'plural.checkIns.other': '{count} check-ins',
  'plural.days.one': '{count} day',
  'plural.days.few': '{count} days',
  'plural.days.many': '{count} days',
  'plural.days.other': '{count} days',
  'plural.unreadMessages.one': 'You have {count} unread message.',
  'plural.unreadMessages.few': 'You have {count} unread messages.',
  'plural.unreadMessages.many': 'You have {count} unread messages.',
  'plural.unreadMessages.other': 'You have {count} unread messages.',
  'plural.checkedInToday.one':
    'You have checked in {count} time today — that is the most for one day. Come back tomorrow.',
  'plural.checkedInToday.few':
    'You have checked in {count} times today — that is the most for one day. Come back tomorrow.',
  'plural.checkedInToday.many':
    'You have checked in {count} times today — that is the most for one day. Come back tomorrow.',
  'plural.checkedInToday.other':
    'You have checked in {count} times today — that is the most for one day. Come back tomorrow.',
  'mood.summary':
    '{checkIns} on {daysWith} of the last {days}. Average of all check-ins {average} out of 10; lowest check-in {low}, highest {high}.',

  'homework.dueInZone': 'Due date and time ({zone} time)',
  'homework.zoneNote':
    'Due dates are shown in your time zone ({zone}); when you set one, enter it in the group’s time zone ({groupZone}).',
  'error.homework_already_set': 'This homework was already set (the form was sent twice).',
  'error.repeat_invalid': 'Choose how often the group meets.',
  'error.ends_invalid': 'Choose when the schedule ends.',
  'error.end_date_invalid': 'Choose an end date on or after the first session.',
  'error.count_invalid': 'Enter a number of sessions from 1 to 200.',
} as const
