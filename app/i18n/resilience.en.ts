/** Pages that must work when something goes wrong: a form refused as foreign, help while our database is down. */
export const resilienceEn = {
  'refused.title': 'That form came from another site',
  'refused.body':
    'A form was sent to Holdspace from a page that is not ours, so we did nothing with it. Nothing was changed.',
  'refused.again': 'If you were using Holdspace, go back to the page, reload it and try again.',
  'refused.help': 'If you need help now, our help page lists crisis lines you can call at once.',
  'refused.helpLink': 'Open the help page',
  'refused.home': 'Go to the home page',
  'crisis.degraded.notice': "We cannot reach our care team's system just now. The crisis lines below work at any time.",
  'crisis.degraded.kept':
    "We could not reach our care team's system just now. Your request is saved and will reach a clinician as soon as it is back. Please call one of these lines now.",
  'crisis.degraded.notKept':
    "We could not reach our care team's system just now, and we could not save your request. Please call one of these lines now, or your local emergency number.",
  'error.UNAVAILABLE.title': 'Holdspace is temporarily unavailable',
  'error.UNAVAILABLE.help':
    'Part of Holdspace is not working just now. If you need help now, the help page shows crisis lines you can call.',
  'form.retryAfterSeconds': 'You can try again in {seconds} seconds.',
  'form.retryAfterMinutes': 'You can try again in {minutes} minutes.',
} as const
